import type { CheckResult } from '../../src-shared/contract/verify';
import { FirstFault } from '../audit/audit-replay';
import type { Store } from '../store/store';
import { nameGrams } from './name-grams';

// The two search indexes (members_fts, trigrams; members_grams, 1- and 2-character grams) are
// derived from the members' names, so verify derives them again and compares, reading each index
// through fts5vocab (a connection-local view, nothing written): every term at every position of
// every row, each row's token count (the _docsize shadow table), the trigram index's totals
// (the averages record in _data, which ranking reads) and its configuration; and FTS5's own
// structure check (PRAGMA integrity_check on the index) for its segments and _idx lookups.
// A name the index does not hold, or a row it holds for no member, is named as `members_fts#id`
// or `members_grams#id`. Not found: a _data block no segment refers to, which no query reads.

/** Characters the gram index's tokenizer keeps (migration 0003: categories L* N* Co M* P* S*). */
const GRAM_SEPARATORS = /[^\p{L}\p{N}\p{Co}\p{M}\p{P}\p{S}]+/u;

interface SearchIndex {
  table: 'members_fts' | 'members_grams';
  /**
   * Whether the index keeps exact totals (rows, tokens) for ranking. A contentless index with
   * deletes (members_grams) does not take them back out, and nothing ranks by them.
   */
  exactTotals: boolean;
  /** What the index must hold for a name: the terms (with their position, where the index keeps one) and the token count. */
  expected(name: string): { terms: Set<string>; tokens: number };
  /** How one fts5vocab instance row is compared with `terms`. */
  termOf(row: VocabInstance): string;
}

interface VocabInstance {
  term: string;
  doc: number;
  offset: number | null;
}

const TRIGRAMS: SearchIndex = {
  table: 'members_fts',
  exactTotals: true,
  expected(name) {
    const chars = [...name];
    const terms = new Set<string>();
    for (let i = 0; i + 3 <= chars.length; i += 1) terms.add(`${i}:${chars.slice(i, i + 3).join('').toLowerCase()}`);
    return { terms, tokens: Math.max(0, chars.length - 2) };
  },
  termOf: (row) => `${row.offset}:${row.term.toLowerCase()}`,
};

const GRAMS: SearchIndex = {
  table: 'members_grams',
  exactTotals: false,
  expected(name) {
    const tokens = nameGrams(name).join(' ').split(GRAM_SEPARATORS).filter((token) => token !== '');
    return { terms: new Set(tokens.map((token) => token.toLowerCase())), tokens: tokens.length };
  },
  termOf: (row) => row.term.toLowerCase(),
};

