import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { contentHashOf } from '../../src-main/payouts/content-hash';
import { verifyStore } from '../../src-main/registry';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src-shared/contract';
import type { Batch } from '../../src-shared/contract/payouts';
import { ok, signInAs as signInAsPerson, TELLER } from '../support/temp-data';
import { base64Of, csvOf, fund, importAndSubmit, payoutRouter, payoutState, signInAs, type PayoutRow } from './payouts-fixtures';

// Issue 11, "The flow": draft → submitted → approved | rejected → executing → completed, cancel
// before approval, maker-checker bound to the content's hash, a funding hold placed by the last
// approval, execution that re-checks each member and returns what it did not pay, and the bank's
// settle or return of items sent to cards. Every refusal is asserted with its code AND with the
// batch, its items and approvals, the journal, the jobs and the audit log exactly as they were.

const FRANK = { username: 'frank', displayName: 'Frank Finance', role: 'finance' as const, passphrase: 'second finance 2026' };

type Member = ChannelOutput<'members.create'>;

/** The desk of the running test: verify must be clean on it when the test ends, unless the test tampered with it. */
let deskInUse: Router | undefined;

afterEach(() => {
  if (deskInUse?.state.session) expectVerifyClean(deskInUse);
  deskInUse = undefined;
});

/** A raw write behind the services' back: verify must now name it, and the test's end does not ask for clean. */
function expectVerifyFindsTampering(router: Router) {
  expect(verifyStore(router.state.requireStore()).checks.filter((check) => !check.ok)).not.toEqual([]);
  deskInUse = undefined;
}

/** payoutRouter, with 10,000.00 in funding; admin is signed in and fiona is the other finance person. */
async function flowDesk(funding = 1_000_000) {
  const { router, members } = await payoutRouter();
  deskInUse = router;
  await fund(router, funding);
  return { router, members };
}

const rows = (members: Member[], amounts: string[], fields: PayoutRow = {}): PayoutRow[] =>
  amounts.map((amount, index) => ({ reference: `P-${index + 1}`, member_no: members[index % members.length]!.memberNumber, amount, ...fields }));

/** Calls the channel, expects the refusal's code, and that nothing at all changed. */
async function expectRefused<C extends ChannelName>(router: Router, channel: C, input: ChannelInput<C>, code: string) {
  const before = payoutState(router);
  const answer = await router.invoke(channel, input);
  expect(answer.ok ? 'ok' : answer.error.code).toBe(code);
  expect(payoutState(router)).toEqual(before);
  return answer;
}

async function approveAs(router: Router, who: 'admin' | 'finance', batch: Batch): Promise<Batch> {
  await signInAs(router, who);
  return ok(router, 'payouts.approve', { batchId: batch.id, contentHash: batch.contentHash });
}

async function executed(router: Router, batchId: number) {
  const { jobId } = await ok(router, 'payouts.execute', { batchId });
  const job = await router.state.jobs.wait(jobId);
  expect(job).toMatchObject({ state: 'done', error: null });
  return { jobId, job };
}

async function itemsOf(router: Router, batchId: number) {
  return (await ok(router, 'payouts.items', { batchId, offset: 0, limit: 1_000 })).rows;
}

/** Posted balances of the payout accounts (each in its normal direction) and the trial balance's verdict. */
async function books(router: Router) {
  const report = await ok(router, 'ledger.trialBalance', { currency: 'CNY' });
  const balance = (code: string) => report.accounts.find((account) => account.code === code)!.balance;
  return {
    bank: balance('1100-CNY').posted,
    funding: balance('1200-CNY').posted,
    fundingAvailable: balance('1200-CNY').available,
    inExecution: balance('2400-CNY').posted,
    clearing: balance('2410-CNY').posted,
    balanced: report.currencies.every((currency) => currency.balanced && currency.debitsPosted === currency.creditsPosted && currency.debitsPending === currency.creditsPending),
  };
}

const walletOf = async (router: Router, member: Member) => (await ok(router, 'wallets.summary', { memberId: member.id })).wallets.find((wallet) => wallet.currency === 'CNY')?.balance ?? 0;

function expectVerifyClean(router: Router) {
  const report = verifyStore(router.state.requireStore());
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
}

