import { sql, type Selectable } from 'kysely';
import type { BatchRow, BatchStatus, ItemStatus, PayoutItem, RowStatus, TimelineEntry } from '../../src-shared/contract/payouts';
import { rowVerdict } from '../../src-shared/row-codes';
import type { RowProblem } from '../../src-shared/row-problem';
import { selectAll, selectFirst } from '../store/sql';
import type { Store } from '../store/store';
import { findBatch } from './batch-rows';
import { payoutsSql, type PayoutItemsTable } from './tables';

// What the payout screens and the CLI read: the batches, a batch's items (filtered by status,
// verdict or code, a page at a time) and its timeline from the audit log.

export function listBatches(store: Store, query: { status?: BatchStatus | undefined; offset: number; limit: number }): { rows: BatchRow[]; total: number } {
  let base = payoutsSql.selectFrom('payout_batches');
  if (query.status) base = base.where('status', '=', query.status);
  const rows = selectAll(store.sqlite, base.selectAll().orderBy('id', 'desc').offset(query.offset).limit(query.limit));
  const total = selectFirst(store.sqlite, base.select(sql<number>`count(*)`.as('n')))?.n ?? 0;
  const approvers = (batchId: number) =>
    selectAll(store.sqlite, payoutsSql.selectFrom('payout_approvals').select('approver').where('batch_id', '=', batchId).orderBy('id')).map((row) => row.approver);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      fileName: row.file_name,
      currency: row.currency,
      status: row.status,
      rowCount: row.row_count,
      itemCount: row.item_count,
      total: row.total,
      createdBy: row.created_by,
      createdAt: row.created_at,
      submittedBy: row.submitted_by,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at,
      approvers: approvers(row.id),
    })),
    total,
  };
}

type ItemRow = Selectable<PayoutItemsTable> & { member_name: string | null; bank_card_last4: string | null };

export function toItem(row: ItemRow): PayoutItem {
  const problems = (JSON.parse(row.problems) as Omit<RowProblem, 'line'>[]).map((problem) => ({ ...problem, line: row.line }) as RowProblem);
  return {
    id: row.id,
    line: row.line,
    reference: row.reference,
    memberNo: row.member_no,
    memberId: row.member_id,
    memberName: row.member_name,
    amountText: row.amount_text,
    amount: row.amount,
    currency: row.currency,
    destination: row.destination,
    bankCardLast4: row.bank_card_last4,
    note: row.note,
    rowStatus: rowVerdict(problems),
    problems,
    status: row.status,
    code: row.code,
    transferId: row.transfer_id,
  };
}

export interface ItemQuery {
  batchId: number;
  status?: ItemStatus | undefined;
  rowStatus?: RowStatus | undefined;
  code?: string | undefined;
  /** One item only (an answer about it). */
  itemId?: number | undefined;
  offset: number;
  limit: number;
}

/** The WHERE clause and its values for a page of a batch's items. */
function itemsFilter(query: ItemQuery): { where: string; values: unknown[] } {
  const clauses = ['i.batch_id = ?'];
  const values: unknown[] = [query.batchId];
  if (query.status) {
    clauses.push('i.status = ?');
    values.push(query.status);
  }
  // A row's verdict is stored as whether it is payable and whether it has problems at all.
  if (query.rowStatus === 'error') clauses.push('i.payable = 0');
  if (query.rowStatus === 'warning') clauses.push(`i.payable = 1 AND i.problems <> '[]'`);
  if (query.rowStatus === 'ok') clauses.push(`i.problems = '[]'`);
  if (query.itemId !== undefined) {
    clauses.push('i.id = ?');
    values.push(query.itemId);
  }
  if (query.code) {
    clauses.push(`EXISTS (SELECT 1 FROM json_each(i.problems) WHERE json_extract(value, '$.code') = ?)`);
    values.push(query.code);
  }
  return { where: clauses.join(' AND '), values };
}

export function batchItems(store: Store, query: ItemQuery): { rows: PayoutItem[]; total: number } {
  findBatch(store, query.batchId);
  const { where, values } = itemsFilter(query);
  const rows = store.sqlite
    .prepare(
      `SELECT i.*, m.name AS member_name, c.last4 AS bank_card_last4 FROM payout_items i
       LEFT JOIN members m ON m.id = i.member_id LEFT JOIN bank_cards c ON c.id = i.bank_card_id
       WHERE ${where} ORDER BY i.id LIMIT ? OFFSET ?`,
    )
    .all(...values, query.limit, query.offset) as ItemRow[];
  const total = store.sqlite.prepare(`SELECT count(*) FROM payout_items i WHERE ${where}`).pluck().get(...values) as number;
  return { rows: rows.map(toItem), total };
}

export function batchTimeline(store: Store, batchId: number): TimelineEntry[] {
  findBatch(store, batchId);
  const rows = store.sqlite
    .prepare(`SELECT action, actor, at, after_json FROM audit_log WHERE entity_type = 'payout_batch' AND entity_id = ? ORDER BY id`)
    .all(String(batchId)) as { action: string; actor: string; at: string; after_json: string | null }[];
  return rows.map((row) => ({ action: row.action, actor: row.actor, at: row.at, details: row.after_json === null ? null : (JSON.parse(row.after_json) as Record<string, unknown>) }));
}
