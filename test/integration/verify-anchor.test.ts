import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postTransfer, systemAccount } from '../../src-main/ledger';
import type { Router } from '../../src-main/api/router';
import { readBackupHeader, writeBackupFile } from '../../src-main/store/backup-file';
import { snapshotDatabase } from '../../src-main/store/database-copy';
import { readKeyslotFile } from '../../src-main/store/keyslots';
import type { AnchorCertificate } from '../../src-shared/contract/verify';
import { ADMIN, ok, setUpRouter, tempDataDir } from '../support/temp-data';
import { jobResult } from '../support/jobs';

// Issue 7 item 5: hash chains show a row changed or taken from the middle, but a chain cut at its
// end is still a valid chain. A certificate kept outside the workstation (an anchor) shows it:
// today's chains must still hold the anchored last rows, and be at least as long.

/** Posts `count` plain transfers from branch cash to merchant settlement, keyed from `from`. */
function postPlain(router: Router, from: number, count: number): void {
  const store = router.state.requireStore();
  const cash = systemAccount(store, 'branch_cash', 'CNY');
  const merchant = systemAccount(store, 'merchant_settlement', 'CNY');
  for (let n = from; n < from + count; n += 1) {
    postTransfer(store, { idempotencyKey: `plain-${n}`, debitAccountId: cash.id, creditAccountId: merchant.id, amount: 100 * n, kind: 'adjustment', actor: ADMIN.username });
  }
}

/** Two audit rows no table replays: a lock and a sign-in. */
async function lockAndUnlock(router: Router): Promise<void> {
  await ok(router, 'session.lock', {});
  await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
}

/**
 * What a key holder with a SQLCipher shell can do unseen by verify alone: cut the journal and the
 * audit log back to `transfers` and `auditRows` rows, keeping both chains, the account totals,
 * the staff's sign-in times and sqlite_sequence consistent, and take away every checkpoint that
 * signed a row past the cut (the newest checkpoints are the tail of their own chain).
 */
