import type { CheckResult } from '../../src-shared/contract/verify';
import { failed, passed } from '../integrity/verifier';
import type { SqliteDatabase } from '../store/open-database';

// What `verify` replays: the audit log's before/after pictures of one kind of entity, in the
// order they were written. A table whose rows every change audits (staff, settings, members) is
// checked against this replay, so a row edited, added or removed behind the services' back no
// longer matches the hash-chained log that recorded it.

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface RawAuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

/** A summary that does not parse counts as absent; the chain check names a row that was altered. */
function picture(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The audit rows of the given actions, oldest first. */
export function auditRecords(sqlite: SqliteDatabase, actions: readonly string[]): AuditRecord[] {
  const rows = sqlite
    .prepare(`SELECT id, at, actor, action, entity_id, before_json, after_json FROM audit_log WHERE action IN (${actions.map(() => '?').join(', ')}) ORDER BY id`)
    .all(...actions) as RawAuditRow[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityId: row.entity_id,
    before: picture(row.before_json),
    after: picture(row.after_json),
  }));
}

/** Collects the first fault a check finds: the row (`table#id`) and what is wrong with it. */
export class FirstFault {
  private first: { table: string; id: string | number; detail: string } | null = null;

  get found(): boolean {
    return this.first !== null;
  }

  note(table: string, id: string | number, detail: string): void {
    this.first ??= { table, id, detail };
  }

  /** The check's answer: passed with `okDetail`, or failed naming the first fault. */
  result(name: string, okDetail: string, counts: Record<string, number>): CheckResult {
    return this.first === null ? passed(name, okDetail, counts) : failed(name, this.first.detail, counts, this.first.table, this.first.id);
  }
}

/** How a table's rows are matched with its replay, and the words each kind of fault gets. */
export interface ReplayMatch<Row, Expected> {
  table: string;
  key(row: Row): string;
  id(row: Row): string | number;
  expectedId(key: string, expected: Expected): string | number;
  /** A row the audit log never recorded. */
  unknown(key: string): string;
  /** What is wrong with a row against its replayed picture, or null when they agree. */
  differs(row: Row, expected: Expected): string | null;
  /** A replayed entity whose row is gone. */
  missing(key: string, expected: Expected): string;
}

/**
 * Compares a table with its replay both ways: every row must be in the replay and agree with it,
 * and every replayed entity must still have its row. The first fault is noted on `fault`.
 */
export function compareWithReplay<Row, Expected>(fault: FirstFault, rows: readonly Row[], replay: ReadonlyMap<string, Expected>, match: ReplayMatch<Row, Expected>): void {
  const stored = new Set<string>();
  for (const row of rows) {
    const key = match.key(row);
    stored.add(key);
    const expected = replay.get(key);
    const detail = expected === undefined ? match.unknown(key) : match.differs(row, expected);
    if (detail !== null) fault.note(match.table, match.id(row), detail);
  }
  for (const [key, expected] of replay) {
    if (!stored.has(key)) fault.note(match.table, match.expectedId(key, expected), match.missing(key, expected));
  }
}
