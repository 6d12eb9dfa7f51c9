import { useQuery } from '@tanstack/react-query';
import type { Job } from '../../../src-shared/contract/jobs';
import { type ApiError, call } from './call';
import { channelKey } from './queries';

const POLL_MS = 200;

/** Polls a long-running job (backup, restore, rekey) until it is done or failed. */
export function useJob(jobId: string | null) {
  return useQuery<Job, ApiError>({
    queryKey: channelKey('jobs.get', { id: jobId ?? '' }),
    queryFn: () => call('jobs.get', { id: jobId ?? '' }),
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.state === 'running' || query.state.data === undefined ? POLL_MS : false),
  });
}
