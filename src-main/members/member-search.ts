import type { MemberListExport, MemberRow as MemberListRow, MemberSearch } from '../../src-shared/contract/members';
import { memberNumbersEndingWith } from '../../src-shared/member-number';
import type { Store } from '../store/store';
import { enabledCurrencies } from './member-wallets';
import { balancePageIds, walletBalances } from './member-balances';
import { memberTiers, tierFilter, type MemberSql } from './member-tier-column';

// Member search, the teller's busiest screen, on raw prepared statements. Each query picks the
// cheapest way to the candidate ids, then sorts and pages those:
// - digits (and an optional leading +): member-number prefix or phone prefix, both index ranges,
//   and the member numbers that end with the digits (`0007 4` finds 1000 0007 4), counted out
//   from the sequence they were issued in and looked up by the member-number index;
// - text of 3 or more characters: the FTS5 trigram index, so any substring of a name matches;
// - text of 1 or 2 characters (trigrams cannot match it): the members_grams index, which holds
//   every 1- and 2-character substring of each name as a token.

/** A query of the ids a search can select from. */
type Candidates = MemberSql;

const ORDER_BY: Record<Exclude<MemberSearch['sort'], 'balance'>, string> = {
  memberNumber: 'm.id',
  name: 'm.name',
  createdAt: 'm.created_at',
};

/** A number's ending narrows no further than this many numbers to look up: too few digits were typed. */
const ENDINGS_LIMIT = 2_000;

const DIGITS = /^\+?[\d\s-]+$/;

