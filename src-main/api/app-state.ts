import { AppError } from '../../src-shared/errors';
import type { Session } from '../../src-shared/contract/session';
import type { Store, StoreOptions } from '../store/store';
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
  readonly jobs = new JobRunner(() => {
    const session = this.session;
    return session ? [`${session.username}@${session.unlockedAt}`, personKey(session.username)] : [''];
  });
  private unlocked: { store: Store; session: Session; stopDueTasks: () => void } | null = null;

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
    if (!this.unlocked) throw new AppError('LOCKED', 'Paydesk is locked.');
    return this.unlocked.store;
  }

  requireSession(): Session {
    if (!this.unlocked) throw new AppError('LOCKED', 'Paydesk is locked.');
    return this.unlocked.session;
  }

  /** Signs in and (with `background`) runs what fell due while the data was locked and resumes interrupted durable jobs. */
  signIn(store: Store, session: Session): void {
    this.signOut();
    const clock = () => this.now();
    const background = this.options.background ?? true;
    this.unlocked = { store, session, stopDueTasks: background ? scheduleDueTasks(store, DUE_TASKS, clock) : () => undefined };
    if (background) resumeInterruptedJobs(this.jobs, store, DURABLE_JOB_KINDS, clock);
  }

  signOut(): void {
    this.unlocked?.stopDueTasks();
    this.unlocked?.store.close();
    this.unlocked = null;
    this.jobs.forgetFinished();
  }
}
