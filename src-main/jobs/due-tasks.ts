import { isAppError } from '../../src-shared/errors';
import type { DueTaskOutcome } from '../../src-shared/contract/jobs';
import type { Store } from '../store/store';

// Work that falls due with time rather than with a call: voiding expired holds today; expiring
// point lots, lowering tiers, expiring cards and card authorizations next. Each domain declares
// its own task and the registry (src-main/registry) lists them. They run at sign-in, then on a
// timer while the data is unlocked (whatever the transport), and once each with `paydesk jobs run`.

export interface DueTask {
  /** `<domain>.<what>`, also the audit action of what it changed. */
  name: string;
  /**
   * Does whatever is due at `now`, in its own transaction(s), audited under `actor`; answers
   * counts of what it changed (all zero, or empty, when nothing was due).
   */
  run(store: Store, actor: string, now: Date): Record<string, number>;
}

export const DUE_TASK_INTERVAL_MS = 60_000;

/**
 * Runs every task once. A task that fails is reported and does not stop the others: an expired
 * card must not keep a hold from being released.
 */
export function runDueTasks(store: Store, tasks: readonly DueTask[], actor: string, now: Date): DueTaskOutcome[] {
  return tasks.map((task) => {
    try {
      return { task: task.name, counts: task.run(store, actor, now), error: null };
    } catch (error) {
      if (!isAppError(error)) console.error(`runDueTasks: ${task.name} failed: ${(error as Error).message}`);
      const shape = isAppError(error) ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: `${task.name} failed; it changed nothing.` };
      return { task: task.name, counts: {}, error: shape };
    }
  });
}

/** Runs the tasks now and every interval, as `system`; the returned function stops the timer. The timer never keeps Node alive. */
export function scheduleDueTasks(store: Store, tasks: readonly DueTask[], clock: () => Date, intervalMs = DUE_TASK_INTERVAL_MS): () => void {
  const tick = () => {
    if (store.sqlite.open) runDueTasks(store, tasks, 'system', clock());
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