describe('submit', () => {
  it('refuses totals other than the ones the batch pays with PAYOUT_TOTALS_CHANGED, changing nothing', async () => {
    const { router, members } = await flowDesk();
    const { batch } = await ok(router, 'payouts.import', { fileName: 'a.csv', contentBase64: base64Of(csvOf(rows(members, ['10.00', '20.00']))) });
    const answer = await expectRefused(router, 'payouts.submit', { batchId: batch!.id, itemCount: 2, total: 2_999 }, 'PAYOUT_TOTALS_CHANGED');
    expect(!answer.ok && answer.error.details).toMatchObject({ itemCount: 2, total: 3_000 });
    await expectRefused(router, 'payouts.submit', { batchId: batch!.id, itemCount: 1, total: 3_000 }, 'PAYOUT_TOTALS_CHANGED');
    expect(await ok(router, 'payouts.submit', { batchId: batch!.id, itemCount: 2, total: 3_000 })).toMatchObject({ status: 'submitted', submittedBy: 'admin' });
    await expectRefused(router, 'payouts.submit', { batchId: batch!.id, itemCount: 2, total: 3_000 }, 'PAYOUT_STATE_INVALID');
  });

  it('refuses a batch whose every row has an error with PAYOUT_NOTHING_TO_PAY', async () => {
    const { router, members } = await flowDesk();
    const { batch } = await ok(router, 'payouts.import', { fileName: 'bad.csv', contentBase64: base64Of(csvOf(rows(members, ['-1', 'abc']))) });
    expect(batch).toMatchObject({ status: 'draft', rowCount: 2, itemCount: 0, total: 0 });
    await expectRefused(router, 'payouts.submit', { batchId: batch!.id, itemCount: 0, total: 0 }, 'PAYOUT_NOTHING_TO_PAY');
  });

  it('leaves the rows with errors out as SKIPPED with their first code, and pays the rest', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf([...rows(members, ['10.00', '20.00']), { reference: 'BAD', member_no: '999999999', amount: '-3' }]));
    expect(submitted).toMatchObject({ rowCount: 3, itemCount: 2, total: 3_000, byStatus: { PENDING: { count: 2, amount: 3_000 }, SKIPPED: { count: 1 } } });
    const skipped = (await itemsOf(router, submitted.id)).find((item) => item.reference === 'BAD');
    expect(skipped).toMatchObject({ status: 'SKIPPED', code: 'INVALID_AMOUNT', rowStatus: 'error' });
  });
});

