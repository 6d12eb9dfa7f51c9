import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../src-shared/errors';
import type { Job } from '../../src-shared/contract/jobs';
import { yieldToEventLoop } from '../store/database-copy';
import { execute, selectAll, selectFirst } from '../store/sql';
import type { Store } from '../store/store';
import type { JobControl, JobRunner } from './job-runner';
import { jobsSql, type JobsTable } from './tables';

// A durable job survives a crash. Its work is a sequence of synchronous steps; each step's
// changes and the checkpoint that follows them commit in ONE transaction, so after a SIGKILL the
// job's row says exactly how far the committed work got, and resuming from it never repeats or
// skips an item. Payout execution is the first such job; a domain registers its kinds with
// the registry (src-main/registry), which resumes every interrupted job at the next unlock.

/** What one step did: where the next step starts, or the job's result once nothing is left. */
export type StepOutcome<C> = { checkpoint: C; done: number; total?: number | null } | { finished: true; done: number; result: unknown };

export interface DurableJobKind<P = unknown, C = unknown> {
  kind: string;
  /** Where a new run starts and how many items it has; runs in the transaction that records the job. */
  begin(store: Store, params: P, now: Date): { checkpoint: C; total: number | null };
  /** One chunk of work, synchronous, inside the transaction that also writes the next checkpoint. */
  step(store: Store, params: P, checkpoint: C, now: Date): StepOutcome<C>;
  /**
   * For verify: why this job's row disagrees with what its domain recorded (its audited start
   * and end, in the job's own transactions), or null when it agrees.
   */
  rowFault(store: Store, row: JobsTable): string | null;
}

function readRow(store: Store, id: string): JobsTable | undefined {
  return selectFirst(store.sqlite, jobsSql.selectFrom('jobs').selectAll().where('id', '=', id));
}

/** A durable job as its row stands: how far its committed steps got, and how it ended. */
export function durableJob(store: Store, id: string): Job | undefined {
  const row = readRow(store, id);
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    done: row.done,
    total: row.total,
    cancellable: true,
    durable: true,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
    error: row.error_json === null ? null : (JSON.parse(row.error_json) as Job['error']),
  };
}

/** Records a new durable job and its first checkpoint; the caller then runs it (runDurableJob). */
export function recordDurableJob<P, C>(store: Store, kind: DurableJobKind<P, C>, params: P, startedBy: string, now: Date): string {
  const id = randomUUID();
  store.sqlite
    .transaction(() => {
      const { checkpoint, total } = kind.begin(store, params, now);
      const at = now.toISOString();
      execute(
        store.sqlite,
        jobsSql.insertInto('jobs').values({
          id,
          kind: kind.kind,
          state: 'running',
          params_json: JSON.stringify(params),
          checkpoint_json: JSON.stringify(checkpoint),
          done: 0,
          total,
          started_by: startedBy,
          started_at: at,
          updated_at: at,
        }),
      );
    })
    .immediate();
  return id;
}

/** The ids of jobs a crash or a sign-out left running, oldest first. */
export function interruptedJobs(store: Store): { id: string; kind: string; startedBy: string }[] {
  const rows = selectAll(store.sqlite, jobsSql.selectFrom('jobs').select(['id', 'kind', 'started_by']).where('state', '=', 'running').orderBy('started_at').orderBy('id'));
  return rows.map((row) => ({ id: row.id, kind: row.kind, startedBy: row.started_by }));
}

