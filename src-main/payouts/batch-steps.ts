import { AppError } from '../../src-shared/errors';
import type { Batch, BatchStatus } from '../../src-shared/contract/payouts';
import { recordAudit } from '../audit/record-audit';
import { execute } from '../store/sql';
import type { Store } from '../store/store';
import { assertStatus, batchById, findBatch, type BatchRecord } from './batch-rows';
import { payoutsSql, type PayoutBatchesTable } from './tables';

// The steps of a batch that move no money: the maker submits or cancels it, an approver rejects
// it. Each is one transaction with its audit row, which the batch's timeline shows.

type BatchChange = Partial<Omit<PayoutBatchesTable, 'id'>> & { status: BatchStatus };

/** Writes the batch's new status (only from the status it was read in) and its audit row. */
export function changeBatch(store: Store, batch: BatchRecord, actor: string, action: string, change: BatchChange, details: Record<string, unknown>, now: Date): void {
  const moved = execute(
    store.sqlite,
    payoutsSql.updateTable('payout_batches').set({ ...change, updated_at: now.toISOString() }).where('id', '=', batch.id).where('status', '=', batch.status),
  );
  if (moved.changes !== 1) throw new AppError('PAYOUT_STATE_INVALID', `Batch ${batch.id} changed while this step ran; look at it again.`, { field: 'batchId' });
  recordAudit(store, { actor, action, entityType: 'payout_batch', entityId: batch.id, before: { status: batch.status }, after: { status: change.status, ...details } }, now);
}

/**
 * The maker confirms what the batch pays: rows with errors are left out (SKIPPED, with their
 * first code), and what they confirmed must be what remains.
 */
export function submitBatch(store: Store, actor: string, input: { batchId: number; itemCount: number; total: number }, now: Date): Batch {
  store.sqlite
    .transaction(() => {
      const batch = findBatch(store, input.batchId);
      assertStatus(batch, ['draft'], 'submitted');
      if (batch.item_count === 0) throw new AppError('PAYOUT_NOTHING_TO_PAY', `Batch ${batch.id} has no row without errors.`, { field: 'batchId' });
      if (input.itemCount !== batch.item_count || input.total !== batch.total) {
        throw new AppError('PAYOUT_TOTALS_CHANGED', `Batch ${batch.id} pays ${batch.item_count} items, ${batch.total} in all; ${input.itemCount} items and ${input.total} were confirmed.`, {
          field: 'total',
          itemCount: batch.item_count,
          total: batch.total,
        });
      }
      store.sqlite
        .prepare(`UPDATE payout_items SET status = 'SKIPPED', code = json_extract(problems, '$[0].code') WHERE batch_id = ? AND payable = 0`)
        .run(batch.id);
      const at = now.toISOString();
      changeBatch(store, batch, actor, 'payout.submit', { status: 'submitted', submitted_by: actor, submitted_at: at }, { items: batch.item_count, total: batch.total, skipped: batch.row_count - batch.item_count }, now);
    })
    .immediate();
  return batchById(store, input.batchId);
}

/** Before approval the maker (or anyone who may import) can withdraw the batch; its references are free again. */
export function cancelBatch(store: Store, actor: string, input: { batchId: number; reason?: string | undefined }, now: Date): Batch {
  store.sqlite
    .transaction(() => {
      const batch = findBatch(store, input.batchId);
      assertStatus(batch, ['draft', 'submitted'], 'cancelled');
      changeBatch(store, batch, actor, 'payout.cancel', { status: 'cancelled' }, { reason: input.reason ?? null }, now);
    })
    .immediate();
  return batchById(store, input.batchId);
}

/** Refuses the person who made the batch: approving and rejecting are the checker's. */
export function assertChecker(batch: BatchRecord, actor: string, step: string): void {
  if (actor === batch.created_by || actor === batch.submitted_by) {
    throw new AppError('SELF_APPROVAL_FORBIDDEN', `${actor} imported or submitted batch ${batch.id}; another person must ${step} it.`, { field: 'batchId', maker: batch.created_by });
  }
}

export function rejectBatch(store: Store, actor: string, input: { batchId: number; reason: string }, now: Date): Batch {
  store.sqlite
    .transaction(() => {
      const batch = findBatch(store, input.batchId);
      assertStatus(batch, ['submitted'], 'rejected');
      assertChecker(batch, actor, 'reject');
      const at = now.toISOString();
      changeBatch(store, batch, actor, 'payout.reject', { status: 'rejected', decided_by: actor, decided_at: at, reject_reason: input.reason }, { reason: input.reason }, now);
    })
    .immediate();
  return batchById(store, input.batchId);
}