describe('maker-checker', () => {
  it('refuses approval by the importer and by the submitter with SELF_APPROVAL_FORBIDDEN; a third person approves', async () => {
    const { router, members } = await flowDesk();
    await ok(router, 'staff.add', FRANK);
    const { batch } = await ok(router, 'payouts.import', { fileName: 'a.csv', contentBase64: base64Of(csvOf(rows(members, ['10.00']))) });
    await signInAs(router, 'finance');
    const submitted = await ok(router, 'payouts.submit', { batchId: batch!.id, itemCount: 1, total: 1_000 });
    expect(submitted).toMatchObject({ createdBy: 'admin', submittedBy: 'fiona' });
    await expectRefused(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash }, 'SELF_APPROVAL_FORBIDDEN');
    await expectRefused(router, 'payouts.reject', { batchId: submitted.id, reason: 'mine' }, 'SELF_APPROVAL_FORBIDDEN');
    await signInAs(router, 'admin');
    await expectRefused(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash }, 'SELF_APPROVAL_FORBIDDEN');
    await signInAsPerson(router, FRANK);
    expect(await ok(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash })).toMatchObject({ status: 'approved', decidedBy: 'frank', approvals: [{ approver: 'frank' }] });
  });

  it('refuses approval by a teller with FORBIDDEN', async () => {
    const { router, members } = await flowDesk();
    await ok(router, 'staff.add', TELLER);
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00'])));
    await signInAsPerson(router, TELLER);
    await expectRefused(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash }, 'FORBIDDEN');
    await expectRefused(router, 'payouts.reject', { batchId: submitted.id, reason: 'no' }, 'FORBIDDEN');
    await expectRefused(router, 'payouts.execute', { batchId: submitted.id }, 'FORBIDDEN');
  });

  it('refuses approving a draft, a rejected and a cancelled batch with PAYOUT_STATE_INVALID', async () => {
    const { router, members } = await flowDesk();
    const { batch: draft } = await ok(router, 'payouts.import', { fileName: 'd.csv', contentBase64: base64Of(csvOf(rows(members, ['1.00']))) });
    const rejected = await importAndSubmit(router, csvOf(rows(members, ['2.00'], { reference: 'R-1' })));
    const cancelled = await importAndSubmit(router, csvOf(rows(members, ['3.00'], { reference: 'C-1' })));
    await ok(router, 'payouts.cancel', { batchId: cancelled.id, reason: 'duplicate upload' });
    await signInAs(router, 'finance');
    await ok(router, 'payouts.reject', { batchId: rejected.id, reason: 'wrong amounts' });
    for (const batch of [draft!, rejected, cancelled]) {
      const answer = await expectRefused(router, 'payouts.approve', { batchId: batch.id, contentHash: batch.contentHash }, 'PAYOUT_STATE_INVALID');
      expect(!answer.ok && answer.error.details).toMatchObject({ status: batch === draft ? 'draft' : batch === rejected ? 'rejected' : 'cancelled' });
    }
    await expectRefused(router, 'payouts.approve', { batchId: 999, contentHash: draft!.contentHash }, 'PAYOUT_BATCH_NOT_FOUND');
  });

  it('refuses executing a batch that is not approved with PAYOUT_STATE_INVALID, posting nothing', async () => {
    const { router, members } = await flowDesk();
    const { batch: draft } = await ok(router, 'payouts.import', { fileName: 'd.csv', contentBase64: base64Of(csvOf(rows(members, ['1.00']))) });
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['2.00'], { reference: 'S-1' })));
    const rejected = await importAndSubmit(router, csvOf(rows(members, ['3.00'], { reference: 'R-1' })));
    await signInAs(router, 'finance');
    await ok(router, 'payouts.reject', { batchId: rejected.id, reason: 'no' });
    for (const batch of [draft!, submitted, rejected]) await expectRefused(router, 'payouts.execute', { batchId: batch.id }, 'PAYOUT_STATE_INVALID');
  });

  it('refuses an approval of content other than the batch’s with APPROVAL_STALE', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00'])));
    await signInAs(router, 'finance');
    await expectRefused(router, 'payouts.approve', { batchId: submitted.id, contentHash: '0'.repeat(64) }, 'APPROVAL_STALE');
  });

  it('refuses to execute once an item was changed in the database after approval (APPROVAL_STALE), posting nothing', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00', '20.00'])));
    await approveAs(router, 'finance', submitted);
    const { sqlite } = router.state.requireStore();
    sqlite.prepare('UPDATE payout_items SET amount = 999999 WHERE batch_id = ? AND reference = ?').run(submitted.id, 'P-1');
    const before = await books(router);
    await expectRefused(router, 'payouts.execute', { batchId: submitted.id }, 'APPROVAL_STALE');
    expect(await books(router)).toEqual(before);
    expect(await ok(router, 'payouts.get', { batchId: submitted.id })).toMatchObject({ status: 'approved', jobId: null });
    expectVerifyFindsTampering(router);
  });

  it('refuses to execute when someone with the database key also rewrote the batch’s hash, or removed the approval (APPROVAL_STALE)', async () => {
    const { router, members } = await flowDesk();
    const forged = await importAndSubmit(router, csvOf(rows(members, ['10.00'], { reference: 'F-1' })));
    const removed = await importAndSubmit(router, csvOf(rows(members, ['20.00'], { reference: 'R-1' })));
    await approveAs(router, 'finance', forged);
    await ok(router, 'payouts.approve', { batchId: removed.id, contentHash: removed.contentHash });
    const store = router.state.requireStore();
    store.sqlite.prepare('UPDATE payout_items SET amount = 5, amount_text = ? WHERE batch_id = ?').run('0.05', forged.id);
    store.sqlite.prepare('UPDATE payout_batches SET content_hash = ? WHERE id = ?').run(contentHashOf(store, forged.id, 'CNY'), forged.id);
    store.sqlite.prepare('DELETE FROM payout_approvals WHERE batch_id = ?').run(removed.id);
    await expectRefused(router, 'payouts.execute', { batchId: forged.id }, 'APPROVAL_STALE');
    await expectRefused(router, 'payouts.execute', { batchId: removed.id }, 'APPROVAL_STALE');
    expectVerifyFindsTampering(router);
  });

  it('refuses approval when funding cannot hold the total (INSUFFICIENT_FUNDING): no hold, no approval, still submitted', async () => {
    const { router, members } = await flowDesk(5_000);
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['30.00', '20.01'])));
    await signInAs(router, 'finance');
    const answer = await expectRefused(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash }, 'INSUFFICIENT_FUNDING');
    expect(!answer.ok && answer.error.details).toMatchObject({ available: 5_000, amount: 5_001 });
    expect(await ok(router, 'payouts.get', { batchId: submitted.id })).toMatchObject({ status: 'submitted', approvals: [] });
    expect(await ok(router, 'payouts.funding', {})).toMatchObject({ balance: 5_000, available: 5_000 });
    await signInAs(router, 'admin');
    await fund(router, 1);
    expect(await approveAs(router, 'finance', submitted)).toMatchObject({ status: 'approved' });
    expect(await ok(router, 'payouts.funding', {})).toMatchObject({ balance: 5_001, available: 0 });
  });

  it('holds funding against a second batch: together they cannot exceed it', async () => {
    const { router, members } = await flowDesk(10_000);
    const first = await importAndSubmit(router, csvOf(rows(members, ['60.00'], { reference: 'F-1' })));
    const second = await importAndSubmit(router, csvOf(rows(members, ['40.01'], { reference: 'S-1' })));
    await approveAs(router, 'finance', first);
    await expectRefused(router, 'payouts.approve', { batchId: second.id, contentHash: second.contentHash }, 'INSUFFICIENT_FUNDING');
  });

  it('needs a second approver above the threshold: the first keeps it submitted, the same person twice is ALREADY_APPROVED, the second places the hold', async () => {
    const { router, members } = await flowDesk();
    await ok(router, 'staff.add', FRANK);
    await ok(router, 'settings.update', { payoutSecondApprovalAbove: { CNY: 10_000 } });
    const small = await importAndSubmit(router, csvOf(rows(members, ['100.00'], { reference: 'SMALL' })));
    const large = await importAndSubmit(router, csvOf(rows(members, ['60.00', '40.01'])));
    expect([small.approvalsRequired, large.approvalsRequired]).toEqual([1, 2]);

    const first = await approveAs(router, 'finance', large);
    expect(first).toMatchObject({ status: 'submitted', approvals: [{ approver: 'fiona', contentHash: large.contentHash }], decidedBy: null });
    expect(await ok(router, 'payouts.funding', {})).toMatchObject({ balance: 1_000_000, available: 1_000_000 });
    await expectRefused(router, 'payouts.approve', { batchId: large.id, contentHash: large.contentHash }, 'ALREADY_APPROVED');
    await expectRefused(router, 'payouts.execute', { batchId: large.id }, 'PAYOUT_STATE_INVALID');

    await signInAsPerson(router, FRANK);
    const second = await ok(router, 'payouts.approve', { batchId: large.id, contentHash: large.contentHash });
    expect(second).toMatchObject({ status: 'approved', decidedBy: 'frank', approvals: [{ approver: 'fiona' }, { approver: 'frank' }] });
    expect(await ok(router, 'payouts.funding', {})).toMatchObject({ balance: 1_000_000, available: 1_000_000 - 10_001 });
    expect(await ok(router, 'payouts.approve', { batchId: small.id, contentHash: small.contentHash })).toMatchObject({ status: 'approved' });
    expectVerifyClean(router);
  });

  it('answers an approval’s dry run with the batch approved, and holds nothing afterwards', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00', '20.00'])));
    await signInAs(router, 'finance');
    const before = payoutState(router);
    const preview = await ok(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash, dryRun: true } as ChannelInput<'payouts.approve'>);
    expect(preview).toMatchObject({ status: 'approved', decidedBy: 'fiona', approvals: [{ approver: 'fiona' }] });
    expect(payoutState(router)).toEqual(before);
    expect(await ok(router, 'payouts.funding', {})).toMatchObject({ available: 1_000_000 });
    expect(await router.invoke('payouts.approve', { batchId: submitted.id, contentHash: '0'.repeat(64), dryRun: true } as ChannelInput<'payouts.approve'>)).toMatchObject({ ok: false, error: { code: 'APPROVAL_STALE' } });
  });
});

