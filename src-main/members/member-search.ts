import type { MemberRow as MemberListRow, MemberSearch } from '../../src-shared/contract/members';
import type { Store } from '../store/store';

// Member search, the teller's busiest screen, on raw prepared statements. Each query picks the
// cheapest way to the candidate ids, then sorts and pages those:
// - digits (and an optional leading +): member-number prefix or phone prefix, both index ranges;
// - text of 3 or more characters: the FTS5 trigram index, so any substring of a name matches;
// - text of 1 or 2 characters (trigrams cannot match it): the members_grams index, which holds
//   every 1- and 2-character substring of each name as a token.

interface Candidates {
  sql: string;
  params: unknown[];
}

const ORDER_BY: Record<MemberSearch['sort'], string> = {
  memberNumber: 'm.id',
  name: 'm.name',
  createdAt: 'm.created_at',
};

const DIGITS = /^\+?[\d\s-]+$/;

/** An upper bound above every string that starts with `prefix` (phones and member numbers are ASCII). */
function afterPrefix(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/** One quoted FTS5 string: the whole query is one substring, whatever punctuation it holds. */
function phrase(query: string): string {
  return `"${query.replace(/"/g, '""')}"`;
}

function candidatesFor(query: string): Candidates | null {
  if (query === '') return null;
  if (DIGITS.test(query)) {
    const digits = query.replace(/[\s-]/g, '');
    const byPhone = 'SELECT id FROM members WHERE phone >= ? AND phone < ?';
    if (digits.startsWith('+')) return { sql: byPhone, params: [digits, afterPrefix(digits)] };
    return {
      sql: `SELECT id FROM members WHERE member_number >= ? AND member_number < ? UNION ${byPhone}`,
      params: [digits, afterPrefix(digits), digits, afterPrefix(digits)],
    };
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

function pageIds(store: Store, search: MemberSearch, candidates: Candidates | null, filter: string, params: unknown[]): number[] {
  const direction = search.direction === 'desc' ? 'DESC' : 'ASC';
  // In member-number order without a status filter the candidate ids alone decide the page.
  const sql =
    candidates && !search.status && search.sort === 'memberNumber'
      ? `SELECT c.id FROM (${candidates.sql}) c ORDER BY c.id ${direction} LIMIT ? OFFSET ?`
      : `SELECT m.id FROM ${source(candidates)} ${filter} ORDER BY ${ORDER_BY[search.sort]} ${direction}, m.id ${direction} LIMIT ? OFFSET ?`;
  return store.sqlite.prepare(sql).pluck().all(...params, search.limit, search.offset) as number[];
}

export function searchMembers(store: Store, search: MemberSearch): { rows: MemberListRow[]; total: number } {
  const candidates = candidatesFor(search.query.trim());
  const params: unknown[] = [...(candidates?.params ?? [])];
  const filter = search.status ? 'WHERE m.status = ?' : '';
  if (search.status) params.push(search.status);
  const ids = pageIds(store, search, candidates, filter, params);
  const { total } = store.sqlite.prepare(`SELECT count(*) AS total FROM ${source(candidates)} ${filter}`).get(...params) as { total: number };
  if (ids.length === 0) return { rows: [], total };
  const found = store.sqlite
    .prepare(`SELECT id, member_number, name, phone, email, status, created_at FROM members WHERE id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as SearchRow[];
  const byId = new Map(found.map((r) => [r.id, r]));
  return {
    rows: ids.map((id) => byId.get(id)!).map((r) => ({ id: r.id, memberNumber: r.member_number, name: r.name, phone: r.phone, email: r.email, status: r.status, createdAt: r.created_at })),
    total,
  };
}
