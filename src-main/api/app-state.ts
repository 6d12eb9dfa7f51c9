import { AppError, isAppError } from '../../src-shared/errors';
import type { Role } from '../../src-shared/permissions';
import type { Session, SignOutNotice } from '../../src-shared/contract/session';
import type { Store, StoreOptions } from '../store/store';
import type { Signer } from '../trust/signer';
import { certifiedCertificate } from '../trust/staff-certificates';
import { quickCheckOffThread } from '../store/page-check';
import { recordAudit } from '../audit/record-audit';
import { CHECKPOINT_INTERVAL_MS, takeCheckpoint, type CheckpointReason, type CheckpointRow } from '../trust/checkpoints';
import { JobRunner } from '../jobs/job-runner';
import { scheduleDueTasks } from '../jobs/due-tasks';
import { personKey, resumeInterruptedJobs } from '../jobs/durable-jobs';
import { DUE_TASKS, DURABLE_JOB_KINDS } from '../registry';

export interface RouterOptions extends StoreOptions {
  dataDir: string;
  /** A fixed clock for tests and the deterministic demo. */
  clock?: () => Date;
  /**
   * Whether signing in starts the background work: due tasks at once and every minute, and
   * interrupted durable jobs. The app does; a one-shot CLI command does not (it reads what is
   * there, and `paydesk jobs run` is how a script runs the due tasks).
   */
  background?: boolean;
}

/**
 * What one router holds between calls: the data folder, and while unlocked, the open store and
 * who signed in. Locking closes the store, so the master key leaves memory.
 */
export class AppState {
  /** Jobs belong to the session that started them; durable jobs to the person. */
  readonly jobs = new JobRunner(
    () => {
      const session = this.session;
      return session ? [`${session.username}@${session.unlockedAt}`, personKey(session.username)] : [''];
    },
    // A bulk job's rows are signed as it ends, not up to CHECKPOINT_INTERVAL_MS later. A job that
    // failed or was cancelled wrote nothing to sign, and a refusal must leave the data as it was.
    (state) => {
      if (state === 'done') this.checkpoint('job');
    },
  );
  /** What the check of every page after sign-in found damaged; null while it is running or found nothing. */
  damagedPages: string | null = null;
  private stopPageCheck: () => void = () => undefined;
  /** Why the last session ended, when the unlock screen should say so (a restore); cleared at the next sign-in. */
  signedOutNotice: SignOutNotice | null = null;
  private unlocked: { store: Store; session: Session; signer: Signer; stopDueTasks: () => void; lastCheckpoint: CheckpointRow; lastCheckpointAt: number } | null = null;

  constructor(readonly options: RouterOptions) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  now(): Date {
    return this.options.clock ? this.options.clock() : new Date();
  }

  get session(): Session | null {
    return this.unlocked?.session ?? null;
  }

  requireStore(): Store {
    return this.requireUnlocked().store;
  }

  requireSession(): Session {
    return this.requireUnlocked().session;
  }

  requireSigner(): Signer {
    return this.requireUnlocked().signer;
  }

  /**
   * The role the signed-in person holds now, from their certificate (never the staff table). A
   * certificate that no longer holds for this session (disabled, passphrase reset, root swapped)
   * ends the session, with its own code.
   */
  certifiedRole(): Role {
    const { store, signer } = this.requireUnlocked();
    try {
      return certifiedCertificate(store, signer).role as Role;
    } catch (error) {
      this.signOut({ sign: false });
      throw error;
    }
  }

  private requireUnlocked() {
    if (!this.unlocked) throw new AppError('LOCKED', 'Paydesk is locked.');
    return this.unlocked;
  }

