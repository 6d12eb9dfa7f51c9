import { AppError } from '../../src-shared/errors';
import { parseAmount } from '../../src-shared/money';
import type { Transfer } from '../../src-shared/contract/ledger';
import { JOURNAL_COUNT_CAP, type JournalQuery } from '../../src-shared/contract/journal';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { findAccountByCode } from './accounts';
import { TRANSFER_COLUMNS } from './journal';
import { toTransfer, type TransferRow } from './rows';

// The journal browser's read: transfers newest first (by id, the journal's own order), filtered.
// Each query is driven by one index, chosen here rather than left to the planner (which has no
// statistics): the account indexes, then kind, actor, time (migration 0007); with none of them,
// the id itself. A time window is read as the span of ids written in it (idSpanOf). Every other
// filter is checked on the rows that index yields. Paging is by offset
// or, for the next page, by the last id seen (keyset), so a deep page does not step over every
// row before it. The total is counted among the newest JOURNAL_COUNT_CAP rows the driver yields.

export interface JournalFilter {
  /** Transfers with any of these accounts on either side (one account, or a member's wallets). */
  accountIds?: readonly number[];
  /** And, of those, the ones that also touch one of these (a member's wallets and branch cash: their deposits and withdrawals). */
  alsoTouching?: readonly number[];
  kind?: string;
  actor?: string;
  /** ISO instants, both inclusive. */
  from?: string;
  to?: string;
  currency?: string;
  /** Minor units of `currency`, both inclusive. */
  minAmount?: number;
  maxAmount?: number;
}

export interface JournalPageRequest {
  /** Only transfers older than this id. */
  beforeId?: number;
  offset: number;
  limit: number;
}

interface Clause {
  sql: string;
  params: unknown[];
}

const COLUMNS = TRANSFER_COLUMNS.join(', ');

type Driver = 'kind' | 'actor' | 'time' | 'sequence';

/** The index a filter without accounts reads through: equality first, a time range next. */
function driverOf(filter: JournalFilter): Driver {
  if (filter.kind !== undefined) return 'kind';
  if (filter.actor !== undefined) return 'actor';
  if (filter.from !== undefined || filter.to !== undefined) return 'time';
  return 'sequence';
}

const INDEX_OF: Record<Driver, string> = {
  kind: 'INDEXED BY transfers_kind',
  actor: 'INDEXED BY transfers_actor',
  time: 'INDEXED BY transfers_created',
  sequence: '',
};

/**
 * A time window as the span of ids written in it, read from the time index alone. The rows are
 * then read newest id first within that span, the window still checked on each row, so a month of
 * a million-transfer journal is not sorted to show its first page.
 */
function idSpanOf(filter: JournalFilter): Clause {
  const window = where(conditions({ from: filter.from, to: filter.to }, undefined));
  const bound = (fn: 'min' | 'max') => `(SELECT coalesce(${fn}(id), 0) FROM transfers ${INDEX_OF.time} ${window.sql})`;
  return { sql: `id BETWEEN ${bound('min')} AND ${bound('max')}`, params: [...window.params, ...window.params] };
}

type FilterKey = 'alsoTouching' | 'kind' | 'actor' | 'from' | 'to' | 'currency' | 'minAmount' | 'maxAmount' | 'beforeId';

interface Condition extends Clause {
  key: FilterKey;
}