describe('cancel and reject', () => {
  it('cancels before approval, frees the references, and refuses to cancel an approved batch', async () => {
    const { router, members } = await flowDesk();
    const file = csvOf(rows(members, ['10.00', '20.00']));
    const draftCancelled = await importAndSubmit(router, file);
    expect(await ok(router, 'payouts.cancel', { batchId: draftCancelled.id, reason: 'wrong file' })).toMatchObject({ status: 'cancelled' });
    const again = await ok(router, 'payouts.validate', { fileName: 'again.csv', contentBase64: base64Of(file) });
    expect(again.rows.flatMap((row) => row.problems.map((problem) => problem.code))).toEqual([]);
    expect(again.fileProblems.map((problem) => problem.code)).toEqual(['FILE_ALREADY_IMPORTED']);

    const approved = await importAndSubmit(router, file);
    await approveAs(router, 'finance', approved);
    await signInAs(router, 'admin');
    await expectRefused(router, 'payouts.cancel', { batchId: approved.id, reason: 'too late' }, 'PAYOUT_STATE_INVALID');
    await expectRefused(router, 'payouts.cancel', { batchId: draftCancelled.id }, 'PAYOUT_STATE_INVALID');
    const timeline = await ok(router, 'payouts.timeline', { batchId: draftCancelled.id });
    expect(timeline.map((entry) => [entry.action, entry.actor])).toEqual([
      ['payout.import', 'admin'],
      ['payout.submit', 'admin'],
      ['payout.cancel', 'admin'],
    ]);
    expect(timeline[2]!.details).toMatchObject({ reason: 'wrong file' });
  });

  it('rejects with a reason, shown on the batch and its timeline; a rejected batch is final', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00'])));
    await signInAs(router, 'finance');
    const rejected = await ok(router, 'payouts.reject', { batchId: submitted.id, reason: 'amounts do not match the invoice' });
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'fiona', rejectReason: 'amounts do not match the invoice', approvals: [] });
    const timeline = await ok(router, 'payouts.timeline', { batchId: submitted.id });
    expect(timeline.at(-1)).toMatchObject({ action: 'payout.reject', actor: 'fiona', details: expect.objectContaining({ reason: 'amounts do not match the invoice' }) });
    await expectRefused(router, 'payouts.reject', { batchId: submitted.id, reason: 'again' }, 'PAYOUT_STATE_INVALID');
    await signInAs(router, 'admin');
    await expectRefused(router, 'payouts.cancel', { batchId: submitted.id }, 'PAYOUT_STATE_INVALID');
  });
});

