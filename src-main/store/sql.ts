import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable, type InferResult } from 'kysely';
import type { SqliteDatabase } from './open-database';

// Kysely builds the SQL; better-sqlite3 runs it synchronously. Services run each change inside
// one synchronous better-sqlite3 transaction, so no other call can interleave on the single
// connection while a change is half done.

type Statement = import('better-sqlite3-multiple-ciphers').Statement<unknown[]>;

/**
 * One value per connection, made at its first use: a set of prepared statements, a transaction
 * wrapper. It is held weakly by the connection, so it goes away with a closed store.
 */
export function perConnection<T>(make: (sqlite: SqliteDatabase) => T): (sqlite: SqliteDatabase) => T {
  const values = new WeakMap<SqliteDatabase, T>();
  return (sqlite) => {
    let value = values.get(sqlite);
    if (value === undefined) {
      value = make(sqlite);
      values.set(sqlite, value);
    }
    return value;
  };
}

const statementCache = perConnection(() => new Map<string, Statement>());

/** A statement prepared once per connection for its SQL text. */
export function prepare(sqlite: SqliteDatabase, sql: string): Statement {
  const cache = statementCache(sqlite);
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare<unknown[]>(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** Kysely's own executor would run a query asynchronously, outside the caller's transaction. */
class BuildOnlyDriver extends DummyDriver {
  override async acquireConnection(): Promise<never> {
    throw new Error('sql: a query builder only builds SQL; run the query with selectAll, selectFirst or execute.');
  }
}

/**
 * A typed query builder over the tables a domain declares in its tables.ts, each column typed as
 * better-sqlite3 returns it. It has no connection: its queries run through the functions below.
 */
export function queryBuilder<Tables>(): Kysely<Tables> {
  return new Kysely<Tables>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new BuildOnlyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
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
