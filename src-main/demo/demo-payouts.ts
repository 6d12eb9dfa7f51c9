import { randomBytes } from 'node:crypto';
import { setImmediate as turn } from 'node:timers/promises';
import { AppError } from '../../src-shared/errors';
import type { Batch } from '../../src-shared/contract/payouts';
import { JobRunner } from '../jobs/job-runner';
import { personKey } from '../jobs/durable-jobs';
import type { MemberRow } from '../members/member-repo';
import { approveBatch } from '../payouts/approve';
import { resolveSentItem } from '../payouts/bank-results';
import { batchItems } from '../payouts/batch-queries';
import { submitBatch } from '../payouts/batch-steps';
import { fundPayouts } from '../payouts/funding';
import { importPayoutFile } from '../payouts/import-batch';
import { startExecution } from '../payouts/start-execution';
import { currentSlots } from '../staff/keyslot-edits';
import { addStaff } from '../staff/staff-service';
import { openStaffSlot } from '../store/keyslots';
import type { Store } from '../store/store';
import { takeCheckpoint } from '../trust/checkpoints';
import { Signer } from '../trust/signer';
import type { Random } from './sample-people';

// The payouts part of the demo, in the demo's last days, so that every payouts screen has
// something: the funding account is funded; a batch was paid (wallets and bank cards, one bank
// item settled and one returned); one waits for someone other than its maker to approve it; and
// a draft shows rows with errors. Maker-checker needs a second person with a key of their own:
// the demo adds a finance colleague whose passphrase nobody knows (an admin resets it in Staff to
// sign in as her), and her work lies in a signed session of her own, as `verify` requires.
// Keys, amounts and times come from the seed; her key and signatures, like card numbers, do not.

const CURRENCY = 'CNY';
export const DEMO_CHECKER = { username: 'demo-finance', displayName: '方琳', role: 'finance' as const };
const FUNDING = 2_000_000_00;

export interface PayoutsTally {
  batches: number;
  paid: number;
  sent: number;
  settled: number;
  returned: number;
  draftErrors: number;
}

interface Row {
  reference: string;
  memberNo: string;
  amount: string;
  destination?: string;
  note?: string;
}

const NOTES = ['十二月佣金', 'December commission', '推荐奖励', 'Refund of overcharge', '活动奖金'];

function csvOf(rows: readonly Row[]): Uint8Array {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = rows.map((row) => [row.reference, row.memberNo, row.amount, row.destination ?? 'wallet', row.note ?? ''].map(quote).join(','));
  return Buffer.from(['reference,member_no,amount,destination,note', ...lines].join('\r\n') + '\r\n', 'utf8');
}