describe('execution', () => {
  it('pays every item once into wallets, returns nothing, and leaves 1200, 2400 and 2410 where they should be', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf([...rows(members, ['10.00', '20.00', '30.50']), { reference: 'BAD', member_no: '1', amount: '5.00' }]));
    await approveAs(router, 'finance', submitted);
    expect(await books(router)).toMatchObject({ funding: 1_000_000, fundingAvailable: 1_000_000 - 6_050, inExecution: 0, balanced: true });
    const { job } = await executed(router, submitted.id);
    expect(job).toMatchObject({ done: 3, total: 3, result: { paid: 3, sent: 0, failed: 0, released: 0 } });
    expect(await ok(router, 'payouts.get', { batchId: submitted.id })).toMatchObject({ status: 'completed', byStatus: { PAID: { count: 3, amount: 6_050 }, SKIPPED: { count: 1 } } });
    expect(await books(router)).toEqual({ bank: 1_000_000, funding: 1_000_000 - 6_050, fundingAvailable: 1_000_000 - 6_050, inExecution: 0, clearing: 0, balanced: true });
    expect([await walletOf(router, members[0]!), await walletOf(router, members[1]!), await walletOf(router, members[2]!)]).toEqual([1_000, 2_000, 3_050]);
    const items = await itemsOf(router, submitted.id);
    expect(items.filter((item) => item.status === 'PAID').every((item) => item.transferId !== null)).toBe(true);
    const timeline = await ok(router, 'payouts.timeline', { batchId: submitted.id });
    expect(timeline.map((entry) => entry.action)).toEqual(['payout.import', 'payout.submit', 'payout.approve', 'payout.executeStart', 'payout.executeEnd']);
    expectVerifyClean(router);
  });

  it('refuses a bare ledger reversal of an item’s payment or the batch’s hold with REVERSAL_NOT_ALLOWED: the item names it', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00'])));
    await approveAs(router, 'finance', submitted);
    await executed(router, submitted.id);
    const [item] = await itemsOf(router, submitted.id);
    const batch = router.state.requireStore().sqlite.prepare('SELECT hold_id FROM payout_batches WHERE id = ?').pluck().get(submitted.id) as number;
    for (const transferId of [item!.transferId!, batch]) {
      const refused = await expectRefused(router, 'ledger.reverse', { transferId, reason: 'undo', idempotencyKey: `undo-${transferId}` }, 'REVERSAL_NOT_ALLOWED');
      expect(refused.ok ? null : refused.error.details).toMatchObject({ field: 'transferId' });
    }
    expectVerifyClean(router);
  });

  it('answers execute asked twice with the same job, and once completed with the finished job, paying nothing twice', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00', '20.00'])));
    await approveAs(router, 'finance', submitted);
    const [first, second] = await Promise.all([ok(router, 'payouts.execute', { batchId: submitted.id }), ok(router, 'payouts.execute', { batchId: submitted.id })]);
    expect(second.jobId).toBe(first.jobId);
    await router.state.jobs.wait(first.jobId);
    const transfers = payoutState(router).transfers;
    const third = await ok(router, 'payouts.execute', { batchId: submitted.id });
    expect(third.jobId).toBe(first.jobId);
    expect(await ok(router, 'jobs.get', { id: third.jobId })).toMatchObject({ state: 'done', result: { paid: 2 } });
    expect(payoutState(router).transfers).toEqual(transfers);
    expect(await books(router)).toMatchObject({ funding: 1_000_000 - 3_000, inExecution: 0 });
    expectVerifyClean(router);
  });

  it('fails the item of a member frozen after approval with MEMBER_NOT_ACTIVE, releases its amount to funding, and pays the others', async () => {
    const { router, members } = await flowDesk();
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00', '20.00', '30.00'])));
    await approveAs(router, 'finance', submitted);
    await signInAs(router, 'admin');
    await ok(router, 'members.freeze', { id: members[1]!.id, reason: 'fraud review' });
    const { job } = await executed(router, submitted.id);
    expect(job.result).toMatchObject({ paid: 2, failed: 1, released: 2_000 });
    const items = await itemsOf(router, submitted.id);
    expect(items.map((item) => [item.reference, item.status, item.code, item.transferId === null])).toEqual([
      ['P-1', 'PAID', null, false],
      ['P-2', 'FAILED', 'MEMBER_NOT_ACTIVE', true],
      ['P-3', 'PAID', null, false],
    ]);
    expect(await walletOf(router, members[1]!)).toBe(0);
    expect(await books(router)).toEqual({ bank: 1_000_000, funding: 1_000_000 - 4_000, fundingAvailable: 1_000_000 - 4_000, inExecution: 0, clearing: 0, balanced: true });
    expectVerifyClean(router);
  });

  it('sends bank_card items to clearing (SENT), fails one whose card was unlinked since approval (NO_BANK_CARD)', async () => {
    const { router, members } = await flowDesk();
    const card = await ok(router, 'bankCards.link', { memberId: members[0]!.id, pan: '4111 1111 1111 1111', holderName: 'LI LEI', expiry: '12/39', bankName: 'ICBC' });
    await ok(router, 'bankCards.link', { memberId: members[1]!.id, pan: '5555555555554444', holderName: 'HAN MEIMEI', expiry: '12/39', bankName: 'BOC' });
    const submitted = await importAndSubmit(router, csvOf(rows(members, ['10.00', '20.00', '30.00'], { destination: 'bank_card' })));
    expect(submitted.itemCount).toBe(2);
    await approveAs(router, 'finance', submitted);
    await signInAs(router, 'admin');
    await ok(router, 'bankCards.unlink', { bankCardId: card.id, reason: 'card lost' });
    const { job } = await executed(router, submitted.id);
    expect(job.result).toMatchObject({ paid: 0, sent: 1, failed: 1, released: 1_000 });
    const items = await itemsOf(router, submitted.id);
    expect(items.map((item) => [item.reference, item.status, item.code])).toEqual([
      ['P-1', 'FAILED', 'NO_BANK_CARD'],
      ['P-2', 'SENT', null],
      ['P-3', 'SKIPPED', 'NO_BANK_CARD'],
    ]);
    expect(items[1]!.bankCardLast4).toBe('4444');
    expect(await books(router)).toEqual({ bank: 1_000_000, funding: 1_000_000 - 2_000, fundingAvailable: 1_000_000 - 2_000, inExecution: 0, clearing: 2_000, balanced: true });
    expectVerifyClean(router);
  });
});

