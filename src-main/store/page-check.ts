import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

// SQLite's quick_check reads every page of the file: seconds at a million transfers. Run in the
// main process it would freeze every window's calls for that long, so it runs on a worker
// thread with a read-only connection of its own, after sign-in (api/app-state.ts). The worker is
// a few lines of plain JavaScript, evaluated, so the same code runs in the Electron bundle, the
// CLI and the tests without a separate build entry.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma('key = "x\\'' + workerData.keyHex + '\\'"');
  db.pragma('busy_timeout = 5000');
  parentPort.postMessage(String(db.pragma('quick_check', { simple: true })));
} catch (error) {
  parentPort.postMessage(String(error && error.message));
} finally {
  if (db) db.close();
}
`;

/** Where the addon's JavaScript is, resolved here so the worker loads the very same package. */
function sqliteModulePath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
}

export interface PageCheck {
  /** SQLite's answer: 'ok', or what is damaged; null when the check was stopped. Never rejects. */
  answer: Promise<string | null>;
  /** Stops the check (the store is closing): its connection must not outlive the session. */
  stop(): void;
}

/** Checks every page of `file` on a worker thread. */
export function quickCheckOffThread(file: string, masterKey: Buffer, nativeBinding?: string): PageCheck {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, keyHex: masterKey.toString('hex'), module: sqliteModulePath(), nativeBinding },
  });
  let stopped = false;
  const answer = new Promise<string | null>((resolve) => {
    worker.once('message', (text: string) => resolve(text));
    worker.once('error', (error) => resolve(error.message));
    worker.once('exit', (code) => resolve(stopped ? null : `the check stopped (exit ${code})`));
  });
  return {
    answer,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
