import { durableJob, launchDurableJob, recordDurableJob } from '../jobs/durable-jobs';
import type { JobRunner } from '../jobs/job-runner';
import { execute } from '../store/sql';
import type { Store } from '../store/store';
import { assertStatus, findBatch } from './batch-rows';
import { executePayoutsJob } from './execute';
import { payoutsSql } from './tables';

// `payouts.execute`: starts the batch's durable job, or picks the one a crash or a sign-out left
// running back up from its checkpoint. Asked again while it runs, it answers the same job; asked
// once the batch is completed, the finished job, so a retried execute pays nothing and fails nothing.

export function startExecution(store: Store, runner: JobRunner, actor: string, batchId: number, clock: () => Date): string {
  const batch = findBatch(store, batchId);
  if (batch.status === 'completed' && batch.job_id !== null) return batch.job_id;
  assertStatus(batch, ['approved', 'executing'], 'executed');
  const running = batch.job_id === null ? undefined : durableJob(store, batch.job_id);
  if (running?.state === 'running') return launchDurableJob(runner, store, executePayoutsJob, running.id, actor, clock);
  const id = store.sqlite
    .transaction(() => {
      const jobId = recordDurableJob(store, executePayoutsJob, { batchId, actor }, actor, clock());
      execute(store.sqlite, payoutsSql.updateTable('payout_batches').set({ job_id: jobId }).where('id', '=', batchId));
      return jobId;
    })
    .immediate();
  return launchDurableJob(runner, store, executePayoutsJob, id, actor, clock);
}
