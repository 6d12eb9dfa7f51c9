import type { MemberSearch } from '../../src-shared/contract/members';
import type { Store } from '../store/store';
import type { MemberSql } from './member-tier-column';

// The members list's balance column: each member's wallet in one currency, read from the ledger's
// running totals (a wallet is a liability, so its balance is credits less debits, posted only).
//
// Sorting by it uses accounts_member_balance (migration 0008), an index on the member accounts'
// currency and balance: a page walks the index in order and stops, so 100,000 members are never
// read and sorted for one page. That walk only sees members who hold a wallet in the currency, so
// when some do not (a currency enabled after they joined, whose wallet opens at their first
// operation in it), or when a search narrows the list, the page is sorted from the candidates
// with a missing wallet counted as zero.

export interface BalancePage {
  search: Pick<MemberSearch, 'direction' | 'limit' | 'offset'>;
  /** The FROM clause of the candidates (aliasing members as m) and its parameters. */
  source: string;
  sourceParams: unknown[];
  /** What the list's filters (status, tier) ask of the members, as m; null: nothing. */
  filter: MemberSql | null;
  /** True when the source is every member, not a search's matches. */
  everyone: boolean;
  currency: string;
}

const BALANCE = 'a.credits_posted - a.debits_posted';

interface WalletCoverage {
  members: number;
  wallets: number;
  everyone: boolean;
}

/** Per connection and currency: the answer of the last full count, with the totals it was made at. */
const coverage = new WeakMap<Store['sqlite'], Map<string, WalletCoverage>>();

/**
 * Whether every member holds a wallet in `currency`. Counting one currency's wallets reads all of
 * them, so the answer is kept until a member or a wallet is added (whole-table counts are cheap).
 */
function everyoneHasWallet(store: Store, currency: string): boolean {
  const count = (sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).pluck().get(...params) as number;
  const members = count('SELECT count(*) FROM members');
  const wallets = count('SELECT count(*) FROM member_wallets');
  const known = coverage.get(store.sqlite) ?? new Map<string, WalletCoverage>();
  coverage.set(store.sqlite, known);
  const last = known.get(currency);
  if (last && last.members === members && last.wallets === wallets) return last.everyone;
  const everyone = count('SELECT count(*) FROM member_wallets WHERE currency = ?', currency) === members;
  known.set(currency, { members, wallets, everyone });
  return everyone;
}

/** The member ids of one page in balance order; ties go by registration, in the same direction. */
export function balancePageIds(store: Store, page: BalancePage): number[] {
  const { search, currency } = page;
  const direction = search.direction === 'desc' ? 'DESC' : 'ASC';
  const filterParams = page.filter?.params ?? [];
  if (page.everyone && everyoneHasWallet(store, currency)) {
    // The WHERE repeats the index's own condition (owner_type = 'member') so the planner may use it.
    const filtered = page.filter ? `JOIN members m ON m.id = w.member_id AND ${page.filter.sql}` : '';
    const sql = `SELECT w.member_id FROM accounts a JOIN member_wallets w ON w.account_id = a.id ${filtered}
      WHERE a.owner_type = 'member' AND a.currency = ? ORDER BY ${BALANCE} ${direction}, a.id ${direction} LIMIT ? OFFSET ?`;
    return store.sqlite.prepare(sql).pluck().all(...filterParams, currency, search.limit, search.offset) as number[];
  }
  const sql = `SELECT m.id FROM ${page.source}
    LEFT JOIN member_wallets w ON w.member_id = m.id AND w.currency = ? LEFT JOIN accounts a ON a.id = w.account_id
    ${page.filter ? `WHERE ${page.filter.sql}` : ''} ORDER BY coalesce(${BALANCE}, 0) ${direction}, m.id ${direction} LIMIT ? OFFSET ?`;
  return store.sqlite.prepare(sql).pluck().all(...page.sourceParams, currency, ...filterParams, search.limit, search.offset) as number[];
}

/** The posted balance in `currency` of each listed member who holds a wallet in it. */
export function walletBalances(store: Store, memberIds: readonly number[], currency: string): Map<number, number> {
  if (memberIds.length === 0) return new Map();
  const rows = store.sqlite
    .prepare(
      `SELECT w.member_id AS memberId, ${BALANCE} AS balance FROM member_wallets w JOIN accounts a ON a.id = w.account_id
       WHERE w.currency = ? AND w.member_id IN (SELECT value FROM json_each(?))`,
    )
    .all(currency, JSON.stringify(memberIds)) as { memberId: number; balance: number }[];
  return new Map(rows.map((row) => [row.memberId, row.balance]));
}
