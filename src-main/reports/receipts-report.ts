import type { ReportColumn, ReportRow } from '../../src-shared/contract/reports';
import { AppError } from '../../src-shared/errors';
import { can } from '../../src-shared/permissions';
import { prepare } from '../store/sql';
import { sectionOf, type ReportDefinition, type ReportContext } from './report-definition';
import { reportPeriod } from './report-params';

// Counter receipts: what each teller handed over in a period. A teller sees only their own (the
// books as a whole are for people who may read the ledger); finance, auditors and admins see every
// teller's, or one teller's with `actor`. Reads wallet_receipts, never the journal.

const RECEIPT_COLUMNS: ReportColumn[] = [
  { key: 'receiptNumber', kind: 'code' },
  { key: 'at', kind: 'dateTime' },
  { key: 'operation', kind: 'code' },
  { key: 'memberNumber', kind: 'code' },
  { key: 'memberName', kind: 'text' },
  { key: 'counterparty', kind: 'text' },
  { key: 'currency', kind: 'code' },
  { key: 'amount', kind: 'amount', currencyKey: 'currency' },
  { key: 'fee', kind: 'amount', currencyKey: 'currency' },
  { key: 'balanceAfter', kind: 'amount', currencyKey: 'currency' },
  { key: 'teller', kind: 'code' },
  { key: 'approver', kind: 'code' },
  { key: 'memo', kind: 'text' },
];

const TOTAL_COLUMNS: ReportColumn[] = [
  { key: 'currency', kind: 'code' },
  { key: 'operation', kind: 'code' },
  { key: 'receipts', kind: 'integer' },
  { key: 'amount', kind: 'amount', currencyKey: 'currency' },
  { key: 'fee', kind: 'amount', currencyKey: 'currency' },
];

// `@teller IS NULL OR …` keeps one statement for "every teller" and "one teller".
const WHERE = 'r.created_at >= @from AND r.created_at < @to AND (@teller IS NULL OR r.teller = @teller)';

const RECEIPTS_SQL = `SELECT r.receipt_number AS receiptNumber, r.created_at AS at, r.operation, m.member_number AS memberNumber, m.name AS memberName,
    coalesce(c.member_number || ' ' || c.name, r.merchant) AS counterparty, r.currency, r.amount, r.fee, r.balance_after AS balanceAfter,
    r.teller, r.approver, r.memo
  FROM wallet_receipts r JOIN members m ON m.id = r.member_id LEFT JOIN members c ON c.id = r.counterparty_member_id
  WHERE ${WHERE} ORDER BY r.created_at, r.id`;

/** Whose receipts the viewer may see: their own unless they may read the ledger as a whole. */
function tellerOf(ctx: ReportContext): string | null {
  const asked = ctx.params.actor ?? null;
  if (can(ctx.viewer.role, 'ledger.read')) return asked;
  if (asked !== null && asked !== ctx.viewer.username) {
    throw new AppError('FORBIDDEN', `A ${ctx.viewer.role} sees only their own receipts, not ${asked}'s.`, { field: 'actor', permission: 'ledger.read' });
  }
  return ctx.viewer.username;
}

export const receiptsReport: ReportDefinition = {
  id: 'receipts',
  open(ctx) {
    const { from, to } = reportPeriod(ctx.params, ctx.now);
    const teller = tellerOf(ctx);
    const { sqlite } = ctx.store;
    const args = { from, to, teller };
    const totals = prepare(
      sqlite,
      `SELECT r.currency, r.operation, count(*) AS receipts, sum(r.amount) AS amount, sum(r.fee) AS fee FROM wallet_receipts r WHERE ${WHERE} GROUP BY r.currency, r.operation ORDER BY r.currency, r.operation`,
    ).all(args) as ReportRow[];
    return {
      parameters: { from, to, ...(teller === null ? {} : { actor: teller }) },
      sections: [
        {
          id: 'receipts',
          columns: RECEIPT_COLUMNS,
          count: () => totals.reduce((sum, row) => sum + (row.receipts as number), 0),
          rows: () => prepare(sqlite, RECEIPTS_SQL).iterate(args) as IterableIterator<ReportRow>,
        },
        sectionOf('totals', TOTAL_COLUMNS, totals),
      ],
    };
  },
};
