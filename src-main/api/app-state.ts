import { AppError } from '../../src-shared/errors';
import type { Session } from '../../src-shared/contract/session';
import type { Store, StoreOptions } from '../store/store';
import { JobRunner } from './jobs';
import { startHousekeeping } from './housekeeping';

export interface RouterOptions extends StoreOptions {
  dataDir: string;
  /** A fixed clock for tests and the deterministic demo. */
  clock?: () => Date;
}

/**
 * What one router holds between calls: the data folder, and while unlocked, the open store and
 * who signed in. Locking closes the store, so the master key leaves memory.
 */
export class AppState {
  /** Jobs belong to the session that started them (one sign-in of one person). */
  readonly jobs = new JobRunner(() => {
    const session = this.session;
    return session ? `${session.username}@${session.unlockedAt}` : '';
  });
  private unlocked: { store: Store; session: Session; stopHousekeeping: () => void } | null = null;

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

  signIn(store: Store, session: Session): void {
    this.signOut();
    this.unlocked = { store, session, stopHousekeeping: startHousekeeping(store, () => this.now()) };
  }

  signOut(): void {
    this.unlocked?.stopHousekeeping();
    this.unlocked?.store.close();
    this.unlocked = null;
    this.jobs.forgetFinished();
  }
}
