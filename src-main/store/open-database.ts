import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
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

/**
 * Opens an encrypted database and proves the key and the pages: a wrong key or damaged file
 * is DATA_DAMAGED (the caller decides whether the key itself was already trusted).
 */
export function openEncryptedDatabase(file: string, masterKey: Buffer, options: OpenOptions = {}): SqliteDatabase {
  if (!options.create && !existsSync(file)) throw new AppError('NOT_INITIALIZED', 'No paydesk.db in this data folder.');
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
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MiB of decrypted pages: bulk loads and full verifies otherwise re-read (and re-decrypt)
    // index pages that the default 2 MiB cache let go.
    sqlite.pragma('cache_size = -65536');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    return sqlite;
  } catch (error) {
    sqlite.close();
    if (error instanceof AppError) throw error;
    throw new AppError('DATA_DAMAGED', 'The database does not open with this key, or its pages are damaged.', {
      reason: (error as Error).message,
    });
  }
}