/** Every filter but the accounts, as conditions on a transfers row, each named by its filter. */
function conditions(filter: JournalFilter, beforeId: number | undefined): Condition[] {
  const found: Condition[] = [];
  const add = (key: FilterKey, sql: string, value: unknown) => found.push({ key, sql, params: [value] });
  const { alsoTouching } = filter;
  if (alsoTouching !== undefined) {
    const list = placeholders(alsoTouching);
    found.push({ key: 'alsoTouching', sql: `(debit_account_id IN (${list}) OR credit_account_id IN (${list}))`, params: [...alsoTouching, ...alsoTouching] });
  }
  if (filter.kind !== undefined) add('kind', 'kind = ?', filter.kind);
  if (filter.actor !== undefined) add('actor', 'actor = ?', filter.actor);
  if (filter.from !== undefined) add('from', 'created_at >= ?', filter.from);
  if (filter.to !== undefined) add('to', 'created_at <= ?', filter.to);
  if (filter.currency !== undefined) add('currency', 'currency = ?', filter.currency);
  if (filter.minAmount !== undefined) add('minAmount', 'amount >= ?', filter.minAmount);
  if (filter.maxAmount !== undefined) add('maxAmount', 'amount <= ?', filter.maxAmount);
  if (beforeId !== undefined) add('beforeId', 'id < ?', beforeId);
  return found;
}

/** The conditions a driver's index answers by itself; the rest are checked on the rows it yields. */
const ANSWERED_BY: Record<Driver, readonly FilterKey[]> = { kind: ['kind'], actor: ['actor'], time: ['from', 'to'], sequence: [] };

