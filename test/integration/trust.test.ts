import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import { readKeyslotFile, writeKeyslotFile, type Keyslot } from '../../src-main/store/keyslots';
import type { Store } from '../../src-main/store/store';
import { Signer, newSigningIdentity } from '../../src-main/trust/signer';
import { issueCertificate } from '../../src-main/trust/staff-certificates';
import { CHECKPOINT_INTERVAL_MS } from '../../src-main/trust/checkpoints';
import { CHAINED_COLUMNS, GENESIS_HASH, chainHash } from '../../src-main/ledger/journal';
import { rawOpen } from '../support/files';
import { ADMIN, TELLER, ok, setUpRouter, tempDataDir } from '../support/temp-data';
import { jsonOf, runCli } from '../support/cli';
import { jobResult } from '../support/jobs';

// Issue 7 item 3: signatures that only the actor can make. Every staff member can unwrap the
// database key, so here "a key holder" is the teller with the master key and a SQLCipher shell:
// she edits rows directly. Roles come from certificates an admin signed, rooted in the founding
// admin's key; checkpoints sign the chain heads; verify checks both.

const asTeller = { PAYDESK_PASSPHRASE: TELLER.passphrase };

/** Runs `edit` as a key holder on the raw database: triggers dropped for the edit, put back after. */
function asKeyHolder(store: Store, edit: (store: Store) => void): void {
  const db = store.sqlite;
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_%'`).all() as { name: string; sql: string }[];
  db.transaction(() => {
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
    edit(store);
    for (const trigger of triggers) db.exec(trigger.sql);
  })();
}

async function branchWithTeller(): Promise<{ router: Router; dataDir: string; recoveryKey: string; trustFingerprint: string }> {
  const { router, dataDir, recoveryKey } = await setUpRouter();
  await ok(router, 'staff.add', TELLER);
  return { router, dataDir, recoveryKey, trustFingerprint: router.state.requireSession().trustFingerprint };
}

function failing(report: { checks: { name: string; ok: boolean; firstViolation: string | null }[] }): [string, string | null][] {
  return report.checks.filter((check) => !check.ok).map((check) => [check.name, check.firstViolation]);
}

