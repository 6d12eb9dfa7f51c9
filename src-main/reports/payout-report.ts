import type { ReportColumn, ReportParams, ReportRow } from '../../src-shared/contract/reports';
import { AppError } from '../../src-shared/errors';
import { isKnownCurrency } from '../../src-shared/money';
import { prepare } from '../store/sql';
import type { SqliteDatabase } from '../store/open-database';
import type { BatchRecord } from '../payouts/batch-rows';
import type { ReportDefinition } from './report-definition';
import { reportPeriod } from './report-params';

// The payout batch report: who made, submitted, approved and ran each batch and when, the content
// hash its approvals signed, and every row of its file with what became of it. One batch by id,
// or every batch imported in a period. References, notes and names are the file's own text and go
// through as it is; the CSV writer keeps them from reading as formulas.

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
  { key: 'approvers', kind: 'text' },
  { key: 'approvedAt', kind: 'dateTime' },
  { key: 'completedAt', kind: 'dateTime' },
  { key: 'contentHash', kind: 'hash' },
  { key: 'fileSha256', kind: 'hash' },
];

/** Each approval with the content hash it signed, and each rejection with its reason. */
const DECISION_COLUMNS: ReportColumn[] = [
  { key: 'batchId', kind: 'integer' },
  { key: 'decision', kind: 'code' },
  { key: 'by', kind: 'text' },
  { key: 'at', kind: 'dateTime' },
  { key: 'contentHash', kind: 'hash' },
  { key: 'reason', kind: 'text' },
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

interface ApprovalLine {
  batch_id: number;
  approver: string;
  at: string;
  content_hash: string;
}

const approvalsSql = 'SELECT batch_id, approver, at, content_hash FROM payout_approvals WHERE batch_id = ? ORDER BY id';

function batchRow(sqlite: SqliteDatabase, batch: BatchRecord): ReportRow {
  const approvers = (prepare(sqlite, approvalsSql).all(batch.id) as ApprovalLine[]).map((approval) => approval.approver);
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
    approvers: approvers.length === 0 ? null : approvers.join(', '),
    // A batch is decided once: by the approval that completed it, or by its rejection.
    approvedAt: batch.status === 'rejected' ? null : batch.decided_at,
    completedAt: batch.completed_at,
    contentHash: batch.content_hash,
    fileSha256: batch.file_sha256,
  };
}

/** A batch's approvals in the order given, then its rejection if it was rejected. */
function* decisionRows(sqlite: SqliteDatabase, batch: BatchRecord): Generator<ReportRow> {
  for (const approval of prepare(sqlite, approvalsSql).all(batch.id) as ApprovalLine[]) {
    yield { batchId: batch.id, decision: 'approve', by: approval.approver, at: approval.at, contentHash: approval.content_hash, reason: null };
  }
  if (batch.status === 'rejected') yield { batchId: batch.id, decision: 'reject', by: batch.decided_by, at: batch.decided_at, contentHash: null, reason: batch.reject_reason };
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
    /** A count over the scope, whose values the SQL takes `times` over. */
    const counted = (sql: string, times = 1) => (prepare(sqlite, sql).get(...Array.from({ length: times }, () => scope.values).flat()) as { n: number }).n;
    return {
      parameters: scope.parameters,
      sections: [
        {
          id: 'batches',
          columns: BATCH_COLUMNS,
          count: () => counted(`SELECT count(*) AS n FROM payout_batches b WHERE ${scope.where}`),
          rows: function* () {
            for (const batch of prepare(sqlite, batchesSql).iterate(...scope.values) as IterableIterator<BatchRecord>) yield batchRow(sqlite, batch);
          },
        },
        {
          id: 'decisions',
          columns: DECISION_COLUMNS,
          count: () =>
            counted(`SELECT (SELECT count(*) FROM payout_batches b JOIN payout_approvals a ON a.batch_id = b.id WHERE ${scope.where})
              + (SELECT count(*) FROM payout_batches b WHERE ${scope.where} AND b.status = 'rejected') AS n`, 2),
          rows: function* () {
            for (const batch of prepare(sqlite, batchesSql).iterate(...scope.values) as IterableIterator<BatchRecord>) yield* decisionRows(sqlite, batch);
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
