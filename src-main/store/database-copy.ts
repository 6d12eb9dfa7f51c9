import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../src-shared/errors';
import { keyPragma, type SqliteDatabase } from './open-database';

// Copies of the live database for backups and rekeys. With SQLite3MultipleCiphers the online
// backup API refuses an encrypted source ("incompatible source and target"), but VACUUM INTO
// writes a consistent snapshot encrypted under the source's own key, user_version included.

function quoted(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}

/** A snapshot of everything committed, WAL included; synchronous, so nothing interleaves. */
export function snapshotDatabase(sqlite: SqliteDatabase, destination: string): void {
  sqlite.exec(`VACUUM INTO ${quoted(destination)}`);
}

/** Re-encrypts a closed copy in place under a new master key (SQLCipher PRAGMA rekey). */
export function reencryptDatabase(file: string, currentKey: Buffer, nextKey: Buffer): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma(`cipher = 'sqlcipher'`);
    sqlite.pragma('legacy = 4');
    sqlite.pragma(keyPragma(currentKey));
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma(`re${keyPragma(nextKey)}`);
  } catch (error) {
    throw new AppError('DATA_DAMAGED', `reencryptDatabase: the copy does not re-encrypt (${(error as Error).message}).`);
  } finally {
    sqlite.close();
  }
}

/** Counts every row this connection has changed since it opened (SQLite total_changes()). */
export function changeCount(sqlite: SqliteDatabase): number {
  return (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/** Gives way to the event loop between the steps of a long job, so IPC and progress keep flowing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
