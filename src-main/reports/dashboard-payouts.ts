import type { BatchStatus } from '../../src-shared/contract/payouts';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';

// The dashboard's payout figures: batches made since the month began (payout_batches_created,
// migration 0014) and the batches submitted for approval (payout_batches_status).

export interface PayoutStatusRow {
  status: BatchStatus;
  currency: string;
  batches: number;
  total: number;
}

export interface WaitingBatch {
  id: number;
  fileName: string;
  maker: string;
  makerName: string | null;
  currency: string;
  total: number;
  items: number;
  submittedAt: string | null;
}

export function payoutsSince(store: Store, from: Date): PayoutStatusRow[] {
  const sql = `SELECT status, currency, count(*) AS batches, sum(total) AS total FROM payout_batches INDEXED BY payout_batches_created
    WHERE created_at >= ? GROUP BY status, currency ORDER BY status, currency`;
  return prepare(store.sqlite, sql).all(from.toISOString()) as PayoutStatusRow[];
}

/** How many batches wait for approval, and the `shown` submitted first (the longest waiting). */
export function batchesWaitingApproval(store: Store, shown: number): { count: number; batches: WaitingBatch[] } {
  const count = prepare(store.sqlite, "SELECT count(*) FROM payout_batches WHERE status = 'submitted'").pluck().get() as number;
  const sql = `SELECT b.id, b.file_name AS fileName, b.created_by AS maker, s.display_name AS makerName, b.currency, b.total,
      b.item_count AS items, b.submitted_at AS submittedAt
    FROM payout_batches b LEFT JOIN staff s ON s.username = b.created_by
    WHERE b.status = 'submitted' ORDER BY b.id LIMIT ?`;
  return { count, batches: prepare(store.sqlite, sql).all(shown) as WaitingBatch[] };
}
