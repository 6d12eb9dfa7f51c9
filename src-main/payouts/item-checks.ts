import type { BatchStatus, ItemStatus } from '../../src-shared/contract/payouts';
import type { AuditRecord, FirstFault } from '../audit/audit-replay';
import type { Store } from '../store/store';
import type { BatchRecord } from './batch-rows';
import { contentHasher, type ContentFields } from './content-hash';
import { itemCause, itemLedgerKey, PAYOUT_KINDS } from './payout-ledger';
import type { ExpectedTransfer, PayoutJournal, PayoutTransfer } from './payout-journal';
import type { PayoutItemsTable } from './tables';
import { firstDifferingColumn } from '../integrity/verifier';

// payouts.items, in one pass over every item, in item order:
// - each batch's items still hash to its content hash (content-hash.ts), and its rows, payable
//   rows and their total are the batch's counts; a change, insert or delete of content shows as
//   the batch, since the hash cannot say which item moved;
// - each item's status is one its batch's status allows (error rows SKIPPED once the batch was
//   submitted, PENDING before; nothing PENDING once completed), with the code that status has;
// - an item whose money left 2400 (PAID to the member's wallet, SENT to 2410) names its
//   payment: under the item's key, for its amount, at its paid_at; SETTLED and RETURNED also
//   name the bank's answer (2410 → 1100 or → 1200), which a payout.settle or payout.return audit
//   row recorded; an item that moved nothing names no transfer.
// Transfers no item claims are named afterwards, by the item their key names (payout-checks.ts).

type ItemRow = Omit<PayoutItemsTable, 'id'> & { id: number };

// In table order, which is each batch's item order (an import writes its items in one go): a
// table scan, where the (batch, id) index would look every row up. Wallets are read once, not
// looked up per item.
const ITEMS = 'SELECT * FROM payout_items ORDER BY id';
const WALLETS = 'SELECT member_id, currency, account_id FROM member_wallets';

/** The statuses a payable item may have while its batch is in each status. */
const PAYABLE_STATUSES: Record<BatchStatus, readonly ItemStatus[]> = {
  draft: ['PENDING'],
  submitted: ['PENDING'],
  approved: ['PENDING'],
  rejected: ['PENDING'],
  cancelled: ['PENDING'],
  executing: ['PENDING', 'PAID', 'SENT', 'SETTLED', 'RETURNED', 'FAILED'],
  completed: ['PAID', 'SENT', 'SETTLED', 'RETURNED', 'FAILED'],
};

/** Why execution fails an item (execute.ts failureOf), and the destination each applies to. */
const FAILURE_CODES: Record<string, readonly string[]> = { MEMBER_NOT_ACTIVE: ['wallet', 'bank_card'], NO_BANK_CARD: ['bank_card'] };

const MOVED: readonly ItemStatus[] = ['PAID', 'SENT', 'SETTLED', 'RETURNED'];
const RESOLUTIONS = {
  SETTLED: { step: 'settle', kind: PAYOUT_KINDS.settlement, action: 'payout.settle', credit: 'bankSettlement' },
  RETURNED: { step: 'return', kind: PAYOUT_KINDS.return, action: 'payout.return', credit: 'funding' },
} as const;

/** What one batch's items add up to, for the batch's own check. */
export interface BatchTally {
  rows: number;
  payable: number;
  payableAmount: number;
  /** What left 2400 for the items: the amounts of PAID, SENT, SETTLED and RETURNED items. */
  moved: number;
  byStatus: Record<string, { count: number; amount: number }>;
}

function emptyTally(): BatchTally {
  return { rows: 0, payable: 0, payableAmount: 0, moved: 0, byStatus: {} };
}

function firstProblemCode(problems: string): string | null {
  try {
    return (JSON.parse(problems) as { code?: string }[])[0]?.code ?? null;
  } catch {
    return null;
  }
}

interface ItemContext {
  batch: BatchRecord;
  journal: PayoutJournal;
  /** Each member's wallet account by `member:currency`. */
  wallets: ReadonlyMap<string, number>;
  /** payout.settle / payout.return rows by item id; each is taken by the item it names. */
  resolutions: Map<number, AuditRecord>;
}

/** The status and code an item may have in its batch, or the column that is wrong. */
function statusDiffers(item: ItemRow, batch: BatchRecord): string | null {
  if (item.payable !== 1) {
    const expected = batch.submitted_by === null ? 'PENDING' : 'SKIPPED';
    if (item.status !== expected) return 'status';
    return item.code === (expected === 'SKIPPED' ? firstProblemCode(item.problems) : null) ? null : 'code';
  }
  if (!PAYABLE_STATUSES[batch.status]?.includes(item.status)) return 'status';
  if (item.status === 'FAILED') return FAILURE_CODES[item.code ?? '']?.includes(item.destination) ? null : 'code';
  return item.code === null ? null : 'code';
}