function where(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return { sql: '', params: [] };
  return { sql: `WHERE ${clauses.map((clause) => clause.sql).join(' AND ')}`, params: clauses.flatMap((clause) => clause.params) };
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/**
 * The matching rows of one side of the given accounts, through that side's index. The credit side
 * leaves out rows whose debit is also among them, so no transfer is listed twice.
 */
function sideConditions(side: 'debit' | 'credit', accountIds: readonly number[]): Clause[] {
  // One account is an equality, which reads its index in id order; several need a (short) sort.
  const own: Clause = { sql: accountIds.length === 1 ? `${side}_account_id = ?` : `${side}_account_id IN (${placeholders(accountIds)})`, params: [...accountIds] };
  return side === 'credit' ? [own, { sql: `debit_account_id NOT IN (${placeholders(accountIds)})`, params: [...accountIds] }] : [own];
}

function sideSelection(side: 'debit' | 'credit', accountIds: readonly number[], filter: JournalFilter, beforeId: number | undefined, select: string): Clause {
  const filtered = where([...sideConditions(side, accountIds), ...conditions(filter, beforeId)]);
  return { sql: `SELECT ${select} FROM transfers INDEXED BY transfers_${side} ${filtered.sql}`, params: filtered.params };
}

/** The query for one page, newest first. */
function pageQuery(filter: JournalFilter, page: JournalPageRequest): Clause {
  const { accountIds } = filter;
  if (accountIds !== undefined) {
    // Each side yields at most the rows up to the end of this page, newest first, and the two
    // short lists are merged: a busy account pages without sorting its whole history.
    const window = page.offset + page.limit;
    const sides = (['debit', 'credit'] as const).map((side) => sideSelection(side, accountIds, filter, page.beforeId, COLUMNS));
    return {
      sql: `SELECT * FROM (${sides.map((side) => `SELECT * FROM (${side.sql} ORDER BY id DESC LIMIT ?)`).join(' UNION ALL ')}) ORDER BY id DESC LIMIT ? OFFSET ?`,
      params: [...sides.flatMap((side) => [...side.params, window]), page.limit, page.offset],
    };
  }
  const driver = driverOf(filter);
  const span = driver === 'time' ? [idSpanOf(filter)] : [];
  const filtered = where([...span, ...conditions(filter, page.beforeId)]);
  return {
    sql: `SELECT ${COLUMNS} FROM transfers ${driver === 'time' ? '' : INDEX_OF[driver]} ${filtered.sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
    params: [...filtered.params, page.limit, page.offset],
  };
}

/**
 * How many rows match among the newest JOURNAL_COUNT_CAP + 1 that the driver's index yields:
 * `scanned` of them were read, `matched` passed the other filters. A count never reads more rows
 * than that, so a rare combination (a narrow amount range over a busy account) answers at once;
 * the total is exact only when the driver ran out first.
 */
function countQuery(filter: JournalFilter): Clause {
  const bound = JOURNAL_COUNT_CAP + 1;
  const counted = (from: string, driving: readonly Clause[], checked: readonly Clause[]): Clause => {
    const hit = checked.length === 0 ? '1' : checked.map((clause) => clause.sql).join(' AND ');
    const driven = where(driving);
    return {
      sql: `SELECT count(*) AS scanned, coalesce(sum(hit), 0) AS matched FROM (SELECT (${hit}) AS hit FROM transfers ${from} ${driven.sql} ORDER BY id DESC LIMIT ?)`,
      params: [...checked.flatMap((clause) => clause.params), ...driven.params, bound],
    };
  };
  const { accountIds } = filter;
  if (accountIds !== undefined) {
    const [debit, credit] = (['debit', 'credit'] as const).map((side) => counted(`INDEXED BY transfers_${side}`, sideConditions(side, accountIds), conditions(filter, undefined)));
    return {
      sql: `SELECT max(d.scanned, c.scanned) AS scanned, d.matched + c.matched AS matched FROM (${debit!.sql}) AS d, (${credit!.sql}) AS c`,
      params: [...debit!.params, ...credit!.params],
    };
  }
  const driver = driverOf(filter);
  const all = conditions(filter, undefined);
  const answered = all.filter((condition) => ANSWERED_BY[driver].includes(condition.key));
  const checked = all.filter((condition) => !ANSWERED_BY[driver].includes(condition.key));
  const driving = driver === 'time' ? [idSpanOf(filter), ...answered] : answered;
  return counted(driver === 'time' ? '' : INDEX_OF[driver], driving, checked);
}

function isUnfiltered(filter: JournalFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}

/**
 * The channel's filters in the ledger's terms: the account by its code, amounts in the currency's
 * minor units (parseAmount, so "1,250.50" and a third decimal are read as everywhere else), and
 * the accounts of the member filter, which the caller looks up.
 */
export function journalFilterFrom(store: Store, query: JournalQuery, memberAccountIds?: readonly number[]): JournalFilter {
  const account = query.accountCode === undefined ? undefined : findAccountByCode(store, query.accountCode);
  if (query.accountCode !== undefined && !account) {
    throw new AppError('ACCOUNT_NOT_FOUND', `No account has the code ${query.accountCode}.`, { field: 'accountCode' });
  }
  const amount = (text: string | undefined, field: string) => (text === undefined ? undefined : parseAmount(text, query.currency!, { field }));
  // The member's wallets drive the read (a member has few transfers); the account then narrows it.
  const accounts = memberAccountIds ?? (account ? [account.id] : undefined);
  const filter: JournalFilter = {
    accountIds: accounts,
    alsoTouching: memberAccountIds && account ? [account.id] : undefined,
    kind: query.kind,
    actor: query.actor,
    from: query.from,
    to: query.to,
    currency: query.currency,
    minAmount: amount(query.minAmount, 'minAmount'),
    maxAmount: amount(query.maxAmount, 'maxAmount'),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

/** An account with more transfers than this is read through the kind index when a kind is asked for. */
const BUSY_ACCOUNT = JOURNAL_COUNT_CAP;

/** Whether the accounts have more than BUSY_ACCOUNT transfers, counted on their indexes alone. */
function isBusy(store: Store, accountIds: readonly number[]): boolean {
  const sides = (['debit', 'credit'] as const).map((side) => {
    const own = sideConditions(side, accountIds)[0]!;
    return { sql: `(SELECT count(*) FROM (SELECT 1 FROM transfers INDEXED BY transfers_${side} WHERE ${own.sql} LIMIT ?))`, params: [...own.params, BUSY_ACCOUNT + 1] };
  });
  const count = prepare(store.sqlite, `SELECT ${sides[0]!.sql} + ${sides[1]!.sql}`).pluck().get(...sides.flatMap((side) => side.params)) as number;
  return count > BUSY_ACCOUNT;
}

/**
 * Which index reads the filter. A kind on a busy account (branch cash's deposits) is read through
 * the kind index with the account checked on each row: through the account's own two indexes, the
 * side on which that kind never falls (cash is never credited by a deposit) would be read to its
 * end before the page could close.
 */
function drivenFilter(store: Store, filter: JournalFilter): JournalFilter {
  const { accountIds, kind, alsoTouching } = filter;
  if (accountIds === undefined || kind === undefined || alsoTouching !== undefined || !isBusy(store, accountIds)) return filter;
  const { accountIds: _drivenByKind, ...rest } = filter;
  return { ...rest, alsoTouching: accountIds };
}

/** The transfers that match, a page at a time, and how many match (exactly, or "more than the cap"). */
export function journalPage(store: Store, asked: JournalFilter, page: JournalPageRequest): { rows: Transfer[]; total: number; totalExact: boolean } {
  // An account or member without accounts (a member with no wallet yet) matches nothing.
  if (asked.accountIds !== undefined && asked.accountIds.length === 0) return { rows: [], total: 0, totalExact: true };
  const filter = drivenFilter(store, asked);
  const query = pageQuery(filter, page);
  const rows = (prepare(store.sqlite, query.sql).all(...query.params) as TransferRow[]).map(toTransfer);
  if (page.offset === 0 && page.beforeId === undefined && rows.length < page.limit) {
    // A first page that is not full is every match there is.
    return { rows, total: rows.length, totalExact: true };
  }
  if (isUnfiltered(filter)) {
    // Ids run 1, 2, 3… without gaps (the writer numbers each row after the last, and rows are
    // never deleted), so the newest id is the count, exactly and at once.
    const newest = prepare(store.sqlite, 'SELECT coalesce(max(id), 0) FROM transfers').pluck().get() as number;
    return { rows, total: newest, totalExact: true };
  }
  const count = countQuery(filter);
  const { scanned, matched } = prepare(store.sqlite, count.sql).get(...count.params) as { scanned: number; matched: number };
  if (scanned <= JOURNAL_COUNT_CAP) return { rows, total: matched, totalExact: true };
  // At least what was found, and at least what has been shown.
  return { rows, total: Math.min(Math.max(matched, page.offset + rows.length), JOURNAL_COUNT_CAP), totalExact: false };
}

/** The query plans of a page and its count, for the test that holds every filter to an index. */
export function journalQueryPlans(store: Store, filter: JournalFilter, page: JournalPageRequest): string[] {
  return [pageQuery(filter, page), countQuery(filter)].flatMap((query) =>
    (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[]).map((row) => row.detail),
  );
}

/**
 * The distinct values of an indexed column, one index seek each (a "loose index scan"), so the
 * filter bar's lists cost a handful of reads however long the journal is.
 */
function distinctIndexed(store: Store, column: 'kind' | 'actor'): string[] {
  const index = `transfers_${column}`;
  const sql = `WITH RECURSIVE seen(value) AS (
      SELECT (SELECT min(${column}) FROM transfers INDEXED BY ${index})
      UNION ALL
      SELECT (SELECT min(${column}) FROM transfers INDEXED BY ${index} WHERE ${column} > seen.value) FROM seen WHERE seen.value IS NOT NULL
    ) SELECT value FROM seen WHERE value IS NOT NULL`;
  return prepare(store.sqlite, sql).pluck().all() as string[];
}

/** The kinds and actors the journal holds, and the currencies of its accounts. */
export function journalFacets(store: Store): { kinds: string[]; actors: string[]; currencies: string[] } {
  const currencies = prepare(store.sqlite, 'SELECT DISTINCT currency FROM accounts ORDER BY currency').pluck().all() as string[];
  return { kinds: distinctIndexed(store, 'kind'), actors: distinctIndexed(store, 'actor'), currencies };
}
