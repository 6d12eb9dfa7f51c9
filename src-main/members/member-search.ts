import type { MemberRow as MemberListRow, MemberSearch } from '../../src-shared/contract/members';
import type { Store } from '../store/store';

// Member search, the teller's busiest screen, on raw prepared statements. Each query picks the
// cheapest way to the candidate ids, then sorts and pages those:
// - digits (and an optional leading +): member-number prefix or phone prefix, both index ranges;
// - text of 3 or more characters: the FTS5 trigram index, so any substring of a name matches;
// - text of 1 or 2 characters (trigrams cannot match it): LIKE over the narrow name index,
//   which is read without touching the member rows.

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

/** The smallest string greater than every string that starts with `prefix` (ASCII prefixes). */
function afterPrefix(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
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
    // One quoted FTS5 string: the whole query is a substring, whatever punctuation it holds.
    return { sql: 'SELECT rowid AS id FROM members_fts WHERE members_fts MATCH ?', params: [`"${query.replace(/"/g, '""')}"`] };
  }
  return { sql: `SELECT id FROM members INDEXED BY members_name WHERE name LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(query)}%`] };
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

export function searchMembers(store: Store, search: MemberSearch): { rows: MemberListRow[]; total: number } {
  const candidates = candidatesFor(search.query.trim());
  const where: string[] = [];
  const params: unknown[] = [];
  if (candidates) {
    where.push(`m.id IN (${candidates.sql})`);
    params.push(...candidates.params);
  }
  if (search.status) {
    where.push('m.status = ?');
    params.push(search.status);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const direction = search.direction === 'desc' ? 'DESC' : 'ASC';
  const page = store.sqlite
    .prepare(
      `SELECT m.id, m.member_number, m.name, m.phone, m.email, m.status, m.created_at FROM members m ${filter}
       ORDER BY ${ORDER_BY[search.sort]} ${direction}, m.id ${direction} LIMIT ? OFFSET ?`,
    )
    .all(...params, search.limit, search.offset) as SearchRow[];
  const { total } = store.sqlite.prepare(`SELECT count(*) AS total FROM members m ${filter}`).get(...params) as { total: number };
  return {
    rows: page.map((r) => ({ id: r.id, memberNumber: r.member_number, name: r.name, phone: r.phone, email: r.email, status: r.status, createdAt: r.created_at })),
    total,
  };
}