describe('a batch in another currency', () => {
  it('pays a USD batch from USD funding into USD wallets, and leaves CNY untouched', async () => {
    const { router, members } = await flowDesk();
    await ok(router, 'settings.update', { enabledCurrencies: ['CNY', 'USD'] });
    await ok(router, 'payouts.fund', { currency: 'USD', amount: 50_000, idempotencyKey: 'usd-fund-1' });
    const { batch } = await ok(router, 'payouts.import', { fileName: 'usd.csv', currency: 'USD', contentBase64: base64Of(csvOf([...rows(members, ['12.34']), { reference: 'CNY-ROW', member_no: members[1]!.memberNumber, amount: '1.00', currency: 'CNY' }])) });
    expect(batch).toMatchObject({ currency: 'USD', itemCount: 1, total: 1_234 });
    const submitted = await ok(router, 'payouts.submit', { batchId: batch!.id, itemCount: 1, total: 1_234 });
    await approveAs(router, 'finance', submitted);
    expect(await ok(router, 'payouts.funding', { currency: 'USD' })).toMatchObject({ accountCode: '1200-USD', balance: 50_000, available: 50_000 - 1_234 });
    await executed(router, submitted.id);
    const usd = (await ok(router, 'wallets.summary', { memberId: members[0]!.id })).wallets.find((wallet) => wallet.currency === 'USD');
    expect(usd?.balance).toBe(1_234);
    expect(await ok(router, 'payouts.funding', { currency: 'USD' })).toMatchObject({ balance: 50_000 - 1_234, available: 50_000 - 1_234 });
    expect(await books(router)).toMatchObject({ funding: 1_000_000, inExecution: 0, balanced: true });
    const again = (currency: string) => ok(router, 'payouts.validate', { fileName: 'again.csv', currency, contentBase64: base64Of(csvOf(rows(members, ['12.34'], { reference: `AGAIN-${currency}` }))) });
    expect((await again('USD')).rows[0]!.problems.map((problem) => problem.code)).toEqual(['POSSIBLE_DUPLICATE']);
    expect((await again('CNY')).rows[0]!.problems).toEqual([]);
    expectVerifyClean(router);
  });
});