/** Changes one transfer's amount and recomputes every hash after it and every account's totals, as a key holder would. */
function rewriteAmount(store: Store, transferId: number, amount: number): void {
  const db = store.sqlite;
  db.prepare('UPDATE transfers SET amount = ? WHERE id = ?').run(amount, transferId);
  let prev = GENESIS_HASH;
  for (const row of db.prepare(`SELECT id, ${CHAINED_COLUMNS.join(', ')} FROM transfers ORDER BY id`).all() as Record<string, unknown>[]) {
    const hash = chainHash(prev, JSON.stringify(CHAINED_COLUMNS.map((column) => row[column])));
    db.prepare('UPDATE transfers SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
  db.exec(`UPDATE accounts SET
    debits_posted = (SELECT coalesce(sum(amount), 0) FROM transfers WHERE debit_account_id = accounts.id),
    credits_posted = (SELECT coalesce(sum(amount), 0) FROM transfers WHERE credit_account_id = accounts.id)`);
}

const staffId = (store: Store, username: string) => store.sqlite.prepare('SELECT id FROM staff WHERE username = ?').pluck().get(username) as number;
const checkpointReasons = (store: Store) => store.sqlite.prepare('SELECT signer, reason FROM checkpoints ORDER BY id').raw().all() as [string, string][];

describe('the trust root', () => {
  it('is the founding admin’s key: set-up, the session, verify and the recovery admin all show one fingerprint', async () => {
    const dataDir = tempDataDir();
    const router = createRouter({ dataDir });
    const { trustFingerprint, recoveryKey, session } = await ok(router, 'setup.init', ADMIN);
    expect(trustFingerprint).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    expect(session.trustFingerprint).toBe(trustFingerprint);
    const store = router.state.requireStore();
    expect(store.sqlite.prepare('SELECT id, username, role, status, issuer, issuer_certificate_id FROM staff_certificates ORDER BY id').all()).toEqual([
      { id: 1, username: 'admin', role: 'admin', status: 'active', issuer: 'admin', issuer_certificate_id: null },
      { id: 2, username: 'recovery', role: 'admin', status: 'active', issuer: 'admin', issuer_certificate_id: 1 },
    ]);
    expect((await ok(router, 'system.verify', {})).trustFingerprint).toBe(trustFingerprint);
    expect((await ok(router, 'session.unlockWithRecoveryKey', { recoveryKey })).trustFingerprint).toBe(trustFingerprint);
    router.close();
  });

  it('keeps signing keys out of reach of the master key: keyslots.json holds each one only sealed under its owner’s secret', async () => {
    const { router, dataDir } = await branchWithTeller();
    const { privateKey } = router.state.requireSigner().identity;
    const text = readFileSync(join(dataDir, 'keyslots.json'), 'utf8');
    expect(text).not.toContain(privateKey.toString('base64'));
    expect(readKeyslotFile(join(dataDir, 'keyslots.json')).slots.map((slot) => [slot.kind, Boolean(slot.signing?.sealed.ciphertext)])).toEqual([
      ['staff', true], ['recovery', true], ['staff', true],
    ]);
  });
});

describe('roles come from certificates, never from the staff table', () => {
  it('a teller who set her own staff.role to admin is still a teller: in her live session, at her next sign-in, in the CLI; verify exits 1 naming her row', async () => {
    const { router, dataDir } = await branchWithTeller();
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    const store = router.state.requireStore();
    asKeyHolder(store, (s) => s.sqlite.prepare(`UPDATE staff SET role = 'admin' WHERE username = ?`).run(TELLER.username));
    const staffBefore = store.sqlite.prepare('SELECT count(*) FROM staff').pluck().get();
    const tinaRow = staffId(store, TELLER.username);

    const live = await router.invoke('staff.add', { username: 'mallory', displayName: 'M', role: 'admin', passphrase: 'mallory passphrase 2026' });
    expect(live).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(router, 'session.lock', {});
    expect((await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase })).role).toBe('teller');
    router.close();

    const cli = await runCli(['staff', 'add', '--data', dataDir, '--user', TELLER.username, '--username', 'mallory', '--name', 'M', '--role', 'admin'], { ...asTeller, PAYDESK_NEW_PASSPHRASE: 'mallory passphrase 2026' });
    expect(cli.code).toBe(5);
    expect(cli.stderr).toContain('FORBIDDEN');
    const verify = await runCli(['verify', '--data', dataDir, '--user', ADMIN.username, '--json'], { PAYDESK_PASSPHRASE: ADMIN.passphrase });
    expect(verify.code).toBe(1);
    expect(failing(jsonOf(verify))).toContainEqual(['trust.certificates', `staff#${tinaRow}`]);
    const admin = createRouter({ dataDir });
    await ok(admin, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(admin.state.requireStore().sqlite.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(staffBefore);
    admin.close();
  }, 60_000);

  it('a certificate a key holder signed for herself grants nothing, and verify names it', async () => {
    const { router } = await branchWithTeller();
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    const store = router.state.requireStore();
    // She signs with her own key, as the issuer of her own admin certificate.
    const self = router.state.requireSigner();
    const forged = store.sqlite.transaction(() => {
      try {
        return issueCertificate(store, self, { username: TELLER.username, role: 'admin', status: 'active', publicKey: self.publicKey }, new Date());
      } catch {
        return null;
      }
    })();
    expect(forged).not.toBeNull();

    expect(await router.invoke('staff.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(failing(await ok(router, 'system.verify', {}))).toContainEqual(['trust.certificates', `staff_certificates#${forged!.id}`]);
  });

  it('a trust root swapped in (every certificate re-issued under the key holder’s own key) is refused at everyone else’s sign-in with TRUST_BROKEN', async () => {
    const { router, dataDir, recoveryKey } = await branchWithTeller();
    const store = router.state.requireStore();
    const masterKey = store.masterKey.toString('hex');
    const root = new Signer(ADMIN.username, newSigningIdentity());
    asKeyHolder(store, (s) => {
      s.sqlite.exec('DELETE FROM staff_certificates');
      const now = new Date();
      issueCertificate(s, root, { username: ADMIN.username, role: 'admin', status: 'active', publicKey: root.publicKey }, now);
      issueCertificate(s, root, { username: TELLER.username, role: 'admin', status: 'active', publicKey: root.publicKey }, now);
    });
    expect(await router.invoke('staff.list', {})).toMatchObject({ ok: false, error: { code: 'TRUST_BROKEN' } });
    expect(router.state.session).toBeNull();
    const rows = () => {
      const raw = rawOpen(join(dataDir, 'paydesk.db'), masterKey, { readonly: true });
      try {
        return raw.prepare('SELECT (SELECT count(*) FROM audit_log), (SELECT count(*) FROM checkpoints), (SELECT count(*) FROM staff_certificates)').raw().get();
      } finally {
        raw.close();
      }
    };
    const before = rows();

    expect(await router.invoke('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'TRUST_BROKEN' } });
    expect(await router.invoke('session.unlockWithRecoveryKey', { recoveryKey })).toMatchObject({ ok: false, error: { code: 'TRUST_BROKEN' } });
    const cli = await runCli(['verify', '--data', dataDir, '--user', ADMIN.username], { PAYDESK_PASSPHRASE: ADMIN.passphrase });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('TRUST_BROKEN');
    // Her own slot still trusts the real root, so even she is refused until she rewrites it; and
    // the refused sign-ins wrote nothing: no audit row, no checkpoint, no certificate.
    expect(await router.invoke('session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase })).toMatchObject({ ok: false, error: { code: 'TRUST_BROKEN' } });
    expect(rows()).toEqual(before);
  }, 60_000);

  it('an admin disabling a teller or resetting her passphrase ends her live session at her next call', async () => {
    const { router, dataDir } = await branchWithTeller();
    const teller = createRouter({ dataDir, background: false });
    await ok(teller, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    await ok(teller, 'members.search', {});

    await ok(router, 'staff.resetPassphrase', { username: TELLER.username, passphrase: 'a new teller passphrase 9' });
    expect(await teller.invoke('members.search', {})).toMatchObject({ ok: false, error: { code: 'NOT_CERTIFIED' } });
    expect(teller.state.session).toBeNull();

    await ok(teller, 'session.unlock', { username: TELLER.username, passphrase: 'a new teller passphrase 9' });
    await ok(router, 'staff.disable', { username: TELLER.username });
    expect(await teller.invoke('members.search', {})).toMatchObject({ ok: false, error: { code: 'STAFF_DISABLED' } });
    expect(teller.state.session).toBeNull();
    teller.close();
    expect(failing(await ok(router, 'system.verify', {}))).toEqual([]);
  });
});

describe('changing a role and enabling again', () => {
  it('re-signs the certificate: the new role holds at the person\'s next call, in their live session; the last admin cannot be demoted', async () => {
    const { router, dataDir } = await branchWithTeller();
    const teller = createRouter({ dataDir, background: false });
    await ok(teller, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    expect(await teller.invoke('ledger.trialBalance', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await ok(router, 'staff.changeRole', { username: TELLER.username, role: 'finance' })).toMatchObject({ role: 'finance' });
    await ok(teller, 'ledger.trialBalance', {});
    const certificates = router.state.requireStore().sqlite.prepare('SELECT role FROM staff_certificates WHERE username = ? ORDER BY id').pluck().all(TELLER.username);
    expect(certificates).toEqual(['teller', 'finance']);
    teller.close();

    const before = await ok(router, 'staff.list', {});
    expect(await router.invoke('staff.changeRole', { username: ADMIN.username, role: 'auditor' })).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } });
    expect(await ok(router, 'staff.list', {})).toEqual(before);
    expect(failing(await ok(router, 'system.verify', {}))).toEqual([]);
  });

  it('enables a disabled person again with a new passphrase: the old one no longer opens, the new one does, with the role they had', async () => {
    const { router } = await branchWithTeller();
    await ok(router, 'staff.disable', { username: TELLER.username });
    const enabled = await ok(router, 'staff.enable', { username: TELLER.username, passphrase: 'a fresh teller passphrase 7' });
    expect(enabled).toMatchObject({ status: 'active', role: 'teller' });
    expect(failing(await ok(router, 'system.verify', {}))).toEqual([]);
    await ok(router, 'session.lock', {});
    expect(await router.invoke('session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect((await ok(router, 'session.unlock', { username: TELLER.username, passphrase: 'a fresh teller passphrase 7' })).role).toBe('teller');
  });
});

describe('checkpoints', () => {
  it('open and close every session, sign after a job, and sign again once five minutes pass with new rows', async () => {
    const dataDir = tempDataDir();
    let now = new Date('2026-12-01T09:00:00.000Z');
    const router = createRouter({ dataDir, clock: () => now, background: false });
    await ok(router, 'setup.init', ADMIN);
    const store = router.state.requireStore();
    expect(checkpointReasons(store)).toEqual([['admin', 'open']]);

    await ok(router, 'members.create', { name: 'Early Member', phone: '13800000001' });
    now = new Date(now.getTime() + CHECKPOINT_INTERVAL_MS - 1_000);
    await ok(router, 'members.create', { name: 'Second Member', phone: '13800000002' });
    expect(checkpointReasons(store)).toEqual([['admin', 'open']]);
    now = new Date(now.getTime() + 2_000);
    await ok(router, 'members.create', { name: 'Third Member', phone: '13800000003' });
    expect(checkpointReasons(store)).toEqual([['admin', 'open'], ['admin', 'interval']]);

    await jobResult(router, 'backup.create', { path: join(tempDataDir(), 'b.pdbk') });
    expect(checkpointReasons(store).at(-1)).toEqual(['admin', 'job']);
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    router.close();

    const reader = createRouter({ dataDir, background: false });
    await ok(reader, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const reasons = checkpointReasons(reader.state.requireStore());
    expect(reasons.slice(-4)).toEqual([['admin', 'lock'], ['admin', 'open'], ['admin', 'close'], ['admin', 'open']]);
    const report = await ok(reader, 'system.verify', {});
    expect(failing(report)).toEqual([]);
    expect(report.checks.find((check) => check.name === 'trust.sessions')!.counts.sessions).toBe(3);
    reader.close();
  });

  it('another person’s transfer rewritten with every hash recomputed: their next sign-in answers TRUST_BROKEN, and verify names their checkpoint', async () => {
    const { router, recoveryKey } = await branchWithTeller();
    const member = await ok(router, 'members.create', { name: 'Payee', phone: '13800000004' });
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: 5_000, currency: 'CNY', idempotencyKey: 'k-1' });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    const store = router.state.requireStore();
    // The amount is changed and the chain recomputed; the admin's lock checkpoint signed the old head.
    asKeyHolder(store, (s) => rewriteAmount(s, 1, 4_000));
    await ok(router, 'session.lock', {});
    expect(await router.invoke('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'TRUST_BROKEN' } });
    // The recovery admin has signed nothing yet, so signs in; verify names the admin's checkpoint.
    await ok(router, 'session.unlockWithRecoveryKey', { recoveryKey });
    const named = failing(await ok(router, 'system.verify', {}));
    expect(named.map(([name]) => name)).toContain('trust.checkpoints');
    expect(named.find(([name]) => name === 'trust.checkpoints')![1]).toMatch(/^checkpoints#\d+$/);
  });
});

describe('a folder from before signatures', () => {
  /** Takes the signing keys out of every slot and empties the certificates and checkpoints, as the code before signatures left a folder. */
  function unsign(router: Router, dataDir: string): void {
    const store = router.state.requireStore();
    const masterKey = Buffer.from(store.masterKey);
    asKeyHolder(store, (s) => s.sqlite.exec('DELETE FROM checkpoints; DELETE FROM staff_certificates;'));
    router.state.signOut({ sign: false });
    const path = join(dataDir, 'keyslots.json');
    const slots = readKeyslotFile(path).slots.map(({ signing: _signing, ...slot }) => slot as Keyslot);
    writeKeyslotFile(path, slots, masterKey);
  }

  it('lets the first admin to sign in found the trust root; a teller needs an admin to reset her passphrase', async () => {
    const { router, dataDir } = await branchWithTeller();
    unsign(router, dataDir);

    expect(await router.invoke('session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase })).toMatchObject({ ok: false, error: { code: 'NOT_CERTIFIED' } });
    const session = await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(session.role).toBe('admin');
    const slots = readKeyslotFile(join(dataDir, 'keyslots.json')).slots;
    expect(Object.fromEntries(slots.map((slot) => [slot.kind === 'staff' ? slot.username : slot.kind, Boolean(slot.signing)]))).toEqual({ admin: true, recovery: false, [TELLER.username]: false });
    expect(await router.invoke('session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase })).toMatchObject({ ok: false, error: { code: 'NOT_CERTIFIED' } });

    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await ok(router, 'staff.resetPassphrase', { username: TELLER.username, passphrase: 'a new teller passphrase 9' });
    expect((await ok(router, 'session.unlock', { username: TELLER.username, passphrase: 'a new teller passphrase 9' })).role).toBe('teller');
  });
});

describe('anchors and trust', () => {
  it('an anchor from data with another root fails its trust finding; a tampered anchor signature fails its signature finding', async () => {
    const { router } = await branchWithTeller();
    const { certificate } = await ok(router, 'system.verify', {});
    const otherRoot = { ...certificate, trustFingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-0000-1111' };
    const swapped = await ok(router, 'system.verifyAnchor', { certificate: otherRoot });
    expect(swapped.anchor.ok).toBe(false);
    expect(swapped.anchor.findings.filter((f) => !f.ok).map((f) => f.chain)).toEqual(['trust', 'signature']);

    const value = Buffer.from(certificate.signature!.value, 'base64');
    value[0] = value[0]! ^ 1;
    const tampered = { ...certificate, signature: { ...certificate.signature!, value: value.toString('base64') } };
    const checked = await ok(router, 'system.verifyAnchor', { certificate: tampered });
    expect(checked.anchor.findings.filter((f) => !f.ok)).toEqual([{ chain: 'signature', ok: false, detail: `the anchor is not signed by ${ADMIN.username} under a key their certificates hold` }]);
  });
});