function truncateTails(router: Router, { transfers, auditRows }: { transfers: number; auditRows: number }): string[] {
  const db = router.state.requireStore().sqlite;
  const cutActions = db.prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id').pluck().all(auditRows) as string[];
  db.transaction(() => {
    const cut = db.prepare('SELECT debit_account_id AS debit, credit_account_id AS credit, amount FROM transfers WHERE id > ?').all(transfers) as { debit: number; credit: number; amount: number }[];
    for (const t of cut) {
      db.prepare('UPDATE accounts SET debits_posted = debits_posted - ? WHERE id = ?').run(t.amount, t.debit);
      db.prepare('UPDATE accounts SET credits_posted = credits_posted - ? WHERE id = ?').run(t.amount, t.credit);
    }
    for (const trigger of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_%'`).pluck().all() as string[]) db.exec(`DROP TRIGGER ${trigger}`);
    db.prepare('DELETE FROM transfers WHERE id > ?').run(transfers);
    db.prepare('DELETE FROM audit_log WHERE id > ?').run(auditRows);
    const firstUnsigned = db.prepare('SELECT min(id) FROM checkpoints WHERE journal_id > ? OR audit_id > ?').pluck().get(transfers, auditRows) as number | null;
    if (firstUnsigned !== null) db.prepare('DELETE FROM checkpoints WHERE id >= ?').run(firstUnsigned);
    db.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(auditRows);
    // Each sign-in's time is on the staff row too; the attacker winds it back to the last one left.
    db.exec(`UPDATE staff SET last_login_at = (SELECT max(at) FROM audit_log WHERE action IN ('setup.init', 'session.unlock') AND actor = staff.username)`);
  })();
  return cutActions;
}

async function branchWithAnchor() {
  const { router, dataDir } = await setUpRouter();
  postPlain(router, 1, 5);
  await lockAndUnlock(router);
  const { certificate } = await ok(router, 'system.verify', {});
  return { router, dataDir, certificate };
}

/** The anchor's findings, by chain (and `trust`, `signature`). */
function findingsOf(anchor: { findings: { chain: string; ok: boolean; detail: string }[] }): Record<string, { ok: boolean; detail: string }> {
  return Object.fromEntries(anchor.findings.map(({ chain, ...rest }) => [chain, rest]));
}

describe('the verification certificate', () => {
  it('states where each chain ends, the counts, when, who, the schema version and the trust fingerprint, signed by whoever ran it', async () => {
    const { router, certificate } = await branchWithAnchor();
    const report = await ok(router, 'system.verify', {});
    const tip = (chain: string) => ({ length: report.chains[chain]!.length, lastId: report.chains[chain]!.lastId, head: report.heads[chain] });
    expect(certificate).toMatchObject({
      format: 'paydesk-verify-certificate',
      version: 1,
      takenBy: ADMIN.username,
      schemaVersion: expect.any(Number),
      ok: true,
      signature: { publicKey: expect.any(String), value: expect.any(String) },
      trustFingerprint: router.state.requireSession().trustFingerprint,
      chains: {
        journal: { table: 'transfers', length: 5, lastId: 5, head: report.heads.journal },
        audit: { table: 'audit_log', ...tip('audit') },
        certificates: { table: 'staff_certificates', ...tip('certificates') },
        checkpoints: { table: 'checkpoints', ...tip('checkpoints') },
      },
    });
    expect(certificate.trustFingerprint).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    expect(Date.parse(certificate.takenAt)).not.toBeNaN();
    expect(certificate.counts['ledger.chain']).toEqual({ transfers: 5, accounts: expect.any(Number) });
    expect(Object.keys(certificate.counts)).toEqual(report.checks.map((c) => c.name));
  });
});

describe('system.verifyAnchor', () => {
  it('accepts the unchanged ledger, and a ledger that grew since the anchor', async () => {
    const { router, certificate } = await branchWithAnchor();
    const same = await ok(router, 'system.verifyAnchor', { certificate });
    expect(same.anchor).toMatchObject({ ok: true, anchorTakenBy: ADMIN.username });
    expect(same.anchor.findings.map((f) => [f.chain, f.ok])).toEqual([
      ['journal', true], ['audit', true], ['certificates', true], ['checkpoints', true], ['trust', true], ['signature', true],
    ]);

    postPlain(router, 6, 3);
    await lockAndUnlock(router);
    const grown = await ok(router, 'system.verifyAnchor', { certificate });
    expect(grown.ok).toBe(true);
    expect(findingsOf(grown.anchor)).toMatchObject({
      journal: { ok: true, detail: '8 rows, extends the anchor by 3' },
      audit: { ok: true, detail: expect.stringMatching(/rows, extends the anchor by 2$/) },
      certificates: { ok: true, detail: expect.stringMatching(/unchanged$/) },
      checkpoints: { ok: true, detail: expect.stringMatching(/rows, extends the anchor by \d+$/) },
    });
  });

  it('names both chains as cut when the newest transfers and audit rows were deleted, which verify alone passes', async () => {
    const { router, certificate } = await branchWithAnchor();
    const auditLength = certificate.chains.audit.length;
    const cutActions = truncateTails(router, { transfers: 3, auditRows: auditLength - 2 });
    expect(cutActions).toEqual(['session.lock', 'session.unlock']);

    expect((await ok(router, 'system.verify', {})).checks.filter((c) => !c.ok)).toEqual([]);
    const checked = await ok(router, 'system.verifyAnchor', { certificate });
    expect(checked.ok).toBe(true);
    expect(checked.anchor.ok).toBe(false);
    expect(findingsOf(checked.anchor)).toMatchObject({
      journal: { ok: false, detail: 'the journal chain was cut: 3 rows, the anchor has 5' },
      audit: { ok: false, detail: `the audit chain was cut: ${auditLength - 2} rows, the anchor has ${auditLength}` },
      checkpoints: { ok: false, detail: expect.stringMatching(/^the checkpoints chain was cut/) },
      certificates: { ok: true },
      trust: { ok: true },
    });
  });

  it('names the anchored row when the cut tail was posted over again to the same length', async () => {
    const { router, certificate } = await branchWithAnchor();
    truncateTails(router, { transfers: 3, auditRows: certificate.chains.audit.length });
    postPlain(router, 100, 4);
    const checked = await ok(router, 'system.verifyAnchor', { certificate });
    expect(checked.ok).toBe(true);
    expect(findingsOf(checked.anchor)).toMatchObject({
      journal: { ok: false, detail: 'the journal chain was rewritten: transfers#5 no longer has the anchored hash' },
      audit: { ok: true },
    });
  });

  it('takes the certificate a backup carries in its header', async () => {
    const { router } = await branchWithAnchor();
    const backupPath = join(tempDataDir(), 'anchor.pdbk');
    await jobResult(router, 'backup.create', { path: backupPath });
    const { header } = await readBackupHeader(backupPath);
    const live = await ok(router, 'system.verify', {});
    // The backup's own audit row comes after the snapshot.
    expect(header.certificate?.chains.journal).toEqual(live.chains.journal);
    expect(header.certificate?.chains.audit.length).toBe(live.chains.audit!.length - 1);

    expect((await ok(router, 'system.verifyAnchor', { backupPath })).anchor.ok).toBe(true);
    truncateTails(router, { transfers: 4, auditRows: header.certificate!.chains.audit.length });
    const cut = await ok(router, 'system.verifyAnchor', { backupPath });
    expect(cut.anchor.findings[0]).toEqual({ chain: 'journal', ok: false, detail: 'the journal chain was cut: 4 rows, the anchor has 5' });
  });

  it('reads a backup from before certificates, and refuses it as an anchor with INVALID_INPUT', async () => {
    const { router } = await branchWithAnchor();
    const store = router.state.requireStore();
    const dir = tempDataDir();
    const snapshot = join(dir, 'snapshot.db');
    snapshotDatabase(store.sqlite, snapshot);
    const backupPath = join(dir, 'old.pdbk');
    await writeBackupFile(backupPath, { createdAt: new Date().toISOString(), schemaVersion: 1, keyslots: readKeyslotFile(store.paths.keyslots) }, snapshot, store.masterKey);
    expect((await readBackupHeader(backupPath)).header.certificate).toBeUndefined();
    expect(await router.invoke('system.verifyAnchor', { backupPath })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'backupPath', reason: 'no_certificate' } },
    });
  });

  it('refuses a malformed certificate with INVALID_INPUT naming the field', async () => {
    const { router, certificate } = await branchWithAnchor();
    const broken = { ...certificate, chains: { ...certificate.chains, journal: { ...certificate.chains.journal, head: 'not a hash' } } } as AnchorCertificate;
    const answer = await router.invoke('system.verifyAnchor', { certificate: broken });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
