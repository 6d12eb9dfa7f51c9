import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import type { Job } from '../../../src-shared/contract/jobs';
import { type ApiError, apiErrorFrom, call } from './call';
import { useJob } from './jobs';
import { invalidateAfter } from './queries';

/** Channels that answer with a job id and do their work in the background. */
export type JobChannel = 'backup.create' | 'backup.restore' | 'keys.rekey' | 'system.startVerify';

/**
 * Starts a job through its channel, polls it, and calls `onDone` once when it finishes. The
 * error is the refusal to start, or the job's own failure, whichever happened. What the channel
 * declares it makes stale is refreshed when the job is done, not when it starts: until then
 * nothing has changed.
 */
export function useJobFlow<C extends JobChannel>(channel: C, onDone: (job: Job) => void) {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: (started) => setJobId(started.jobId),
  });
  const job = useJob(jobId);
  const onDoneRef = useRef(onDone);
  const reported = useRef<string | null>(null);

  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);

  useEffect(() => {
    const current = job.data;
    if (!current || current.state !== 'done' || reported.current === current.id) return;
    reported.current = current.id;
    void invalidateAfter(queryClient, channel);
    onDoneRef.current(current);
  }, [job.data, queryClient, channel]);

  const failed = job.data?.state === 'failed' && job.data.error ? apiErrorFrom(job.data.error) : null;
  return {
    start: start.mutate,
    running: start.isPending || job.data?.state === 'running' || (jobId !== null && job.isPending),
    job: jobId === null ? undefined : job.data,
    error: start.error ?? failed ?? job.error,
    reset: () => {
      start.reset();
      setJobId(null);
    },
  };
}