/** The payment of an item whose money left 2400, against the journal; null when it holds. */
function paymentDiffers(item: ItemRow, { batch, journal, wallets }: ItemContext): string | null {
  const accounts = journal.accountsOf(batch.currency);
  const toWallet = item.status === 'PAID';
  if (item.destination !== (toWallet ? 'wallet' : 'bank_card')) return 'status';
  const payment = journal.find(item.transfer_id);
  const expected: ExpectedTransfer = {
    key: itemLedgerKey(item.batch_id, item.id),
    kind: PAYOUT_KINDS.item,
    state: 'posted',
    debit: accounts.inExecution,
    credit: toWallet ? wallets.get(`${item.member_id}:${batch.currency}`) : accounts.clearing,
    amount: item.amount,
    currency: batch.currency,
    causeRef: itemCause(item.id),
  };
  const column = journal.claim(payment, expected);
  if (column !== null) return `transfer_id (its transfer's ${column})`;
  return item.paid_at === payment!.created_at ? null : 'paid_at';
}

/** A SETTLED or RETURNED item's answer from the bank: its transfer and its audit row. */
function resolutionDiffers(item: ItemRow, { batch, journal, resolutions }: ItemContext): string | null {
  const spec = item.status === 'SETTLED' || item.status === 'RETURNED' ? RESOLUTIONS[item.status] : null;
  if (!spec) return item.resolution_transfer_id === null ? null : 'resolution_transfer_id';
  const accounts = journal.accountsOf(batch.currency);
  const resolution: PayoutTransfer | undefined = journal.find(item.resolution_transfer_id);
  const column = journal.claim(resolution, {
    key: itemLedgerKey(item.batch_id, item.id, spec.step),
    kind: spec.kind,
    state: 'posted',
    debit: accounts.clearing,
    credit: accounts[spec.credit],
    amount: item.amount,
    currency: batch.currency,
    causeRef: itemCause(item.id),
  });
  if (column !== null) return `resolution_transfer_id (its transfer's ${column})`;
  const audited = resolutions.get(item.id);
  resolutions.delete(item.id);
  if (!audited || audited.action !== spec.action || audited.after?.transferId !== resolution!.id || audited.after.amount !== item.amount) return 'status (no audit row of the bank’s answer)';
  return null;
}

function itemDiffers(item: ItemRow, context: ItemContext): string | null {
  const status = statusDiffers(item, context.batch);
  if (status !== null) return status;
  if (!MOVED.includes(item.status)) {
    if (item.transfer_id !== null) return 'transfer_id';
    if (item.resolution_transfer_id !== null) return 'resolution_transfer_id';
    return item.paid_at === null ? null : 'paid_at';
  }
  return paymentDiffers(item, context) ?? resolutionDiffers(item, context);
}

function tallyItem(tally: BatchTally, item: ItemRow): void {
  tally.rows += 1;
  if (item.payable === 1) {
    tally.payable += 1;
    tally.payableAmount += item.amount ?? 0;
  }
  if (MOVED.includes(item.status)) tally.moved += item.amount ?? 0;
  const byStatus = (tally.byStatus[item.status] ??= { count: 0, amount: 0 });
  byStatus.count += 1;
  byStatus.amount += item.amount ?? 0;
}

/** Each batch's items against its content hash and counts; the batch is named when they differ. */
function compareContent(fault: FirstFault, batch: BatchRecord, tally: BatchTally, contentHash: string): void {
  if (contentHash !== batch.content_hash) fault.note('payout_batches', batch.id, `batch ${batch.id}'s items no longer hash to its content hash: an item was changed, added or removed`);
  const counts: [string, number, number][] = [['row_count', tally.rows, batch.row_count], ['item_count', tally.payable, batch.item_count], ['total', tally.payableAmount, batch.total]];
  const column = firstDifferingColumn(counts);
  if (column) fault.note('payout_batches', batch.id, `batch ${batch.id}'s ${column} is not what its items add up to`);
}

/**
 * The pass over every item; answers each batch's tally. `resolutions` is left holding the
 * settle and return audit rows no item took.
 */
export function checkItems(store: Store, fault: FirstFault, batches: ReadonlyMap<number, BatchRecord>, journal: PayoutJournal, resolutions: Map<number, AuditRecord>): { tallies: Map<number, BatchTally>; items: number } {
  const wallets = new Map<string, number>();
  for (const row of store.sqlite.prepare(WALLETS).iterate() as IterableIterator<{ member_id: number; currency: string; account_id: number }>) wallets.set(`${row.member_id}:${row.currency}`, row.account_id);
  const states = new Map<number, { tally: BatchTally; hasher: ReturnType<typeof contentHasher> }>();
  for (const batch of batches.values()) states.set(batch.id, { tally: emptyTally(), hasher: contentHasher(batch.id, batch.currency) });
  let items = 0;
  for (const item of store.sqlite.prepare(ITEMS).iterate() as IterableIterator<ItemRow>) {
    items += 1;
    const batch = batches.get(item.batch_id);
    const state = states.get(item.batch_id);
    if (!batch || !state) {
      fault.note('payout_items', item.id, `item ${item.id} belongs to no batch`);
      continue;
    }
    state.hasher.add(item as ContentFields);
    tallyItem(state.tally, item);
    const column = itemDiffers(item, { batch, journal, wallets, resolutions });
    if (column !== null) fault.note('payout_items', item.id, `item ${item.id}'s ${column} is not what its batch, the journal and the audit log say`);
  }
  const tallies = new Map<number, BatchTally>();
  for (const [id, state] of states) {
    compareContent(fault, batches.get(id)!, state.tally, state.hasher.digest());
    tallies.set(id, state.tally);
  }
  return { tallies, items };
}
