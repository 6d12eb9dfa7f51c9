import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../src-shared/errors';
import type { Job, ReportProgress } from '../../src-shared/contract/jobs';

/** What a job's work is given: where to report progress, and the signal that asks it to stop. */
export interface JobControl {
  report: ReportProgress;
  /** Aborted by `jobs.cancel`; cancellable work checks it between two items. */
  signal: AbortSignal;
}

export type JobWork = (control: JobControl) => Promise<unknown>;

export interface JobOptions {
  /** A durable job keeps its id across restarts; a new job gets a fresh one. */
  id?: string;
  cancellable?: boolean;
  durable?: boolean;
  /** Who may see the job; defaults to the session calling now (see `JobRunner`'s constructor). */
  owner?: string;
  now?: Date;
}

interface Entry {
  job: Job;
  owner: string;
  abort: AbortController;
}

/**
 * Long work (backups, imports, batch execution) runs as a job: the call returns its id at once,
 * the work yields to the event loop between chunks, and the UI polls `jobs.get` for progress.
 */
export class JobRunner {
  private readonly entries = new Map<string, Entry>();

  /**
   * `viewerKeys` names who is calling now, most specific first: the session (one sign-in of one
   * person), then the person. A job belongs to one of those keys: an ordinary job to the session
   * that started it, a durable job (which outlives sessions) to the person.
   */
  constructor(
    private readonly viewerKeys: () => readonly string[] = () => [''],
    /** Runs as a job ends, before anyone polling can see it ended (the router signs a finished job's rows). */
    private readonly onEnd: (state: Job['state']) => void = () => undefined,
  ) {}

  private currentOwner(): string {
    return this.viewerKeys()[0] ?? '';
  }

  start(kind: string, work: JobWork, options: JobOptions = {}): string {
    const id = options.id ?? randomUUID();
    const job: Job = {
      id,
      kind,
      state: 'running',
      done: 0,
      total: null,
      cancellable: options.cancellable ?? false,
      durable: options.durable ?? false,
      startedAt: (options.now ?? new Date()).toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    const entry: Entry = { job, owner: options.owner ?? this.currentOwner(), abort: new AbortController() };
    this.entries.set(id, entry);
    const report: ReportProgress = (done, total) => {
      job.total = total;
      job.done = Math.max(job.done, Math.min(done, total));
    };
    void (async () => {
      try {
        job.result = (await work({ report, signal: entry.abort.signal })) ?? null;
        if (job.total !== null) job.done = job.total;
        job.state = 'done';
      } catch (error) {
        job.state = isAppError(error) && error.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed';
        job.error = isAppError(error)
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: 'The job failed; nothing was changed.' };
        if (!isAppError(error)) console.error(`JobRunner.start: ${kind} failed: ${(error as Error).message}`);
      } finally {
        this.onEnd(job.state);
        job.finishedAt = new Date().toISOString();
      }
    })();
    return id;
  }

  /** A job of the calling session; another session's job is as good as absent. */
  get(id: string): Job {
    const entry = this.entries.get(id);
    if (!entry || !this.viewerKeys().includes(entry.owner)) throw new AppError('JOB_NOT_FOUND', `No job ${id}.`, { field: 'id' });
    return { ...entry.job };
  }

  /** Asks a running job to stop; it ends as `cancelled` at its next item boundary. */
  cancel(id: string): Job {
    const job = this.get(id);
    if (job.state !== 'running' || !job.cancellable) {
      throw new AppError('JOB_NOT_CANCELLABLE', job.state === 'running' ? `Job ${id} cannot be stopped once started.` : `Job ${id} has already ended.`, { field: 'id', state: job.state });
    }
    this.entries.get(id)!.abort.abort();
    return job;
  }

  /** Whether a job with this id is running in this process (a durable job is resumed only once). */
  isRunning(id: string): boolean {
    return this.entries.get(id)?.job.state === 'running';
  }

  /** Forgets finished jobs and their results (at sign-out); running ones finish as they were. */
  forgetFinished(): void {
    for (const [id, entry] of this.entries) {
      if (entry.job.state !== 'running') this.entries.delete(id);
    }
  }

  /** Resolves when the job has finished, whoever owns it; for the CLI and tests. */
  async wait(id: string, pollMs = 10): Promise<Job> {
    for (;;) {
      const entry = this.entries.get(id);
      if (!entry) throw new AppError('JOB_NOT_FOUND', `No job ${id}.`, { field: 'id' });
      if (entry.job.state !== 'running') return { ...entry.job };
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