function finish(store: Store, id: string, state: 'done' | 'failed' | 'cancelled', fields: { result?: unknown; error?: Job['error'] }, now: Date): void {
  execute(
    store.sqlite,
    jobsSql
      .updateTable('jobs')
      .set({
        state,
        result_json: fields.result === undefined ? null : JSON.stringify(fields.result),
        error_json: fields.error ? JSON.stringify(fields.error) : null,
        finished_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('state', '=', 'running'),
  );
}

/** Runs one step and writes what follows it, all in one transaction. */
function commitStep<P, C>(store: Store, kind: DurableJobKind<P, C>, row: JobsTable, now: Date): StepOutcome<C> {
  return store.sqlite
    .transaction(() => {
      const outcome = kind.step(store, JSON.parse(row.params_json) as P, JSON.parse(row.checkpoint_json) as C, now);
      const at = now.toISOString();
      if ('finished' in outcome) {
        execute(
          store.sqlite,
          jobsSql
            .updateTable('jobs')
            .set((eb) => ({ done: outcome.done, total: eb.fn.coalesce('total', eb.val(outcome.done)), updated_at: at }))
            .where('id', '=', row.id),
        );
        finish(store, row.id, 'done', { result: outcome.result ?? null }, now);
      } else {
        execute(
          store.sqlite,
          jobsSql
            .updateTable('jobs')
            .set({ checkpoint_json: JSON.stringify(outcome.checkpoint), done: outcome.done, total: outcome.total === undefined ? row.total : outcome.total, updated_at: at })
            .where('id', '=', row.id),
        );
      }
      return outcome;
    })
    .immediate();
}

/**
 * Runs a recorded job from its checkpoint until it finishes, fails, is cancelled, or its store
 * closes (a sign-out: the job stays `running` and resumes at the next unlock).
 */
export async function runDurableJob<P, C>(store: Store, kind: DurableJobKind<P, C>, id: string, control: JobControl, clock: () => Date = () => new Date()): Promise<unknown> {
  for (;;) {
    if (!store.sqlite.open) throw new AppError('LOCKED', `The ${kind.kind} job pauses while Paydesk is locked; it resumes at the next unlock.`);
    const row = readRow(store, id);
    if (!row) throw new AppError('JOB_NOT_FOUND', `No job ${id}.`, { field: 'id' });
    if (row.state !== 'running') return settled(row);
    if (row.total !== null) control.report(row.done, row.total);
    if (control.signal.aborted) {
      finish(store, id, 'cancelled', { error: { code: 'JOB_CANCELLED', message: `Stopped after ${row.done} items.` } }, clock());
      throw new AppError('JOB_CANCELLED', `The ${kind.kind} job was stopped after ${row.done} items; they stay done.`);
    }
    let outcome: StepOutcome<C>;
    try {
      outcome = commitStep(store, kind, row, clock());
    } catch (error) {
      const shape = isAppError(error) ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: 'The job failed; its last step was not saved.' };
      if (store.sqlite.open) finish(store, id, 'failed', { error: shape }, clock());
      throw error;
    }
    if ('finished' in outcome) {
      control.report(outcome.done, outcome.done);
      return outcome.result ?? null;
    }
    // Other calls get a turn between two steps, so the screen stays usable while a job runs.
    await yieldToEventLoop();
  }
}

/** A job that already ended answers as it ended: its result, or its refusal. */
function settled(row: JobsTable): unknown {
  if (row.state === 'done') return row.result_json === null ? null : JSON.parse(row.result_json);
  const error = row.error_json === null ? null : (JSON.parse(row.error_json) as { code: string; message: string });
  throw new AppError(row.state === 'cancelled' ? 'JOB_CANCELLED' : 'INTERNAL', error?.message ?? `Job ${row.id} ${row.state}.`);
}

/** The owner key of a durable job: the person, since the job outlives their session. */
export function personKey(username: string): string {
  return `person:${username}`;
}

/** Hands a recorded durable job to the runner, so `jobs.get` follows it and `jobs.cancel` stops it. */
export function launchDurableJob<P, C>(runner: JobRunner, store: Store, kind: DurableJobKind<P, C>, id: string, startedBy: string, clock: () => Date): string {
  if (runner.isRunning(id)) return id;
  return runner.start(kind.kind, (control) => runDurableJob(store, kind, id, control, clock), {
    id,
    cancellable: true,
    durable: true,
    owner: personKey(startedBy),
    now: clock(),
  });
}

/** At unlock: every job a crash or a sign-out interrupted carries on from its checkpoint. */
export function resumeInterruptedJobs(runner: JobRunner, store: Store, kinds: readonly DurableJobKind<unknown, unknown>[], clock: () => Date): string[] {
  const resumed: string[] = [];
  for (const job of interruptedJobs(store)) {
    const kind = kinds.find((k) => k.kind === job.kind);
    if (!kind) {
      console.error(`resumeInterruptedJobs: no kind ${job.kind} in this build; job ${job.id} stays as it was`);
      continue;
    }
    resumed.push(launchDurableJob(runner, store, kind, job.id, job.startedBy, clock));
  }
  return resumed;
}
