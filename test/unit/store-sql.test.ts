import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { execute, perConnection, queryBuilder, selectAll, selectFirst } from '../../src-main/store/sql';
import type { SqliteDatabase } from '../../src-main/store/open-database';

// A domain builds typed SQL with a connectionless Kysely builder, and store/sql.ts runs it
// synchronously on the caller's connection, inside the caller's transaction.

interface NotesTables {
  notes: { id: number; body: string };
}

const notesSql = queryBuilder<NotesTables>();
const open: SqliteDatabase[] = [];

function connection(): SqliteDatabase {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  open.push(sqlite);
  return sqlite;
}

afterEach(() => {
  for (const sqlite of open.splice(0)) sqlite.close();
});

describe('a query builder', () => {
  it('builds the SQL that selectAll, selectFirst and execute run synchronously', () => {
    const sqlite = connection();
    expect(execute(sqlite, notesSql.insertInto('notes').values({ id: 1, body: 'first' }))).toEqual({ changes: 1, lastInsertRowid: 1 });
    execute(sqlite, notesSql.insertInto('notes').values({ id: 2, body: 'second' }));
    expect(selectAll(sqlite, notesSql.selectFrom('notes').select('body').orderBy('id', 'desc'))).toEqual([{ body: 'second' }, { body: 'first' }]);
    expect(selectFirst(sqlite, notesSql.selectFrom('notes').selectAll().where('id', '=', 3))).toBeUndefined();
  });

  it('refuses to run a query itself, which would run outside the caller’s transaction', async () => {
    await expect(notesSql.selectFrom('notes').selectAll().execute()).rejects.toThrow(/only builds SQL/);
  });
});

describe('perConnection', () => {
  it('makes one value per connection, at its first use', () => {
    let made = 0;
    const valueFor = perConnection(() => ({ serial: (made += 1) }));
    const first = connection();
    const second = connection();
    expect(made).toBe(0);
    expect(valueFor(first)).toBe(valueFor(first));
    expect(valueFor(second)).not.toBe(valueFor(first));
    expect(made).toBe(2);
  });
});
