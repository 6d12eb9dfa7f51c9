import type { Selectable } from 'kysely';
import { AppError } from '../../src-shared/errors';
import type { RowCode } from '../../src-shared/row-codes';
import { auditRecords } from '../audit/audit-replay';
import { inLedgerTransaction, postHold, systemAccount, writeMovement, type LedgerWriter } from '../ledger';
import type { DurableJobKind } from '../jobs/durable-jobs';
import { getMemberRow } from '../members/member-repo';
import { walletAccountFor } from '../members/member-wallets';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { assertApprovedAsIs } from './approve';
import { assertStatus, findBatch, itemsByStatus, type BatchRecord } from './batch-rows';
import { changeBatch } from './batch-steps';
import { itemCause, itemLedgerKey, payoutLedgerKey, PAYOUT_KINDS } from './payout-ledger';
import type { PayoutItemsTable } from './tables';

// Executing an approved batch: a durable job (jobs/durable-jobs.ts). Its first transaction posts
// the funding hold into execution and marks the batch executing; each step then pays the next
// chunk of PENDING items and commits them with the checkpoint; the last step returns what was
// not paid to funding and completes the batch. A crash loses at most the step in flight, which
// rolled back whole, and running execute again resumes after the last committed item; each
// item's transfer key is derived from batch and item, so not even a replayed step can pay twice.

export interface ExecuteParams {
  batchId: number;
  actor: string;
}

export interface ExecuteCheckpoint {
  /** The last item id a committed step handled. */
  afterItemId: number;
  done: number;
}

export interface ExecuteResult {
  batchId: number;
  paid: number;
  sent: number;
  failed: number;
  /** What went back to funding: the failed items' amounts. */
  released: number;
}

/** The fewest items a step pays (unless fewer are left): each step is one durable commit, and the screen's progress moves per step. */
export const EXECUTE_CHUNK = 2_500;
const LARGEST_STEP = 10_000;

/**
 * A big batch goes in tenths, up to LARGEST_STEP items a step. Wallets are spread over the
 * accounts table and its balance index, so a step rewrites a page for almost every item it pays,
 * and each commit writes those pages to the WAL and then to the database; a bigger step rewrites
 * each page once for more items (of a 100,000-item run, commits took over half at 2,500 items a
 * step, a third at 10,000), and the bar still moves ten times.
 */
export function executeStepSize(itemCount: number): number {
  return Math.min(LARGEST_STEP, Math.max(EXECUTE_CHUNK, Math.ceil(itemCount / 10)));
}

/** A pending item with what paying it looks up: its member's status, wallet and whether its card is still linked. */
type PendingItem = Pick<Selectable<PayoutItemsTable>, 'id' | 'member_id' | 'amount' | 'destination' | 'bank_card_id' | 'reference'> & {
  member_status: string | null;
  wallet_id: number | null;
  card_linked: 1 | null;
};

const statements = perConnection((sqlite) => ({
  // One query a step instead of three lookups an item.
  pending: sqlite.prepare<[string, number, number, number], PendingItem>(
    `SELECT i.id, i.member_id, i.amount, i.destination, i.bank_card_id, i.reference, m.status AS member_status, w.account_id AS wallet_id,
       (SELECT 1 FROM bank_cards c WHERE c.id = i.bank_card_id AND c.unlinked_at IS NULL) AS card_linked
     FROM payout_items i LEFT JOIN members m ON m.id = i.member_id LEFT JOIN member_wallets w ON w.member_id = i.member_id AND w.currency = ?
     WHERE i.batch_id = ? AND i.id > ? AND i.payable = 1 AND i.status = 'PENDING' ORDER BY i.id LIMIT ?`,
  ),
  paid: sqlite.prepare<[string, number, string, number]>('UPDATE payout_items SET status = ?, transfer_id = ?, paid_at = ? WHERE id = ?'),
  failed: sqlite.prepare<[string, number]>(`UPDATE payout_items SET status = 'FAILED', code = ? WHERE id = ?`),
  moved: sqlite.prepare<[number], number>(`SELECT coalesce(sum(amount), 0) FROM payout_items WHERE batch_id = ? AND transfer_id IS NOT NULL`).pluck(),
  pendingCount: sqlite.prepare<[number], number>(`SELECT count(*) FROM payout_items WHERE batch_id = ? AND payable = 1 AND status = 'PENDING'`).pluck(),
}));

/** Why an item can no longer be paid as approved, re-checked at execution; null when it can. */
function failureOf(item: PendingItem): RowCode | null {
  if (item.member_status !== 'active') return 'MEMBER_NOT_ACTIVE';
  if (item.destination === 'bank_card' && (item.bank_card_id === null || item.card_linked === null)) return 'NO_BANK_CARD';
  return null;
}

function walletOf(store: Store, item: PendingItem, currency: string, now: Date): number {
  return item.wallet_id ?? walletAccountFor(store, getMemberRow(store, item.member_id!), currency, now);
}

interface Accounts {
  inExecution: number;
  clearing: number;
  funding: number;
}

