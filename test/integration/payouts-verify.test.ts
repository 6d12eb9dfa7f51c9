import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { approvalText } from '../../src-main/payouts/approval-signatures';
import { newSigningIdentity, Signer } from '../../src-main/trust/signer';
import { ok, signInAs as signInAsPerson } from '../support/temp-data';
import { pick, POSITIONS, tamperBench, type Named } from '../support/tamper';
import { FINANCE } from './members-fixtures';
import { base64Of, csvOf, fund, importAndSubmit, payoutRouter, signInAs, type PayoutRow } from './payouts-fixtures';

// Issue 11: `verify` covers the payout tables against someone who holds the database key but
// not a person's signing key. A branch made through the router holds a batch of each kind: one
// completed (wallet and bank card items, one settled, one returned, one FAILED because its
// member was frozen after approval, an error row SKIPPED), one submitted, one rejected, one
// cancelled and one approved by two people. It verifies clean; then for each payout table a
// value changed, a row inserted and a row deleted at the first, middle and last row, each in a
// transaction rolled back (test/support/tamper.ts), must fail verify naming the row or its batch.

const PAYOUT_CHECKS = ['payouts.batches', 'payouts.items', 'payouts.approvals'];
const SECOND_FINANCE = { username: 'frank', displayName: '冯财务', role: 'finance' as const, passphrase: 'second finance passphrase 2026' };

async function execute(router: Router, batchId: number): Promise<void> {
  const { jobId } = await ok(router, 'payouts.execute', { batchId });
  const job = await router.state.jobs.wait(jobId);
  if (job.state !== 'done') throw new Error(`payouts.execute ended ${job.state}: ${JSON.stringify(job.error)}`);
}

async function approve(router: Router, batchId: number): Promise<void> {
  const batch = await ok(router, 'payouts.get', { batchId });
  await ok(router, 'payouts.approve', { batchId, contentHash: batch.contentHash });
}

async function payoutBranch(): Promise<{ router: Router; dataDir: string }> {
  const { router, dataDir, members } = await payoutRouter();
  const [a, b, c] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number]];
  await ok(router, 'staff.add', SECOND_FINANCE);
  await ok(router, 'bankCards.link', { memberId: a.id, pan: '4111111111111111', holderName: 'LI LEI', expiry: '12/39', bankName: 'ICBC' });
  await ok(router, 'bankCards.link', { memberId: b.id, pan: '6222021234567894', holderName: 'HAN MEIMEI', expiry: '06/38' });
  await fund(router, 10_000_000);
  const row = (reference: string, member: { memberNumber: string }, amount: string, destination = 'wallet', note = ''): PayoutRow => ({ reference, member_no: member.memberNumber, amount, destination, note });

  // Completed: paid to wallets, sent to bank cards (one settled, one returned), one failed, one skipped.
  const completed = await importAndSubmit(router, csvOf([
    row('C-1', a, '100.00'), row('C-2', b, '200.50', 'wallet', '工资'), row('C-3', a, '300.00', 'bank_card'), row('C-4', b, '400.00', 'bank_card'),
    row('C-5', b, '50.00', 'bank_card'), row('C-6', c, '75.00'), { reference: 'C-7', member_no: '99999999', amount: '10.00' }, row('C-8', c, '12.34'),
  ]), 'completed.csv');
  await signInAs(router, 'finance');
  await approve(router, completed.id);
  await signInAs(router, 'admin');
  await ok(router, 'members.freeze', { id: c.id, reason: 'fraud review' });
  await execute(router, completed.id);
  await ok(router, 'members.unfreeze', { id: c.id });
  const sent = (await ok(router, 'payouts.items', { batchId: completed.id, status: 'SENT', offset: 0, limit: 10 })).rows;
  await ok(router, 'payouts.settleItem', { batchId: completed.id, itemId: sent[0]!.id });
  await ok(router, 'payouts.returnItem', { batchId: completed.id, itemId: sent[1]!.id, reason: 'account closed' });

  // Submitted, rejected and cancelled, each of three rows.
  await importAndSubmit(router, csvOf([row('S-1', a, '1.00'), row('S-2', b, '2.00', 'bank_card'), row('S-3', c, '3.00')]), 'submitted.csv');
  const rejected = await importAndSubmit(router, csvOf([row('R-1', a, '4.00'), row('R-2', b, '5.00'), row('R-3', c, '6.00')]), 'rejected.csv');
  const cancelled = await importAndSubmit(router, csvOf([row('X-1', a, '7.00'), row('X-2', b, '8.00'), row('X-3', c, '9.00')]), 'cancelled.csv');
  await ok(router, 'payouts.cancel', { batchId: cancelled.id, reason: 'wrong file' });
  await signInAs(router, 'finance');
  await ok(router, 'payouts.reject', { batchId: rejected.id, reason: 'amounts look wrong' });

  // Above the threshold: two approvers, neither the maker; approved and holding its total.
  await signInAs(router, 'admin');
  await ok(router, 'settings.update', { payoutSecondApprovalAbove: { CNY: 100_000 } });
  const large = await importAndSubmit(router, csvOf([row('L-1', a, '600.00'), row('L-2', b, '700.00', 'bank_card'), row('L-3', c, '800.00')]), 'large.csv');
  await signInAs(router, 'finance');
  await approve(router, large.id);
  await signInAsPerson(router, SECOND_FINANCE);
  await approve(router, large.id);
  await signInAs(router, 'admin');
  // A draft is never submitted: its error row stays PENDING.
  await ok(router, 'payouts.import', { fileName: 'draft.csv', contentBase64: base64Of(csvOf([row('D-1', a, '1.00'), { reference: 'D-2', member_no: '1', amount: 'x' }, row('D-3', b, '3.00')])) });
  return { router, dataDir };
}

