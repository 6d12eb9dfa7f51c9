import type { Selectable } from 'kysely';
import { AppError } from '../../src-shared/errors';
import type { Batch, BatchStatus } from '../../src-shared/contract/payouts';
import type { FileProblem } from '../../src-shared/row-problem';
import { findStaff } from '../staff/staff-repo';
import { perConnection, selectAll, selectFirst } from '../store/sql';
import type { Store } from '../store/store';
import { payoutsSql, type PayoutBatchesTable } from './tables';

// A batch row as the contract answers it, with its approvals and its items counted by status.

export type BatchRecord = Selectable<PayoutBatchesTable>;

export function findBatch(store: Store, batchId: number): BatchRecord {
  const row = selectFirst(store.sqlite, payoutsSql.selectFrom('payout_batches').selectAll().where('id', '=', batchId));
  if (!row) throw new AppError('PAYOUT_BATCH_NOT_FOUND', `No payout batch ${batchId}.`, { field: 'batchId' });
  return row;
}

/** Refuses unless the batch is in one of `allowed`; the details say where it is and what was asked. */
export function assertStatus(batch: BatchRecord, allowed: readonly BatchStatus[], step: string): void {
  if (!allowed.includes(batch.status)) {
    throw new AppError('PAYOUT_STATE_INVALID', `Batch ${batch.id} is ${batch.status}; it cannot be ${step}.`, { field: 'batchId', status: batch.status, step });
  }
}

const statusTotals = perConnection((sqlite) =>
  sqlite.prepare<[number], { status: string; count: number; amount: number }>(
    'SELECT status, count(*) AS count, coalesce(sum(amount), 0) AS amount FROM payout_items WHERE batch_id = ? GROUP BY status',
  ),
);

export function itemsByStatus(store: Store, batchId: number): Batch['byStatus'] {
  return Object.fromEntries(statusTotals(store.sqlite).all(batchId).map((row) => [row.status, { count: row.count, amount: row.amount }]));
}

export function displayNameOf(store: Store, username: string): string {
  return findStaff(store, username)?.display_name ?? username;
}

export function approvalsOf(store: Store, batchId: number): Batch['approvals'] {
  const rows = selectAll(store.sqlite, payoutsSql.selectFrom('payout_approvals').selectAll().where('batch_id', '=', batchId).orderBy('id'));
  return rows.map((row) => ({ approver: row.approver, approverName: displayNameOf(store, row.approver), contentHash: row.content_hash, at: row.at }));
}

export function toBatch(store: Store, row: BatchRecord): Batch {
  return {
    id: row.id,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    encoding: row.encoding as Batch['encoding'],
    delimiter: row.delimiter as Batch['delimiter'],
    currency: row.currency,
    status: row.status,
    rowCount: row.row_count,
    itemCount: row.item_count,
    total: row.total,
    contentHash: row.content_hash,
    approvalsRequired: row.approvals_required,
    approvals: approvalsOf(store, row.id),
    createdBy: row.created_by,
    createdAt: row.created_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    rejectReason: row.reject_reason,
    completedAt: row.completed_at,
    jobId: row.job_id,
    byStatus: itemsByStatus(store, row.id),
    fileProblems: JSON.parse(row.file_problems) as FileProblem[],
  };
}

export function batchById(store: Store, batchId: number): Batch {
  return toBatch(store, findBatch(store, batchId));
}
