import type { ReportColumn, ReportParams, ReportRow } from '../../src-shared/contract/reports';
import { AppError } from '../../src-shared/errors';
import { isKnownCurrency } from '../../src-shared/money';
import { prepare } from '../store/sql';
import type { SqliteDatabase } from '../store/open-database';
import type { ReportDefinition } from './report-definition';
import { reportPeriod } from './report-params';

// The payout batch report: who made, submitted, approved and ran each batch and when, the content
// hash its approvals signed, and every row of its file with what became of it. One batch by id,
// or every batch imported in a period. References, notes and names are the file's own text and go
// through as it is; the CSV writer keeps them from reading as formulas.

interface BatchLine {
  id: number;
  file_name: string;
  status: string;
  currency: string;
  row_count: number;
  item_count: number;
  total: number;
  created_by: string;
  created_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reject_reason: string | null;
  completed_at: string | null;
  content_hash: string;
  file_sha256: string;
}

interface ItemLine {
  batch_id: number;
  line: number;
  reference: string;
  member_no: string;
  member_name: string | null;
  amount: number | null;
  currency: string;
  destination: string;
  status: string;
  code: string | null;
  transfer_id: number | null;
  paid_at: string | null;
  note: string;
}

const BATCH_COLUMNS: ReportColumn[] = [
  { key: 'id', kind: 'integer' },
  { key: 'fileName', kind: 'text' },
  { key: 'status', kind: 'code' },
  { key: 'currency', kind: 'code' },
  { key: 'rows', kind: 'integer' },
  { key: 'items', kind: 'integer' },
  { key: 'total', kind: 'amount', currencyKey: 'currency' },
  { key: 'maker', kind: 'text' },
  { key: 'importedAt', kind: 'dateTime' },
  { key: 'submitter', kind: 'text' },
  { key: 'submittedAt', kind: 'dateTime' },
  { key: 'firstApprover', kind: 'text' },
  { key: 'firstApprovedAt', kind: 'dateTime' },
  { key: 'secondApprover', kind: 'text' },
  { key: 'secondApprovedAt', kind: 'dateTime' },
  { key: 'approvedAt', kind: 'dateTime' },
  { key: 'rejectedBy', kind: 'text' },
  { key: 'rejectedAt', kind: 'dateTime' },
  { key: 'rejectReason', kind: 'text' },
  { key: 'completedAt', kind: 'dateTime' },
  { key: 'contentHash', kind: 'hash' },
  { key: 'fileSha256', kind: 'hash' },
];

const ITEM_COLUMNS: ReportColumn[] = [
  { key: 'batchId', kind: 'integer' },
  { key: 'line', kind: 'integer' },
  { key: 'reference', kind: 'text' },
  { key: 'memberNo', kind: 'text' },
  { key: 'memberName', kind: 'text' },
  { key: 'amount', kind: 'amount', currencyKey: 'currency' },
  { key: 'currency', kind: 'text' },
  { key: 'destination', kind: 'text' },
  { key: 'status', kind: 'code' },
  { key: 'code', kind: 'code' },
  { key: 'transferId', kind: 'integer' },
  { key: 'paidAt', kind: 'dateTime' },
  { key: 'note', kind: 'text' },
];

/** Which batches the report covers: one by id, or those imported in [from, to). */
interface BatchScope {
  where: string;
  values: unknown[];
  parameters: Record<string, string>;
}

function scopeOf(sqlite: SqliteDatabase, params: ReportParams, now: Date): BatchScope {
  if (params.batch !== undefined) {
    if (prepare(sqlite, 'SELECT 1 FROM payout_batches WHERE id = ?').get(params.batch) === undefined) {
      throw new AppError('PAYOUT_BATCH_NOT_FOUND', `No payout batch ${params.batch}.`, { field: 'batch' });
    }
    return { where: 'b.id = ?', values: [params.batch], parameters: { batch: String(params.batch) } };
  }
  const { from, to } = reportPeriod(params, now);
  return { where: 'b.created_at >= ? AND b.created_at < ?', values: [from, to], parameters: { from, to } };
}