/** An upper bound above every string that starts with `prefix` (phones and member numbers are ASCII). */
function afterPrefix(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/** One quoted FTS5 string: the whole query is one substring, whatever punctuation it holds. */
function phrase(query: string): string {
  return `"${query.replace(/"/g, '""')}"`;
}

/** `issued`: how many member numbers were ever given out (the highest member id). */
function candidatesFor(query: string, issued: number): Candidates | null {
  if (query === '') return null;
  if (DIGITS.test(query)) {
    const digits = query.replace(/[\s-]/g, '');
    const byPhone = 'SELECT id FROM members WHERE phone >= ? AND phone < ?';
    if (digits.startsWith('+')) return { sql: byPhone, params: [digits, afterPrefix(digits)] };
    const byNumber = 'SELECT id FROM members WHERE member_number >= ? AND member_number < ?';
    const prefixes = { sql: `${byNumber} UNION ${byPhone}`, params: [digits, afterPrefix(digits), digits, afterPrefix(digits)] };
    const endings = memberNumbersEndingWith(digits, issued, ENDINGS_LIMIT);
    if (!endings?.length) return prefixes;
    const byEnding = 'SELECT id FROM members WHERE member_number IN (SELECT value FROM json_each(?))';
    return { sql: `${prefixes.sql} UNION ${byEnding}`, params: [...prefixes.params, JSON.stringify(endings)] };
  }
  if ([...query].length >= 3) {
    return { sql: 'SELECT rowid AS id FROM members_fts WHERE members_fts MATCH ?', params: [phrase(query)] };
  }
  return { sql: 'SELECT rowid AS id FROM members_grams WHERE members_grams MATCH ?', params: [phrase(query)] };
}

interface SearchRow {
  id: number;
  member_number: string;
  name: string;
  phone: string;
  email: string | null;
  status: MemberListRow['status'];
  created_at: string;
}

/**
 * The FROM clause: the candidate ids drive the loop (CROSS JOIN keeps that order), so a query
 * costs in proportion to its matches, never to the number of members.
 */
function source(candidates: Candidates | null): string {
  return candidates ? `(${candidates.sql}) c CROSS JOIN members m ON m.id = c.id` : 'members m';
}

function pageIds(store: Store, search: MemberSearch, plan: SearchPlan, currency: string): number[] {
  const { candidates, filter, where, params } = plan;
  const direction = search.direction === 'desc' ? 'DESC' : 'ASC';
  if (search.sort === 'balance') {
    return balancePageIds(store, { search, source: source(candidates), sourceParams: candidates?.params ?? [], filter, everyone: candidates === null, currency });
  }
  // In member-number order without a filter the candidate ids alone decide the page.
  const sql =
    candidates && !filter && search.sort === 'memberNumber'
      ? `SELECT c.id FROM (${candidates.sql}) c ORDER BY c.id ${direction} LIMIT ? OFFSET ?`
      : `SELECT m.id FROM ${source(candidates)} ${where} ORDER BY ${ORDER_BY[search.sort]} ${direction}, m.id ${direction} LIMIT ? OFFSET ?`;
  return store.sqlite.prepare(sql).pluck().all(...params, search.limit, search.offset) as number[];
}

interface SearchPlan {
  candidates: Candidates | null;
  /** The conditions the candidates must meet (status, tier), together; null: none. */
  filter: MemberSql | null;
  /** The filter as a WHERE clause ('' for none). */
  where: string;
  /** The candidates' parameters, then the filter's. */
  params: unknown[];
  /** The status condition alone, and the first tier's others: how a first-tier list no query narrows is counted. */
  status: MemberSql | null;
  otherTiers: MemberSql | null;
}

function allOf(conditions: MemberSql[]): MemberSql | null {
  return conditions.length ? { sql: conditions.map((c) => c.sql).join(' AND '), params: conditions.flatMap((c) => c.params) } : null;
}

/**
 * What a search or an export asks the database: the candidates, the conditions and their
 * parameters. With no query, a tier above the first supplies the candidates (its members, an
 * index range); otherwise the tier is a condition on the query's matches or on everyone.
 */
function planSearch(store: Store, search: Pick<MemberSearch, 'query' | 'status' | 'tier'>): SearchPlan {
  const issued = store.sqlite.prepare('SELECT coalesce(max(id), 0) FROM members').pluck().get() as number;
  const byQuery = candidatesFor(search.query.trim(), issued);
  const tier = search.tier ? tierFilter(store, search.tier) : null;
  const status = search.status ? { sql: 'm.status = ?', params: [search.status] } : null;
  const byTier = byQuery ? null : (tier?.holders ?? null);
  const candidates = byQuery ?? byTier;
  const filter = allOf([...(status ? [status] : []), ...(tier && !byTier ? [tier.condition] : [])]);
  const params = [...(candidates?.params ?? []), ...(filter?.params ?? [])];
  return { candidates, filter, where: filter ? `WHERE ${filter.sql}` : '', params, status, otherTiers: byQuery ? null : (tier?.others ?? null) };
}

/**
 * How many members a search selects. Unfiltered candidates are counted alone (each is a member).
 * The first tier's members may have no row, so with no query they are counted as those the
 * status selects less those holding another tier, instead of by reading every member.
 */
function countMatches(store: Store, plan: SearchPlan): number {
  const count = (sql: string, params: unknown[]) => store.sqlite.prepare(sql).pluck().get(...params) as number;
  const { candidates, filter, status, otherTiers } = plan;
  if (!filter) return candidates ? count(`SELECT count(*) FROM (${candidates.sql})`, candidates.params) : count('SELECT count(*) FROM members', []);
  if (otherTiers && !status) return count('SELECT count(*) FROM members', []) - count(`SELECT count(*) FROM (${otherTiers.sql})`, otherTiers.params);
  if (otherTiers && status) {
    const selected = count(`SELECT count(*) FROM members m WHERE ${status.sql}`, status.params);
    return selected - count(`SELECT count(*) FROM ${source(otherTiers)} WHERE ${status.sql}`, [...otherTiers.params, ...status.params]);
  }
  return count(`SELECT count(*) FROM ${source(candidates)} ${plan.where}`, plan.params);
}

/** The rows of these members, in the order given, each with its balance in `currency` and its tier. */
function listRows(store: Store, ids: number[], currency: string): MemberListRow[] {
  if (ids.length === 0) return [];
  // One JSON array, not a placeholder per id: an export can list more ids than SQLite takes parameters.
  const found = store.sqlite
    .prepare('SELECT id, member_number, name, phone, email, status, created_at FROM members WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as SearchRow[];
  const byId = new Map(found.map((r) => [r.id, r]));
  const balances = walletBalances(store, ids, currency);
  const tiers = memberTiers(store, ids);
  return ids.map((id) => byId.get(id)!).map((r) => ({
    id: r.id,
    memberNumber: r.member_number,
    name: r.name,
    phone: r.phone,
    email: r.email,
    status: r.status,
    createdAt: r.created_at,
    balance: balances.get(r.id) ?? 0,
    tier: tiers.get(r.id)!,
  }));
}

/** The list's currency: each row's balance is in the first enabled wallet currency. */
function listCurrency(store: Store): string {
  return enabledCurrencies(store)[0]!;
}

export function searchMembers(store: Store, search: MemberSearch): { rows: MemberListRow[]; total: number; currency: string } {
  const currency = listCurrency(store);
  const plan = planSearch(store, search);
  const ids = pageIds(store, search, plan, currency);
  return { rows: listRows(store, ids, currency), total: countMatches(store, plan), currency };
}

/**
 * Every member a search selects, in its order, in one pass (the members list's CSV file): paging
 * 100,000 members by offset would walk the list again for every page.
 */
export function exportMembers(store: Store, search: MemberListExport): { rows: MemberListRow[]; currency: string } {
  const currency = listCurrency(store);
  const plan = planSearch(store, search);
  // LIMIT -1 is SQLite's "no limit".
  const ids = pageIds(store, { ...search, offset: 0, limit: -1 }, plan, currency);
  return { rows: listRows(store, ids, currency), currency };
}