const { all, one, run, nextId, verifyAfter, violationOf, expectNamed } = tamperBench('paydesk-payouts-tamper-', payoutBranch);

type Row = Record<string, unknown>;

/** Copies a row under a new id with some columns changed (`changes`: column → SQL expression). */
function copyRow(table: string, id: unknown, changes: Record<string, string>): number {
  const next = nextId(table);
  const columns = all<{ name: string }>(`PRAGMA table_info(${table})`).map((c) => c.name).filter((name) => name !== 'id');
  run(`INSERT INTO ${table} (id, ${columns.join(', ')}) SELECT ?, ${columns.map((c) => changes[c] ?? c).join(', ')} FROM ${table} WHERE id = ?`, next, id);
  return next;
}

/** Another status an item could have, the CHECK constraints kept (transfer ids go with the status). */
const OTHER_STATUS: Record<string, string> = { PENDING: 'FAILED', FAILED: 'PENDING', SKIPPED: 'PENDING', PAID: 'SENT', SENT: 'PAID', SETTLED: 'RETURNED', RETURNED: 'SETTLED' };

interface TableCase {
  rows: string;
  /** Column changes (SQL SET clauses) that each must be named, for this row. */
  changes(row: Row): string[];
  insert(row: Row): Named[];
  delete(row: Row): void;
  names(row: Row): Named[];
}

