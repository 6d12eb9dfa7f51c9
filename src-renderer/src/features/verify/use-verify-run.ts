import { useQuery, useQueryClient } from '@tanstack/react-query';
import { verifyJobResultSchema, type VerifyJobResult } from '../../../../src-shared/contract/verify';
import { useChannelMutation } from '../../api/queries';
import { useJobFlow } from '../../api/use-job-flow';

// The last verify's result stays in the query cache, which sign-in clears: coming back to the
// screen shows it again, and the next person to sign in does not see it.
const LAST_RESULT_KEY = ['verify', 'lastResult'] as const;

/** Runs verify as a job and keeps its result for this session. */
export function useVerifyRun() {
  const queryClient = useQueryClient();
  const run = useJobFlow('system.startVerify', (job) => {
    queryClient.setQueryData<VerifyJobResult>(LAST_RESULT_KEY, verifyJobResultSchema.parse(job.result));
  });
  const last = useQuery<VerifyJobResult | null>({ queryKey: LAST_RESULT_KEY, queryFn: () => null, enabled: false, staleTime: Infinity, gcTime: Infinity });
  const cancel = useChannelMutation('jobs.cancel');
  const { job } = run;
  return {
    start: () => run.start({}),
    running: run.running,
    job,
    error: run.error ?? cancel.error,
    result: last.data ?? null,
    stop: job?.state === 'running' && job.cancellable ? () => cancel.mutate({ id: job.id }) : undefined,
  };
}
