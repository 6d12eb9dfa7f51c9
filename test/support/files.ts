import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

/** Opens an encrypted database the way a standard SQLCipher 4 tool does, with a raw hex key. */
export function rawOpen(file: string, hexKey: string, options: Database.Options = {}): Database.Database {
  const db = new Database(file, options);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${hexKey}'"`);
  return db;
}

/** Every file under a data folder with its bytes, to prove that a refusal changed nothing. */
export function folderBytes(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    // The lock folder, and SQLite's shared-memory index (rewritten by mere reads), are not data.
    if (name === 'open' || name.endsWith('-shm')) continue;
    if (statSync(path).isDirectory()) Object.assign(files, folderBytes(path, `${prefix}${name}/`));
    else files[`${prefix}${name}`] = readFileSync(path).toString('base64');
  }
  return files;
}