const TABLES: Record<string, TableCase> = {
  payout_batches: {
    rows: 'SELECT id AS ref, status FROM payout_batches ORDER BY id',
    changes: (row) => [
      `status = '${row.status === 'approved' ? 'executing' : 'approved'}'`,
      'total = total + 1',
      `created_by = 'mallory'`,
      `submitted_by = coalesce(submitted_by, '') || 'x'`,
      `decided_by = coalesce(decided_by, '') || 'x'`,
      'hold_id = CASE WHEN hold_id IS NULL THEN 1 ELSE NULL END',
      `content_hash = '${'0'.repeat(64)}'`,
      'approvals_required = 3 - approvals_required',
      `file_sha256 = '${'f'.repeat(64)}'`,
    ],
    insert: (row) => [`payout_batches#${copyRow('payout_batches', row.ref, { hold_id: 'NULL', job_id: 'NULL' })}`],
    delete: (row) => run('DELETE FROM payout_batches WHERE id = ?', row.ref),
    names: (row) => [`payout_batches#${String(row.ref)}`],
  },
  payout_items: {
    rows: 'SELECT id AS ref, batch_id, status FROM payout_items ORDER BY id',
    changes: (row) => [
      `status = '${OTHER_STATUS[row.status as string]}'`,
      'amount = coalesce(amount, 0) + 1',
      'member_id = CASE WHEN member_id = 1 THEN 2 ELSE 1 END',
      `destination = CASE WHEN destination = 'wallet' THEN 'bank_card' ELSE 'wallet' END`,
      `note = note || '!'`,
      `reference = reference || '-2'`,
      ...(row.status === 'PAID' || row.status === 'SENT' ? ['transfer_id = (SELECT max(id) FROM transfers)', `paid_at = '2001-01-01T00:00:00.000Z'`] : []),
      ...(row.status === 'SETTLED' || row.status === 'RETURNED' ? ['resolution_transfer_id = (SELECT max(id) FROM transfers)'] : []),
    ],
    insert: (row) => [`payout_items#${copyRow('payout_items', row.ref, { reference: `reference || '-2'`, transfer_id: 'NULL', resolution_transfer_id: 'NULL', status: `CASE WHEN payable = 1 THEN 'PENDING' ELSE status END`, paid_at: 'NULL' })}`, `payout_batches#${String(row.batch_id)}`],
    delete: (row) => run('DELETE FROM payout_items WHERE id = ?', row.ref),
    names: (row) => [`payout_items#${String(row.ref)}`, `payout_batches#${String(row.batch_id)}`],
  },
  payout_approvals: {
    rows: 'SELECT id AS ref, batch_id FROM payout_approvals ORDER BY id',
    changes: () => [
      'signature = (SELECT signature FROM payout_approvals o WHERE o.id <> payout_approvals.id ORDER BY o.id LIMIT 1)',
      `approver = CASE WHEN EXISTS (SELECT 1 FROM payout_approvals o WHERE o.batch_id = payout_approvals.batch_id AND o.approver = 'frank') THEN 'admin' ELSE 'frank' END`,
      `content_hash = '${'0'.repeat(64)}'`,
      'certificate_id = 1',
      `at = '2001-01-01T00:00:00.000Z'`,
      'public_key = (SELECT public_key FROM staff_certificates WHERE id = 1)',
    ],
    // The same approval again, as if another finance person had made it on another batch.
    insert: (row) => [`payout_approvals#${copyRow('payout_approvals', row.ref, { batch_id: `(SELECT id FROM payout_batches WHERE status = 'submitted')` })}`],
    delete: (row) => run('DELETE FROM payout_approvals WHERE id = ?', row.ref),
    names: (row) => [`payout_approvals#${String(row.ref)}`, `payout_batches#${String(row.batch_id)}`],
  },
};

describe('verify on a branch with payouts of every kind', () => {
  it('passes every check, the payout checks included, each counting rows of its table', () => {
    const report = verifyAfter(() => undefined);
    expect(report.failed).toEqual([]);
    expect(report.checks.filter((name) => name.startsWith('payouts.'))).toEqual(PAYOUT_CHECKS);
    expect(all('SELECT status, count(*) AS n FROM payout_batches GROUP BY status ORDER BY status')).toEqual([
      { status: 'approved', n: 1 }, { status: 'cancelled', n: 1 }, { status: 'completed', n: 1 }, { status: 'draft', n: 1 }, { status: 'rejected', n: 1 }, { status: 'submitted', n: 1 },
    ]);
    expect(all(`SELECT DISTINCT status FROM payout_items ORDER BY status`).map((r) => r.status)).toEqual(['FAILED', 'PAID', 'PENDING', 'RETURNED', 'SENT', 'SETTLED', 'SKIPPED']);
    expect(one<number>('SELECT count(*) FROM payout_approvals')).toBe(3);
  });
});

describe('tamper battery: every payout table', () => {
  for (const [table, spec] of Object.entries(TABLES)) {
    describe(table, () => {
      for (const at of POSITIONS) {
        const rowAt = () => pick(all(spec.rows), at);
        it(`each of several values changed in the ${at} row is named`, () => {
          const row = rowAt();
          for (const change of spec.changes(row)) {
            const found = verifyAfter(() => run(`UPDATE ${table} SET ${change} WHERE id = ?`, row.ref));
            const names = spec.names(row);
            const matched = found.named.some((name) => names.some((wanted) => (typeof wanted === 'string' ? name === wanted : wanted.test(name))));
            expect({ change, ok: found.ok, named: found.named, matched }).toMatchObject({ change, ok: false, matched: true });
          }
        });
        it(`a row inserted like the ${at} row is named`, () => {
          const row = rowAt();
          let names: Named[] = [];
          const found = verifyAfter(() => {
            names = spec.insert(row);
          });
          const matched = found.named.some((name) => names.some((wanted) => name === wanted));
          expect({ ok: found.ok, named: found.named, expected: names, matched }).toMatchObject({ ok: false, matched: true });
        });
        it(`the ${at} row deleted is named`, () => {
          const row = rowAt();
          expectNamed(() => spec.delete(row), ...spec.names(row));
        });
      }
    });
  }
});

