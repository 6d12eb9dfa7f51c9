import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../src-shared/errors';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  /** Path of an Electron-ABI build of the addon; Node uses the default build. */
  nativeBinding?: string;
  /** Create the file when it does not exist (first-run setup, backups, rekey). */
  create?: boolean;
  readonly?: boolean;
}

// SQLCipher 4 settings (SQLite3MultipleCiphers `cipher='sqlcipher'`, `legacy=4`), so a standard
// SQLCipher tool opens the file with PRAGMA key = "x'<64 hex>'". As in Signal Desktop, the key is
// the very first statement; nothing touches the file before it.
export function keyPragma(masterKey: Buffer): string {
  return `key = "x'${masterKey.toString('hex')}'"`;
}

function applyCipher(sqlite: SqliteDatabase, masterKey: Buffer): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(keyPragma(masterKey));
}

/** SQLCipher 4 pages are 4096 bytes: a file of another length was cut short (or is not one). */
const PAGE_BYTES = 4096;

/**
 * What can be told of a database file without its key. An empty file would otherwise be taken by
 * SQLite for a new database and silently filled with an empty ledger.
 */
export function assertDatabaseFileShape(file: string): void {
  const name = basename(file);
  const size = statSync(file).size;
  if (size === 0) throw new AppError('DATA_DAMAGED', `${name} is empty (0 bytes).`, { file: name });
  if (size % PAGE_BYTES !== 0) throw new AppError('DATA_DAMAGED', `${name} is cut short: ${size} bytes is not a whole number of pages.`, { file: name });
}

/** The key does not decrypt the first page: a wrong key, a file from elsewhere, or a damaged start. */
export const KEY_DOES_NOT_OPEN = 'key does not open';

/**
 * Opens an encrypted database and proves the key on its first page: a wrong key or a damaged
 * start is DATA_DAMAGED, with details.reason KEY_DOES_NOT_OPEN (the caller decides whether the key
 * itself was already trusted). It reads nothing more, so unlocking takes the same time at 1M
 * transfers as at 10: pages further in are checked by verify's integrity check and, after each
 * sign-in in the app, by a quick_check off the main thread (store/page-check.ts).
 */
export function openEncryptedDatabase(file: string, masterKey: Buffer, options: OpenOptions = {}): SqliteDatabase {
  if (!options.create && !existsSync(file)) throw new AppError('NOT_INITIALIZED', 'No paydesk.db in this data folder.');
  if (!options.create) assertDatabaseFileShape(file);
  let sqlite: SqliteDatabase;
  try {
    sqlite = new Database(file, {
      fileMustExist: !options.create,
      readonly: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new AppError('DATA_DAMAGED', `openEncryptedDatabase: cannot open the file (${(error as Error).message})`);
  }
  try {
    applyCipher(sqlite, masterKey);
    // Before the first read: another process may be writing or checkpointing this very moment.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    sqlite.close();
    throw new AppError('DATA_DAMAGED', `${basename(file)} does not open with this key (it comes from another data folder, or its first page is damaged).`, {
      file: basename(file),
      reason: KEY_DOES_NOT_OPEN,
    });
  }
  try {
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    // 64 MiB of decrypted pages: bulk loads and full verifies otherwise re-read (and re-decrypt)
    // index pages that the default 2 MiB cache let go.
    sqlite.pragma('cache_size = -65536');
    return sqlite;
  } catch (error) {
    sqlite.close();
    if (error instanceof AppError) throw error;
    throw new AppError('DATA_DAMAGED', `${basename(file)} has damaged pages.`, {
      file: basename(file),
      reason: (error as Error).message,
    });
  }
}
