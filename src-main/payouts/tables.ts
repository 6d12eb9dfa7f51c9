import type { BatchStatus, ItemStatus } from '../../src-shared/contract/payouts';
import type { Generated } from 'kysely';
import { queryBuilder } from '../store/sql';

// The payouts domain's tables (migration 0013). Problems are stored as the JSON of the row's
// RowProblem list (without its line, which the row has).

export interface PayoutBatchesTable {
  id: Generated<number>;
  file_name: string;
  file_sha256: string;
  encoding: string;
  delimiter: string;
  currency: string;
  status: BatchStatus;
  row_count: number;
  item_count: number;
  total: number;
  /** SHA-256 over every item as imported (content-hash.ts); an approval signs it. */
  content_hash: string;
  /** The file's warnings (UNKNOWN_COLUMN, FILE_ALREADY_IMPORTED) as JSON. */
  file_problems: string;
  approvals_required: number;
  /** The hold on the funding account for the total, placed by the approval that completed it. */
  hold_id: number | null;
  job_id: string | null;
  created_by: string;
  created_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reject_reason: string | null;
  completed_at: string | null;
  updated_at: string;
}

export interface PayoutItemsTable {
  id: Generated<number>;
  batch_id: number;
  line: number;
  reference: string;
  member_no: string;
  member_id: number | null;
  amount_text: string;
  amount: number | null;
  currency: string;
  destination: string;
  bank_card_id: number | null;
  note: string;
  problems: string;
  payable: 0 | 1;
  status: ItemStatus;
  code: string | null;
  transfer_id: number | null;
  /** The bank's settlement or return of a SENT item. */
  resolution_transfer_id: number | null;
  /** When the item's money left funding (PAID or SENT): the 7-day duplicate lookup reads it. */
  paid_at: string | null;
}

export interface PayoutApprovalsTable {
  id: Generated<number>;
  batch_id: number;
  approver: string;
  /** The certificate the approver signed under: it names their key and their role. */
  certificate_id: number;
  content_hash: string;
  public_key: string;
  signature: string;
  at: string;
}

export interface PayoutTables {
  payout_batches: PayoutBatchesTable;
  payout_items: PayoutItemsTable;
  payout_approvals: PayoutApprovalsTable;
}

export const payoutsSql = queryBuilder<PayoutTables>();