  /**
   * Signs in: a checkpoint opens the session, and (with `background`) what fell due while the
   * data was locked runs, interrupted durable jobs resume, and a timer signs the person's newest
   * rows at most CHECKPOINT_INTERVAL_MS after they were written.
   */
  signIn(store: Store, session: Session, signer: Signer): void {
    this.signOut();
    this.signedOutNotice = null;
    this.damagedPages = null;
    const clock = () => this.now();
    const background = this.options.background ?? true;
    let opening: CheckpointRow;
    try {
      opening = takeCheckpoint(store, signer, 'open', null, clock())!;
    } catch (error) {
      store.close();
      throw error;
    }
    const timer = background ? setInterval(() => this.checkpointIfDue(), CHECKPOINT_INTERVAL_MS / 4) : undefined;
    timer?.unref();
    const stopTasks = background ? scheduleDueTasks(store, DUE_TASKS, clock) : () => undefined;
    const stopDueTasks = () => {
      clearInterval(timer);
      stopTasks();
    };
    this.unlocked = { store, session, signer, stopDueTasks, lastCheckpoint: opening, lastCheckpointAt: clock().getTime() };
    if (background) {
      resumeInterruptedJobs(this.jobs, store, DURABLE_JOB_KINDS, clock);
      void this.checkPages(store);
    }
  }

  /**
   * Unlocking reads only the first page (store/open-database.ts); every other page is checked
   * here, on a worker thread, once per sign-in. Damage is kept for app.status (admins see it) and
   * written to the audit log, while the session that found it is still open.
   */
  private async checkPages(store: Store): Promise<void> {
    const check = quickCheckOffThread(store.paths.database, store.masterKey, this.options.nativeBinding);
    this.stopPageCheck = check.stop;
    const answer = await check.answer;
    if (answer === null || this.unlocked?.store !== store) return;
    this.damagedPages = answer === 'ok' ? null : answer.slice(0, 500);
    if (this.damagedPages) {
      console.error('AppState.checkPages: quick_check found damaged pages');
      recordAudit(store, { actor: 'system', action: 'store.pagesDamaged', entityType: 'store', after: { detail: this.damagedPages } }, this.now());
    }
  }

  /** Signs the current heads now (the end of a bulk job, a lock) unless nothing changed since this person's last checkpoint. */
  checkpoint(reason: CheckpointReason): void {
    const unlocked = this.unlocked;
    if (!unlocked) return;
    try {
      unlocked.lastCheckpoint = takeCheckpoint(unlocked.store, unlocked.signer, reason, unlocked.lastCheckpoint, this.now()) ?? unlocked.lastCheckpoint;
      unlocked.lastCheckpointAt = this.now().getTime();
    } catch (error) {
      // A checkpoint that cannot be taken (another process holds the write lock for too long, the
      // certificate was just revoked) leaves the rows for the next one; verify reports them unsigned.
      console.error(`AppState.checkpoint: ${reason} not taken: ${isAppError(error) ? error.code : (error as Error).message}`);
      // Rows this person signed were changed behind their back: the session ends, and signing in
      // again answers TRUST_BROKEN, so they hear of it at once.
      if (isAppError(error) && error.code === 'TRUST_BROKEN' && this.unlocked === unlocked) this.signOut({ sign: false });
    }
  }

  /** After a call and on the timer: a checkpoint when the last one is CHECKPOINT_INTERVAL_MS old. */
  checkpointIfDue(): void {
    const unlocked = this.unlocked;
    if (unlocked && this.now().getTime() - unlocked.lastCheckpointAt >= CHECKPOINT_INTERVAL_MS) this.checkpoint('interval');
  }

  /**
   * Closes the session; first, unless it is being ended for want of a valid certificate or its
   * data is being replaced, its last checkpoint. A `notice` is kept for the unlock screen.
   */
  signOut({ reason = 'close', sign = true, notice }: { reason?: CheckpointReason; sign?: boolean; notice?: SignOutNotice } = {}): void {
    if (sign) this.checkpoint(reason);
    if (notice) this.signedOutNotice = notice;
    this.stopPageCheck();
    this.unlocked?.stopDueTasks();
    this.unlocked?.store.close();
    this.unlocked = null;
    this.jobs.forgetFinished();
  }
}
