import { MIGRATION_NAMES } from '../../migrations';
import type { CheckResult } from '../../src-shared/contract/verify';
import type { Store } from '../store/store';
import { failed, passed, type Verifier } from './verifier';

// The tables SQLite and the migrator keep for themselves:
// - kysely_migration lists exactly this build's migrations, in order, each applied no earlier than
//   the one before it; kysely_migration_lock is its one unlocked row (verify runs after migrating);
// - sqlite_sequence holds, for each AUTOINCREMENT table, the highest id it ever gave; those tables
//   (staff, audit_log, accounts) never delete rows, so it equals their highest id: a last row
//   removed, or a row added with a higher id, shows here even where the table's own check is blind.

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function migrationsCheck(store: Store): CheckResult {
  const rows = store.sqlite.prepare('SELECT name, timestamp FROM kysely_migration ORDER BY name').all() as { name: string; timestamp: string }[];
  const counts = { migrations: rows.length, expected: MIGRATION_NAMES.length };
  for (let i = 0; i < Math.max(rows.length, MIGRATION_NAMES.length); i += 1) {
    const row = rows[i];
    const name = MIGRATION_NAMES[i];
    const inOrder = row !== undefined && ISO_TIME.test(row.timestamp) && (i === 0 || row.timestamp >= rows[i - 1]!.timestamp);
    if (row?.name !== name || !inOrder) return failed('store.migrations', `migration ${row?.name ?? name} is not as this build applied it`, counts, 'kysely_migration', row?.name ?? name ?? i);
  }
  const locks = store.sqlite.prepare('SELECT id, is_locked FROM kysely_migration_lock').raw().all() as [string, number][];
  if (locks.length !== 1 || locks[0]![0] !== 'migration_lock' || locks[0]![1] !== 0) {
    return failed('store.migrations', 'the migration lock is not its one unlocked row', counts, 'kysely_migration_lock', locks[0]?.[0] ?? 'migration_lock');
  }
  return passed('store.migrations', `${rows.length} migrations, as this build applies them`, counts);
}

function sequencesCheck(store: Store): CheckResult {
  const autoincrement = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' ORDER BY name`).pluck().all() as string[];
  const sequences = new Map(store.sqlite.prepare('SELECT name, seq FROM sqlite_sequence').raw().all() as [string, number][]);
  const counts = { tables: autoincrement.length };
  for (const name of [...sequences.keys()]) {
    if (!autoincrement.includes(name)) return failed('store.sequences', `sqlite_sequence names ${name}, which has no AUTOINCREMENT ids`, counts, 'sqlite_sequence', name);
  }
  for (const table of autoincrement) {
    const highest = (store.sqlite.prepare(`SELECT max(rowid) FROM "${table}"`).pluck().get() as number | null) ?? 0;
    if ((sequences.get(table) ?? 0) !== highest) return failed('store.sequences', `${table}'s highest id ${highest} is not the last one it gave (${sequences.get(table) ?? 0})`, counts, 'sqlite_sequence', table);
  }
  return passed('store.sequences', `${autoincrement.length} AUTOINCREMENT tables, each ending at the last id it gave`, counts);
}

/** The migrator's and SQLite's own tables. */
export const storeTablesVerifier: Verifier = {
  domain: 'store',
  run: (store) => ({ checks: [migrationsCheck(store), sequencesCheck(store)] }),
};