describe('the bank’s answer on items sent to cards', () => {
  async function sentBatch() {
    const desk = await flowDesk();
    const { router, members } = desk;
    await ok(router, 'bankCards.link', { memberId: members[0]!.id, pan: '4111 1111 1111 1111', holderName: 'LI LEI', expiry: '12/39', bankName: 'ICBC' });
    await ok(router, 'bankCards.link', { memberId: members[1]!.id, pan: '5555555555554444', holderName: 'HAN MEIMEI', expiry: '12/39', bankName: 'BOC' });
    const submitted = await importAndSubmit(router, csvOf([...rows(members.slice(0, 2), ['10.00', '20.00'], { destination: 'bank_card' }), { reference: 'W-1', member_no: members[2]!.memberNumber, amount: '5.00' }]));
    await approveAs(router, 'finance', submitted);
    await executed(router, submitted.id);
    const items = await itemsOf(router, submitted.id);
    return { ...desk, batch: submitted, items: Object.fromEntries(items.map((item) => [item.reference, item])) };
  }

  it('settles a SENT item out of clearing to the bank, and refuses settling it twice with PAYOUT_ITEM_STATE_INVALID', async () => {
    const { router, batch, items } = await sentBatch();
    expect(await books(router)).toMatchObject({ funding: 1_000_000 - 3_500, clearing: 3_000, bank: 1_000_000 });
    const settled = await ok(router, 'payouts.settleItem', { batchId: batch.id, itemId: items['P-1']!.id });
    expect(settled).toMatchObject({ status: 'SETTLED', reference: 'P-1' });
    expect(await books(router)).toEqual({ bank: 1_000_000 - 1_000, funding: 1_000_000 - 3_500, fundingAvailable: 1_000_000 - 3_500, inExecution: 0, clearing: 2_000, balanced: true });
    await expectRefused(router, 'payouts.settleItem', { batchId: batch.id, itemId: items['P-1']!.id }, 'PAYOUT_ITEM_STATE_INVALID');
    await expectRefused(router, 'payouts.returnItem', { batchId: batch.id, itemId: items['P-1']!.id, reason: 'late' }, 'PAYOUT_ITEM_STATE_INVALID');
    await expectRefused(router, 'payouts.settleItem', { batchId: batch.id, itemId: items['W-1']!.id }, 'PAYOUT_ITEM_STATE_INVALID');
    await expectRefused(router, 'payouts.settleItem', { batchId: batch.id, itemId: 9_999 }, 'PAYOUT_ITEM_NOT_FOUND');
    expectVerifyClean(router);
  });

  it('returns a SENT item: RETURNED, its amount back in funding (1200), and it cannot be settled or returned again', async () => {
    const { router, batch, items } = await sentBatch();
    const returned = await ok(router, 'payouts.returnItem', { batchId: batch.id, itemId: items['P-2']!.id, reason: 'account closed at the bank' });
    expect(returned).toMatchObject({ status: 'RETURNED' });
    expect(await books(router)).toEqual({ bank: 1_000_000, funding: 1_000_000 - 1_500, fundingAvailable: 1_000_000 - 1_500, inExecution: 0, clearing: 1_000, balanced: true });
    await expectRefused(router, 'payouts.returnItem', { batchId: batch.id, itemId: items['P-2']!.id, reason: 'again' }, 'PAYOUT_ITEM_STATE_INVALID');
    await expectRefused(router, 'payouts.settleItem', { batchId: batch.id, itemId: items['P-2']!.id }, 'PAYOUT_ITEM_STATE_INVALID');
    const timeline = await ok(router, 'payouts.timeline', { batchId: batch.id });
    expect(timeline.at(-1)).toMatchObject({ action: 'payout.return', details: expect.objectContaining({ reason: 'account closed at the bank', amount: 2_000 }) });
    await ok(router, 'payouts.settleItem', { batchId: batch.id, itemId: items['P-1']!.id });
    expect(await books(router)).toMatchObject({ clearing: 0, inExecution: 0, bank: 1_000_000 - 1_000, funding: 1_000_000 - 1_500, balanced: true });
    expectVerifyClean(router);
  });
});

describe('funding', () => {
  it('counts a retried fund key once, in the books and the audit log', async () => {
    const { router } = await payoutRouter();
    deskInUse = router;
    const audits = () => router.state.requireStore().sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'payout.fund'`).pluck().get();
    const input = { amount: 12_345, idempotencyKey: 'fund-retry-1' };
    expect(await ok(router, 'payouts.fund', input)).toMatchObject({ currency: 'CNY', accountCode: '1200-CNY', balance: 12_345, available: 12_345 });
    const before = payoutState(router);
    expect(await ok(router, 'payouts.fund', input)).toMatchObject({ balance: 12_345 });
    expect(payoutState(router)).toEqual(before);
    expect(audits()).toBe(1);
    expect(await books(router)).toMatchObject({ funding: 12_345, bank: 12_345, balanced: true });
    await expectRefused(router, 'payouts.fund', { amount: 1, idempotencyKey: 'fund-retry-1' }, 'IDEMPOTENCY_CONFLICT');
    await signInAs(router, 'finance');
    expect(await ok(router, 'payouts.fund', { amount: 5, idempotencyKey: 'fund-retry-2' })).toMatchObject({ balance: 12_350 });
    expectVerifyClean(router);
  });
});
