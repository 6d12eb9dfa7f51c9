import { mkdirSync } from 'node:fs';
import { dataPaths, type DataPaths } from './paths';
import { openEncryptedDatabase, type SqliteDatabase } from './open-database';
import { assertSchemaNotNewer, migrateDatabase } from './migrate';
import { registerOpenStore, withExclusiveAccess } from './data-lock';
import { LATEST_SCHEMA_VERSION } from '../../migrations';

/** An unlocked data folder: the open database and the master key that opened it. */
export interface Store {
  /** The one connection: every query runs on it synchronously, inside its caller's transaction (store/sql.ts). */
  readonly sqlite: SqliteDatabase;
  readonly paths: DataPaths;
  readonly masterKey: Buffer;
  close(): void;
}

export interface StoreOptions {
  nativeBinding?: string;
}

function wrap(sqlite: SqliteDatabase, paths: DataPaths, masterKey: Buffer, releaseOpen: () => void): Store {
  let closed = false;
  return {
    sqlite,
    paths,
    masterKey,
    close() {
      if (closed) return;
      closed = true;
      try {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        sqlite.close();
        masterKey.fill(0);
        releaseOpen();
      }
    },
  };
}

/** Opens (and migrates) an existing data folder with a master key already proven by a keyslot. */
export async function openStore(dataDir: string, masterKey: Buffer, options: StoreOptions = {}): Promise<Store> {
  const paths = dataPaths(dataDir);
  const releaseOpen = registerOpenStore(dataDir);
  try {
    const sqlite = openEncryptedDatabase(paths.database, masterKey, options);
    try {
      await migrateAlone(dataDir, sqlite);
    } catch (error) {
      sqlite.close();
      throw error;
    }
    return wrap(sqlite, paths, Buffer.from(masterKey), releaseOpen);
  } catch (error) {
    releaseOpen();
    throw error;
  }
}

/**
 * A migration that changes the schema is an exclusive operation (DESIGN.md §3, store/data-lock.ts).
 * A current schema only needs the newer-schema check: the migrator would take its lock and write.
 */
async function migrateAlone(dataDir: string, sqlite: SqliteDatabase): Promise<void> {
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  if (version >= LATEST_SCHEMA_VERSION) return assertSchemaNotNewer(sqlite);
  return withExclusiveAccess(dataDir, 'migrate the schema', () => migrateDatabase(sqlite));
}

/** Creates a new encrypted database in an empty data folder (first-run setup). */
export async function createStore(dataDir: string, masterKey: Buffer, options: StoreOptions = {}): Promise<Store> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const paths = dataPaths(dataDir);
  const releaseOpen = registerOpenStore(dataDir);
  const sqlite = openEncryptedDatabase(paths.database, masterKey, { ...options, create: true });
  await migrateAlone(dataDir, sqlite);
  return wrap(sqlite, paths, Buffer.from(masterKey), releaseOpen);
}