function accountsOf(store: Store, currency: string): Accounts {
  return {
    inExecution: systemAccount(store, 'payouts_in_execution', currency).id,
    clearing: systemAccount(store, 'bank_payouts_clearing', currency).id,
    funding: systemAccount(store, 'payout_funding', currency).id,
  };
}

function payItem(writer: LedgerWriter, batch: BatchRecord, accounts: Accounts, item: PendingItem, params: ExecuteParams, now: Date): void {
  const { store } = writer;
  const sql = statements(store.sqlite);
  const failure = failureOf(item);
  if (failure) {
    sql.failed.run(failure, item.id);
    return;
  }
  const toBank = item.destination === 'bank_card';
  const transfer = writeMovement(writer, {
    idempotencyKey: itemLedgerKey(batch.id, item.id),
    debitAccountId: accounts.inExecution,
    creditAccountId: toBank ? accounts.clearing : walletOf(store, item, batch.currency, now),
    amount: item.amount!,
    kind: PAYOUT_KINDS.item,
    memo: item.reference,
    causeRef: itemCause(item.id),
    actor: params.actor,
    at: now,
  });
  sql.paid.run(toBank ? 'SENT' : 'PAID', transfer.id, now.toISOString(), item.id);
}

/** The end: what was not paid goes back to funding, and the batch is completed with its counts. */
function finishBatch(writer: LedgerWriter, batch: BatchRecord, accounts: Accounts, params: ExecuteParams, now: Date): ExecuteResult {
  const { store } = writer;
  const released = batch.total - statements(store.sqlite).moved.get(batch.id)!;
  if (released > 0) {
    writeMovement(writer, {
      idempotencyKey: payoutLedgerKey(batch.id, 'release'),
      debitAccountId: accounts.inExecution,
      creditAccountId: accounts.funding,
      amount: released,
      kind: PAYOUT_KINDS.release,
      memo: `Payout batch ${batch.id}: not paid`,
      causeRef: `payout-batch:${batch.id}`,
      actor: params.actor,
      at: now,
    });
  }
  const byStatus = itemsByStatus(store, batch.id);
  const count = (status: string) => byStatus[status]?.count ?? 0;
  const result = { batchId: batch.id, paid: count('PAID'), sent: count('SENT'), failed: count('FAILED'), released };
  changeBatch(store, batch, params.actor, 'payout.executeEnd', { status: 'completed', completed_at: now.toISOString() }, { ...result, byStatus }, now);
  return result;
}

export const executePayoutsJob: DurableJobKind<ExecuteParams, ExecuteCheckpoint> = {
  kind: 'payouts.execute',
  begin(store, params, now) {
    const batch = findBatch(store, params.batchId);
    // An executing batch whose job failed is carried on by a new job from where the items stand.
    assertStatus(batch, ['approved', 'executing'], 'executed');
    assertApprovedAsIs(store, batch);
    if (batch.status === 'approved') {
      if (batch.hold_id === null) throw new AppError('PAYOUT_STATE_INVALID', `Batch ${batch.id} holds no funding.`, { field: 'batchId' });
      postHold(store, { holdId: batch.hold_id, idempotencyKey: payoutLedgerKey(batch.id, 'start'), actor: params.actor, at: now });
      changeBatch(store, batch, params.actor, 'payout.executeStart', { status: 'executing' }, { items: batch.item_count, total: batch.total }, now);
    }
    return { checkpoint: { afterItemId: 0, done: 0 }, total: statements(store.sqlite).pendingCount.get(batch.id)! };
  },
  step(store, params, checkpoint, now) {
    const batch = findBatch(store, params.batchId);
    assertStatus(batch, ['executing'], 'executed');
    const accounts = accountsOf(store, batch.currency);
    return inLedgerTransaction(store, (writer) => {
      const size = executeStepSize(batch.item_count);
      const items = statements(store.sqlite).pending.all(batch.currency, batch.id, checkpoint.afterItemId, size);
      for (const item of items) payItem(writer, batch, accounts, item, params, now);
      const done = checkpoint.done + items.length;
      if (items.length < size) return { finished: true as const, done, result: finishBatch(writer, batch, accounts, params, now) };
      return { checkpoint: { afterItemId: items.at(-1)!.id, done }, done };
    });
  },
  rowFault(store, row) {
    const { batchId } = JSON.parse(row.params_json) as ExecuteParams;
    const status = store.sqlite.prepare('SELECT status FROM payout_batches WHERE id = ?').pluck().get(batchId) as string | undefined;
    if (status === undefined) return `it executes batch ${batchId}, which does not exist`;
    if (row.state === 'running' && status !== 'executing') return `it is running, but batch ${batchId} is ${status}`;
    if (row.state !== 'done') return null;
    // The job's result and the batch's audited end were written in one transaction: they agree.
    const end = auditRecords(store.sqlite, ['payout.executeEnd']).findLast((record) => record.entityId === String(batchId))?.after as Partial<ExecuteResult> | undefined;
    const result = JSON.parse(row.result_json!) as ExecuteResult;
    const agrees = end !== undefined && (['batchId', 'paid', 'sent', 'failed', 'released'] as const).every((key) => end[key] === result[key]);
    return status === 'completed' && agrees ? null : `its result is not batch ${batchId}'s audited end`;
  },
};