describe('the payout checks, one rule at a time', () => {
  const paid = () => all<{ id: number; batch_id: number; transfer_id: number }>(`SELECT id, batch_id, transfer_id FROM payout_items WHERE status = 'PAID' ORDER BY id`)[0]!;

  it('payouts.items names an item set back to PENDING after it was paid, and one whose row is gone', () => {
    const item = paid();
    expect(violationOf('payouts.items', () => run(`UPDATE payout_items SET status = 'PENDING', transfer_id = NULL, paid_at = NULL WHERE id = ?`, item.id))).toBe(`payout_items#${item.id}`);
    expect(violationOf('payouts.items', () => run('DELETE FROM payout_items WHERE id = ?', item.id))).toMatch(/^payout_(items#|batches#)/);
  });

  it('payouts.items names an error row skipped in a batch never submitted, and a payable row skipped', () => {
    const draftError = one<number>(`SELECT i.id FROM payout_items i JOIN payout_batches b ON b.id = i.batch_id WHERE b.status = 'draft' AND i.payable = 0`);
    expect(violationOf('payouts.items', () => run(`UPDATE payout_items SET status = 'SKIPPED', code = 'INVALID_AMOUNT' WHERE id = ?`, draftError))).toBe(`payout_items#${draftError}`);
    const pending = one<number>(`SELECT i.id FROM payout_items i JOIN payout_batches b ON b.id = i.batch_id WHERE b.status = 'submitted' ORDER BY i.id LIMIT 1`);
    expect(violationOf('payouts.items', () => run(`UPDATE payout_items SET status = 'SKIPPED' WHERE id = ?`, pending))).toBe(`payout_items#${pending}`);
  });

  it('payouts.batches names a completed batch whose release or end counts were changed, and a batch set back to submitted', () => {
    const completed = one<number>(`SELECT id FROM payout_batches WHERE status = 'completed'`);
    expectNamed(() => run(`UPDATE payout_batches SET status = 'executing', completed_at = NULL WHERE id = ?`, completed), `payout_batches#${completed}`);
    const approved = one<number>(`SELECT id FROM payout_batches WHERE status = 'approved'`);
    expect(violationOf('payouts.batches', () => run(`UPDATE payout_batches SET status = 'submitted', hold_id = NULL, decided_by = NULL, decided_at = NULL WHERE id = ?`, approved))).toBe(`payout_batches#${approved}`);
  });

  it('payouts.approvals names an approval forged by a key holder: a made-up signature, another person’s key, a name swapped', () => {
    const submitted = all<{ id: number; content_hash: string; currency: string; total: number }>(`SELECT id, content_hash, currency, total FROM payout_batches WHERE status = 'submitted'`)[0]!;
    const fiona = all<{ id: number; public_key: string }>(`SELECT id, public_key FROM staff_certificates WHERE username = ? ORDER BY id DESC LIMIT 1`, FINANCE.username)[0]!;
    const at = '2026-12-02T09:00:00.000Z';
    const forger = new Signer(FINANCE.username, newSigningIdentity());
    const forged = forger.sign('payout-approval', approvalText({ batchId: submitted.id, contentHash: submitted.content_hash, currency: submitted.currency, total: submitted.total, approver: FINANCE.username, at }));
    const insert = (publicKey: string, signature: string) => {
      const id = nextId('payout_approvals');
      run(`INSERT INTO payout_approvals (id, batch_id, approver, certificate_id, content_hash, public_key, signature, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        id, submitted.id, FINANCE.username, fiona.id, submitted.content_hash, publicKey, signature, at);
      return `payout_approvals#${id}`;
    };
    for (const [publicKey, signature] of [[fiona.public_key, 'A'.repeat(86)], [fiona.public_key, forged], [forger.publicKey, forged]] as const) {
      let name = '';
      const found = verifyAfter(() => {
        name = insert(publicKey, signature);
        // The audit log made to agree, as far as a key holder can without a signature.
        run(`UPDATE payout_batches SET approvals_required = 2 WHERE id = ?`, submitted.id);
      });
      expect({ ok: found.ok, named: found.named.includes(name) }).toEqual({ ok: false, named: true });
    }
    const first = one<number>(`SELECT min(id) FROM payout_approvals`);
    expect(violationOf('payouts.approvals', () => run(`UPDATE payout_approvals SET approver = 'frank' WHERE id = ?`, first))).toBe(`payout_approvals#${first}`);
  });
});