/** An SQLite varint, as FTS5 stores sizes and totals. */
function readVarints(blob: Buffer): number[] {
  const values: number[] = [];
  let at = 0;
  while (at < blob.length) {
    let value = 0;
    for (let i = 0; ; i += 1) {
      const byte = blob[at++]!;
      if (i === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if (byte < 0x80) break;
    }
    values.push(value);
  }
  return values;
}

/** FTS5 numbers a segment's pages segid·2^37 + height·2^31 + page; tombstone pages sit at 2^53 and above. */
const SEGMENT_PAGE = 2 ** 37;
const TOMBSTONES = 2 ** 53;

/**
 * The term lookups (_idx): every segment starts with an entry for its first leaf page, and every
 * entry points at a leaf page of a segment that exists. A missing first entry hides a whole
 * segment from searches, and a fetch through a wrong one finds nothing, without any read failing.
 */
function checkLookups(store: Store, table: string, fault: FirstFault): void {
  const leaves = new Set<string>();
  const segments = new Set<number>();
  for (const id of store.sqlite.prepare(`SELECT id FROM ${table}_data WHERE id >= ? AND id < ?`).pluck().iterate(SEGMENT_PAGE, TOMBSTONES) as IterableIterator<number>) {
    const segid = Math.floor(id / SEGMENT_PAGE);
    segments.add(segid);
    if (Math.floor((id % SEGMENT_PAGE) / 2 ** 31) === 0) leaves.add(`${segid}:${id % 2 ** 31}`);
  }
  const firsts = new Set<number>();
  for (const [segid, term, pgno] of store.sqlite.prepare(`SELECT segid, term, pgno FROM ${table}_idx`).raw().iterate() as IterableIterator<[number, Buffer, number]>) {
    const page = Math.floor(pgno / 2);
    if (!leaves.has(`${segid}:${page}`)) fault.note(`${table}_idx`, segid, `${table}_idx points segment ${segid} at page ${page}, which it does not have`);
    if (term.length === 0 && page === 1) firsts.add(segid);
  }
  for (const segid of segments) {
    if (!firsts.has(segid)) fault.note(`${table}_idx`, segid, `${table}_idx has no lookup for the start of segment ${segid}`);
  }
}

function vocabOf(store: Store, table: string): string {
  const vocab = `verify_${table}_vocab`;
  store.sqlite.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${vocab} USING fts5vocab(main, ${table}, 'instance')`);
  return `temp.${vocab}`;
}

function compareIndex(store: Store, index: SearchIndex, names: Map<number, string>): CheckResult {
  const { table } = index;
  const fault = new FirstFault();
  const expected = new Map([...names].map(([id, name]) => [id, index.expected(name)]));
  const held = new Map<number, Set<string>>();
  try {
    // FTS5's own structure check (segments, pages, the _idx lookups) reads only.
    const structure = store.sqlite.prepare(`PRAGMA integrity_check(${table})`).pluck().all() as string[];
    if (structure.join() !== 'ok') fault.note(`${table}_data`, /blob (\d+)/.exec(structure[0] ?? '')?.[1] ?? 'structure', `${table} is damaged: ${structure[0]}`);
    for (const row of store.sqlite.prepare(`SELECT term, doc, "offset" FROM ${vocabOf(store, table)}`).iterate() as IterableIterator<VocabInstance>) {
      let terms = held.get(row.doc);
      if (!terms) held.set(row.doc, (terms = new Set()));
      terms.add(index.termOf(row));
    }
    const sizes = new Map((store.sqlite.prepare(`SELECT id, sz FROM ${table}_docsize`).raw().all() as [number, Buffer][]).map(([id, sz]) => [id, readVarints(sz)[0]]));
    let tokens = 0;
    for (const [id, wanted] of expected) {
      tokens += wanted.tokens;
      const terms = held.get(id) ?? new Set<string>();
      const same = terms.size === wanted.terms.size && [...terms].every((term) => wanted.terms.has(term));
      if (!same || sizes.get(id) !== wanted.tokens) fault.note(table, id, `${table} does not index member ${id}'s name as it is`);
    }
    for (const id of new Set([...held.keys(), ...sizes.keys()])) {
      if (!expected.has(id)) fault.note(table, id, `${table} holds row ${id}, which is no member`);
    }
    const averages = store.sqlite.prepare(`SELECT block FROM ${table}_data WHERE id = 1`).pluck().get() as Buffer | undefined;
    // An index that never held a row has no totals record, or an empty one.
    const [rows = 0, total = 0] = averages ? readVarints(averages) : [];
    if (index.exactTotals && (rows !== expected.size || total !== tokens)) fault.note(`${table}_data`, 1, `${table}'s totals (${rows} rows, ${total} tokens) differ from the members' names`);
    checkLookups(store, table, fault);
    const config = store.sqlite.prepare(`SELECT k, v FROM ${table}_config`).raw().all() as [string, unknown][];
    if (config.length !== 1 || config[0]![0] !== 'version' || config[0]![1] !== 4) fault.note(`${table}_config`, 'version', `${table}'s configuration was changed`);
  } catch (error) {
    fault.note(table, 'index', `${table} cannot be read: ${(error as Error).message}`);
  }
  return fault.result(`members.search.${table === 'members_fts' ? 'trigrams' : 'grams'}`, `${expected.size} names, each indexed exactly as it reads`, { members: expected.size });
}

export function memberSearchChecks(store: Store): CheckResult[] {
  const names = new Map(store.sqlite.prepare('SELECT id, name FROM members ORDER BY id').raw().all() as [number, string][]);
  return [compareIndex(store, TRIGRAMS, names), compareIndex(store, GRAMS, names)];
}