/** A batch's approvals in the order given; a batch needs at most two (approvals_required). */
function batchRow(sqlite: SqliteDatabase, batch: BatchLine): ReportRow {
  const approvals = prepare(sqlite, 'SELECT approver, at FROM payout_approvals WHERE batch_id = ? ORDER BY id').all(batch.id) as { approver: string; at: string }[];
  const rejected = batch.status === 'rejected';
  return {
    id: batch.id,
    fileName: batch.file_name,
    status: batch.status,
    currency: batch.currency,
    rows: batch.row_count,
    items: batch.item_count,
    total: batch.total,
    maker: batch.created_by,
    importedAt: batch.created_at,
    submitter: batch.submitted_by,
    submittedAt: batch.submitted_at,
    firstApprover: approvals[0]?.approver ?? null,
    firstApprovedAt: approvals[0]?.at ?? null,
    secondApprover: approvals[1]?.approver ?? null,
    secondApprovedAt: approvals[1]?.at ?? null,
    // A batch is decided once: by the approval that completed it, or by its rejection.
    approvedAt: rejected ? null : batch.decided_at,
    rejectedBy: rejected ? batch.decided_by : null,
    rejectedAt: rejected ? batch.decided_at : null,
    rejectReason: batch.reject_reason,
    completedAt: batch.completed_at,
    contentHash: batch.content_hash,
    fileSha256: batch.file_sha256,
  };
}

function itemRow(item: ItemLine): ReportRow {
  return {
    batchId: item.batch_id,
    line: item.line,
    reference: item.reference,
    memberNo: item.member_no,
    memberName: item.member_name,
    // A row naming a currency Paydesk does not know has no amount in any currency (it is skipped).
    amount: isKnownCurrency(item.currency) ? item.amount : null,
    currency: item.currency,
    destination: item.destination,
    status: item.status,
    code: item.code,
    transferId: item.transfer_id,
    paidAt: item.paid_at,
    note: item.note,
  };
}

export const payoutReport: ReportDefinition = {
  id: 'payouts',
  open(ctx) {
    const { sqlite } = ctx.store;
    const scope = scopeOf(sqlite, ctx.params, ctx.now);
    const batchesSql = `SELECT b.* FROM payout_batches b WHERE ${scope.where} ORDER BY b.id`;
    const itemsSql = `SELECT i.batch_id, i.line, i.reference, i.member_no, m.name AS member_name, i.amount, i.currency, i.destination, i.status, i.code,
      i.transfer_id, i.paid_at, i.note FROM payout_batches b JOIN payout_items i ON i.batch_id = b.id LEFT JOIN members m ON m.id = i.member_id
      WHERE ${scope.where} ORDER BY b.id, i.id`;
    const counted = (sql: string) => (prepare(sqlite, sql).get(...scope.values) as { n: number }).n;
    return {
      parameters: scope.parameters,
      sections: [
        {
          id: 'batches',
          columns: BATCH_COLUMNS,
          count: () => counted(`SELECT count(*) AS n FROM payout_batches b WHERE ${scope.where}`),
          rows: function* () {
            for (const batch of prepare(sqlite, batchesSql).iterate(...scope.values) as IterableIterator<BatchLine>) yield batchRow(sqlite, batch);
          },
        },
        {
          id: 'items',
          columns: ITEM_COLUMNS,
          count: () => counted(`SELECT count(*) AS n FROM payout_batches b JOIN payout_items i ON i.batch_id = b.id WHERE ${scope.where}`),
          rows: function* () {
            for (const item of prepare(sqlite, itemsSql).iterate(...scope.values) as IterableIterator<ItemLine>) yield itemRow(item);
          },
        },
      ],
    };
  },
};