/** An amount between 50.00 and 3,000.00 as a file writes it. */
function amountText(random: Random): string {
  const minor = 5_000 + Math.floor(random() * 295_000);
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

function walletRows(payees: readonly MemberRow[], random: Random, prefix: string): Row[] {
  return payees.map((member, index) => ({ reference: `${prefix}-${String(index + 1).padStart(3, '0')}`, memberNo: member.member_number, amount: amountText(random), note: NOTES[index % NOTES.length]! }));
}

/** Imports the rows as a draft and, when asked, submits what it pays as the maker confirms it. */
function importBatch(store: Store, actor: string, fileName: string, rows: readonly Row[], at: Date, submitAt?: Date): Batch {
  const { batch } = importPayoutFile(store, actor, { fileName, bytes: csvOf(rows), currency: CURRENCY }, at);
  if (!batch) throw new Error(`writePayoutsDemo: ${fileName} did not import`);
  return submitAt ? submitBatch(store, actor, { batchId: batch.id, itemCount: batch.itemCount, total: batch.total }, submitAt) : batch;
}

/** The finance colleague, signed in: her own slot under a passphrase nobody is told, and her signer. */
async function checkerSigner(store: Store, admin: Signer, now: Date): Promise<Signer> {
  const passphrase = randomBytes(24).toString('base64url');
  await addStaff(store, admin, { ...DEMO_CHECKER, passphrase }, now);
  const slot = currentSlots(store).find((s) => s.username === DEMO_CHECKER.username)!;
  const opened = await openStaffSlot(slot, passphrase);
  if (!opened?.signing) throw new Error('writePayoutsDemo: the colleague’s slot did not open');
  return new Signer(DEMO_CHECKER.username, opened.signing);
}

/** Executes the batch as the checker would from the app: the durable job, followed to its end. */
async function executeBatch(store: Store, actor: string, batchId: number, at: Date): Promise<void> {
  const runner = new JobRunner(() => [personKey(actor)]);
  const jobId = startExecution(store, runner, actor, batchId, () => at);
  for (;;) {
    const job = runner.get(jobId);
    if (job.state === 'done') return;
    if (job.state !== 'running') throw new AppError('INTERNAL', `writePayoutsDemo: executing batch ${batchId} ended ${job.state}: ${job.error?.message ?? ''}`);
    await turn();
  }
}

/**
 * Funds, pays, submits and drafts the demo's batches in the 13 hours from `from`.
 * `maker` is the admin loading the demo; `now` is the real time of the load, when the colleague
 * joins the staff and signs her session (her certificate cannot predate the admin's).
 */
export async function writePayoutsDemo(store: Store, maker: Signer, members: readonly MemberRow[], random: Random, seed: number, from: number, now: Date): Promise<PayoutsTally> {
  const tally: PayoutsTally = { batches: 0, paid: 0, sent: 0, settled: 0, returned: 0, draftErrors: 0 };
  const active = members.filter((member) => member.status === 'active');
  if (active.length === 0) return tally;
  const at = (hours: number) => new Date(from + hours * 3_600_000);
  const actor = maker.username;
  fundPayouts(store, actor, { currency: CURRENCY, amount: FUNDING, idempotencyKey: `demo-${seed}-payouts-fund` }, at(0));

  // Paid: a dozen wallets, and the members with a default bank card (one settled, one returned).
  // demo-cards.ts links a bank card (their default) for every twentieth member from the fourth.
  const carded = members.filter((member, index) => index % 20 === 3 && member.status === 'active').slice(0, 4);
  const paidRows = [
    ...walletRows(active.slice(0, 12), random, `DEMO-${seed}-A`),
    ...carded.map((member, index) => ({ reference: `DEMO-${seed}-A-B${index + 1}`, memberNo: member.member_number, amount: amountText(random), destination: 'bank_card', note: '提现到银行卡' })),
  ];
  const paid = importBatch(store, actor, 'commissions-november.csv', paidRows, at(0.5), at(1));
  const paidId = paid.id;
  const checker = await checkerSigner(store, maker, now);
  const opening = takeCheckpoint(store, checker, 'open', null, new Date(now.getTime() + 1))!;
  approveBatch(store, checker, { batchId: paidId, contentHash: paid.contentHash }, at(2));
  await executeBatch(store, checker.username, paidId, at(3));
  const sent = batchItems(store, { batchId: paidId, status: 'SENT', offset: 0, limit: 100 }).rows;
  if (sent[0]) resolveSentItem(store, checker.username, { batchId: paidId, itemId: sent[0].id }, 'settle', at(10));
  if (sent[1]) resolveSentItem(store, checker.username, { batchId: paidId, itemId: sent[1].id, reason: '收款账户已销户' }, 'return', at(11));
  takeCheckpoint(store, checker, 'close', opening, new Date(now.getTime() + 2));
  tally.paid = paidRows.length - carded.length;
  tally.sent = sent.length;
  tally.settled = Math.min(1, sent.length);
  tally.returned = Math.min(1, Math.max(0, sent.length - 1));

  // Waiting for approval by someone other than its maker.
  importBatch(store, actor, 'referral-rewards-december.csv', walletRows(active.slice(0, 8).reverse(), random, `DEMO-${seed}-B`), at(12), at(12.5));

  // A draft whose rows show the codes a reviewer meets: unknown member, bad amount, missing field, repeated reference.
  const draftRows: Row[] = [
    ...walletRows(active.slice(0, 3), random, `DEMO-${seed}-C`),
    { reference: `DEMO-${seed}-C-900`, memberNo: '100000000', amount: '88.00' },
    { reference: `DEMO-${seed}-C-901`, memberNo: active[0]!.member_number, amount: '1.234,50' },
    { reference: `DEMO-${seed}-C-902`, memberNo: '', amount: '' },
    { reference: `DEMO-${seed}-C-001`, memberNo: active[0]!.member_number, amount: '10.00', note: '=SUM(A1:A9)' },
  ];
  importBatch(store, actor, 'bonus-draft.csv', draftRows, at(13));
  tally.draftErrors = 4;
  tally.batches = 3;
  return tally;
}
