import type { VerifyReport } from '../../src-shared/contract/verify';
import type { ReportProgress } from '../../src-shared/contract/jobs';
import { AppError } from '../../src-shared/errors';
import { openEncryptedDatabase } from '../store/open-database';
import type { Store, StoreOptions } from '../store/store';
import { VerifyPass, type Verifier } from './verifier';

// Verify from the app runs as a job (api/handlers/verify.ts): a full verify reads every row, and
// the window must answer other calls meanwhile. The verifiers still need one snapshot, and a read
// transaction on the store's own connection cannot span the pauses (every call would land inside
// it), so the job reads through a read-only connection of its own, as the page check does
// (store/page-check.ts). The live connection writes on; the snapshot does not see it.

export interface StepOptions extends StoreOptions {
  /** Verifiers run of all, after each one. */
  onProgress: ReportProgress;
  /** Aborted by `jobs.cancel`: the run stops before the next verifier. */
  signal: AbortSignal;
}

/** Lets the calls queued behind this job run, as every long job does between chunks. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same report as `runVerifiers` on the same data, made one verifier at a time with a pause
 * between two. Stops with JOB_CANCELLED when asked to, and with LOCKED when the session that
 * started it closed the store (its connection must not outlive the session).
 */
export async function verifyInSteps(live: Store, verifiers: readonly Verifier[], { onProgress, signal, nativeBinding }: StepOptions): Promise<VerifyReport> {
  const sqlite = openEncryptedDatabase(live.paths.database, live.masterKey, { readonly: true, nativeBinding });
  const snapshot: Store = { sqlite, paths: live.paths, masterKey: live.masterKey, close: () => sqlite.close() };
  const pass = new VerifyPass();
  try {
    onProgress(0, verifiers.length);
    // A read pins the snapshot now: what is written after the job started is not in its report.
    sqlite.exec('BEGIN DEFERRED');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    try {
      for (const [index, verifier] of verifiers.entries()) {
        await yieldToEventLoop();
        if (signal.aborted) throw new AppError('JOB_CANCELLED', `Verify was stopped after ${index} of ${verifiers.length} domains; it changes nothing.`);
        if (!live.sqlite.open) throw new AppError('LOCKED', 'Paydesk was locked while verify ran; run it again after signing in.');
        pass.run(verifier, snapshot);
        onProgress(index + 1, verifiers.length);
      }
    } catch (error) {
      pass.stopUnreadable(error);
    }
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    snapshot.close();
  }
  return pass.report();
}
