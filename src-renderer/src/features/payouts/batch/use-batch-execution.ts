import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { apiErrorFrom } from '../../../api/call';
import { useJob } from '../../../api/jobs';
import { invalidateAfter, useChannelMutation } from '../../../api/queries';

/**
 * Paying a batch: `payouts.execute` starts (or resumes) its durable job, and the page follows the
 * job with `jobs.get` until it ends. A batch found executing when the page opens (another window
 * started it, or a crash interrupted it) is followed by the job id it records. When the job ends,
 * the batch, its items and every balance it moved are read again.
 */
export function useBatchExecution(batch: Batch) {
  const queryClient = useQueryClient();
  const [startedId, setStartedId] = useState<string | null>(null);
  const start = useChannelMutation('payouts.execute', { onSuccess: (started) => setStartedId(started.jobId) });
  const followed = startedId ?? (batch.status === 'executing' ? batch.jobId : null);
  const job = useJob(followed);
  const ended = useRef<string | null>(null);

  useEffect(() => {
    const current = job.data;
    if (!current || current.state === 'running' || ended.current === current.id) return;
    ended.current = current.id;
    void invalidateAfter(queryClient, 'payouts.execute');
  }, [job.data, queryClient]);

  const running = start.isPending || job.data?.state === 'running' || (followed !== null && job.isPending);
  const failed = job.data?.state === 'failed' && job.data.error ? apiErrorFrom(job.data.error) : null;
  return {
    execute: () => start.mutate({ batchId: batch.id }),
    running,
    /** Executing, and no job of this page is running it: the step to take is Resume. */
    interrupted: batch.status === 'executing' && !running,
    job: followed === null ? undefined : job.data,
    error: start.error ?? failed,
  };
}

export type BatchExecution = ReturnType<typeof useBatchExecution>;
