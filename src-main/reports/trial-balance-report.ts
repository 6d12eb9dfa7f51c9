import type { ReportColumn, ReportRow } from '../../src-shared/contract/reports';
import type { AccountKind } from '../../src-shared/contract/ledger';
import { isCreditNormal } from '../ledger/effects';
import { prepare } from '../store/sql';
import type { SqliteDatabase } from '../store/open-database';
import { sectionOf, type ReportDefinition } from './report-definition';
import { pastInstant } from './report-params';

// The trial balance as of a moment reads the running totals, which stand at now, and takes back
// what was posted after the moment (an indexed range of the journal by time). Taken at now it
// reads no transfer at all, so its cost is one pass over the accounts however long the journal grows.

interface AccountLine {
  id: number;
  code: string;
  name: string;
  kind: AccountKind;
  currency: string;
  created_at: string;
  debits_posted: number;
  credits_posted: number;
}

interface LaterMove {
  debit_account_id: number;
  credit_account_id: number;
  amount: number;
}

const ACCOUNT_COLUMNS: ReportColumn[] = [
  { key: 'code', kind: 'code' },
  { key: 'name', kind: 'text' },
  { key: 'kind', kind: 'code' },
  { key: 'currency', kind: 'code' },
  { key: 'debits', kind: 'amount', currencyKey: 'currency' },
  { key: 'credits', kind: 'amount', currencyKey: 'currency' },
  { key: 'balance', kind: 'amount', currencyKey: 'currency' },
];

const TOTAL_COLUMNS: ReportColumn[] = [
  { key: 'currency', kind: 'code' },
  { key: 'debits', kind: 'amount', currencyKey: 'currency' },
  { key: 'credits', kind: 'amount', currencyKey: 'currency' },
  { key: 'difference', kind: 'amount', currencyKey: 'currency' },
];

/** What each account moved on the posted side after `asOf`: posts, reversals and posted holds (a hold's own row moves only pending totals). */
function postedAfter(sqlite: SqliteDatabase, asOf: string): Map<number, { debits: number; credits: number }> {
  const later = new Map<number, { debits: number; credits: number }>();
  const at = (id: number) => later.get(id) ?? later.set(id, { debits: 0, credits: 0 }).get(id)!;
  const moves = prepare(sqlite, `SELECT debit_account_id, credit_account_id, amount FROM transfers WHERE created_at > ? AND state IN ('posted', 'reversal', 'post_pending')`);
  for (const move of moves.iterate(asOf) as IterableIterator<LaterMove>) {
    at(move.debit_account_id).debits += move.amount;
    at(move.credit_account_id).credits += move.amount;
  }
  return later;
}

function accountRow(account: AccountLine, later: Map<number, { debits: number; credits: number }>): ReportRow {
  const moved = later.get(account.id);
  const debits = account.debits_posted - (moved?.debits ?? 0);
  const credits = account.credits_posted - (moved?.credits ?? 0);
  const balance = isCreditNormal(account.kind) ? credits - debits : debits - credits;
  return { code: account.code, name: account.name, kind: account.kind, currency: account.currency, debits, credits, balance };
}

export const trialBalanceReport: ReportDefinition = {
  id: 'trial-balance',
  open(ctx) {
    const asOf = pastInstant(ctx.params.asOf, 'asOf', ctx.now);
    const { sqlite } = ctx.store;
    const later = postedAfter(sqlite, asOf);
    const accountsSql = 'SELECT id, code, name, kind, currency, created_at, debits_posted, credits_posted FROM accounts WHERE created_at <= ? ORDER BY code';
    const totals = new Map<string, { debits: number; credits: number }>();
    const totalsSql = 'SELECT currency, sum(debits_posted) AS debits_posted, sum(credits_posted) AS credits_posted FROM accounts GROUP BY currency ORDER BY currency';
    for (const row of prepare(sqlite, totalsSql).all() as { currency: string; debits_posted: number; credits_posted: number }[]) {
      totals.set(row.currency, { debits: row.debits_posted, credits: row.credits_posted });
    }
    const currencyOf = new Map<number, string>();
    if (later.size > 0) {
      const ids = prepare(sqlite, 'SELECT currency FROM accounts WHERE id = ?');
      for (const id of later.keys()) currencyOf.set(id, (ids.get(id) as { currency: string }).currency);
    }
    for (const [id, moved] of later) {
      const total = totals.get(currencyOf.get(id)!)!;
      total.debits -= moved.debits;
      total.credits -= moved.credits;
    }
    const totalRows: ReportRow[] = [...totals].map(([currency, t]) => ({ currency, debits: t.debits, credits: t.credits, difference: t.debits - t.credits }));
    return {
      parameters: { asOf },
      sections: [
        {
          id: 'accounts',
          columns: ACCOUNT_COLUMNS,
          count: () => (prepare(sqlite, 'SELECT count(*) AS n FROM accounts WHERE created_at <= ?').get(asOf) as { n: number }).n,
          rows: function* () {
            for (const account of prepare(sqlite, accountsSql).iterate(asOf) as IterableIterator<AccountLine>) yield accountRow(account, later);
          },
        },
        sectionOf('totals', TOTAL_COLUMNS, totalRows),
      ],
    };
  },
};
