import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../src-shared/contract/maintenance';
import { apiErrorFrom } from './call';
import { useJob } from './jobs';
import { useChannelMutation } from './queries';

/** Channels that answer with a job id and do their work in the background. */
export type JobChannel = 'backup.create' | 'backup.restore' | 'keys.rekey';

/**
 * Starts a job through its channel, polls it, and calls `onDone` once when it finishes. The
 * error is the refusal to start, or the job's own failure, whichever happened.
 */
export function useJobFlow<C extends JobChannel>(channel: C, onDone: (job: Job) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useChannelMutation(channel, { onSuccess: (started) => setJobId(started.jobId) });
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
    onDoneRef.current(current);
  }, [job.data]);

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
