import type { Compilable, InferResult } from 'kysely';
import type { SqliteDatabase } from './open-database';

// Kysely builds the SQL; better-sqlite3 runs it synchronously. Services run each change inside
// one synchronous better-sqlite3 transaction, so no other call can interleave on the single
// connection while a change is half done.

type Statement = import('better-sqlite3-multiple-ciphers').Statement<unknown[]>;

const statementCache = new WeakMap<SqliteDatabase, Map<string, Statement>>();

/** A statement prepared once per connection; hot paths that write raw SQL use it too. */
export function prepare(sqlite: SqliteDatabase, sql: string): Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) {
    cache = new Map();
    statementCache.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare<unknown[]>(sql);
    cache.set(sql, statement);
  }
  return statement;
}

export function selectAll<Q extends Compilable<unknown>>(sqlite: SqliteDatabase, query: Q): InferResult<Q> {
  const { sql, parameters } = query.compile();
  return prepare(sqlite, sql).all(...(parameters as unknown[])) as InferResult<Q>;
}

export function selectFirst<Q extends Compilable<unknown>>(sqlite: SqliteDatabase, query: Q): InferResult<Q>[number] | undefined {
  const { sql, parameters } = query.compile();
  return prepare(sqlite, sql).get(...(parameters as unknown[])) as InferResult<Q>[number] | undefined;
}

export function execute(sqlite: SqliteDatabase, query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
  const { sql, parameters } = query.compile();
  const statement = prepare(sqlite, sql);
  if (statement.reader) {
    const row = statement.get(...(parameters as unknown[])) as { id?: number } | undefined;
    return { changes: row ? 1 : 0, lastInsertRowid: Number(row?.id ?? 0) };
  }
  const info = statement.run(...(parameters as unknown[]));
  return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
}
