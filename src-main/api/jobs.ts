import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../src-shared/errors';
import type { Job } from '../../src-shared/contract/maintenance';

export type ReportProgress = (fraction: number) => void;

/**
 * Long work (backups, imports, batch execution) runs as a job: the call returns its id at once,
 * the work yields to the event loop between chunks, and the UI polls `jobs.get` for progress.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  /** Who started each job: a result can hold a secret (a rekey's new recovery key). */
  private readonly owners = new Map<string, string>();

  /** `currentOwner` names the session calling now; only that session sees its jobs. */
  constructor(private readonly currentOwner: () => string = () => '') {}

  start(kind: string, work: (report: ReportProgress) => Promise<unknown>): string {
    const id = randomUUID();
    const job: Job = { id, kind, state: 'running', progress: 0, result: null, error: null };
    this.jobs.set(id, job);
    this.owners.set(id, this.currentOwner());
    const report: ReportProgress = (fraction) => {
      job.progress = Math.max(job.progress, Math.min(1, fraction));
    };
    void (async () => {
      try {
        job.result = (await work(report)) ?? null;
        job.progress = 1;
        job.state = 'done';
      } catch (error) {
        job.state = 'failed';
        job.error = isAppError(error)
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: 'The job failed; nothing was changed.' };
        if (!isAppError(error)) console.error(`JobRunner.start: ${kind} failed: ${(error as Error).message}`);
      }
    })();
    return id;
  }

  /** A job of the calling session; another session's job is as good as absent. */
  get(id: string): Job {
    if (this.owners.get(id) !== this.currentOwner()) throw new AppError('JOB_NOT_FOUND', `No job ${id}.`, { field: 'id' });
    return this.peek(id);
  }

  /** Forgets finished jobs and their results (at sign-out); running ones finish as they were. */
  forgetFinished(): void {
    for (const [id, job] of this.jobs) {
      if (job.state === 'running') continue;
      this.jobs.delete(id);
      this.owners.delete(id);
    }
  }

  private peek(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', `No job ${id}.`, { field: 'id' });
    return { ...job };
  }

  /** Resolves when the job has finished; for the CLI and tests. */
  async wait(id: string, pollMs = 10): Promise<Job> {
    for (;;) {
      const job = this.peek(id);
      if (job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
