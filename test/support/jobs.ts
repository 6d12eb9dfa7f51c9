import type { Job } from '../../src-shared/contract/jobs';
import type { Router } from '../../src-main/api/router';
import type { ChannelInput } from '../../src-shared/contract';
import type { Answer } from '../../src-shared/result';

type JobChannel = 'backup.create' | 'backup.restore' | 'keys.rekey';

/** Starts a job channel and waits for the job; a refusal before the job starts is returned as is. */
export async function runJob<C extends JobChannel>(router: Router, channel: C, input: ChannelInput<C>): Promise<Answer<Job>> {
  const started = await router.invoke(channel, input);
  if (!started.ok) return started;
  return { ok: true, value: await router.state.jobs.wait(started.value.jobId) };
}

/** Runs a job and fails the test unless it finished; returns its result. */
export async function jobResult<C extends JobChannel, T = unknown>(router: Router, channel: C, input: ChannelInput<C>): Promise<T> {
  const answer = await runJob(router, channel, input);
  if (!answer.ok) throw new Error(`${channel} refused: ${answer.error.code} ${answer.error.message}`);
  if (answer.value.state !== 'done') throw new Error(`${channel} failed: ${answer.value.error?.code} ${answer.value.error?.message}`);
  return answer.value.result as T;
}

/** The coded error of a refusal, whether the router answered it or the job failed with it. */
export function refusalCode(answer: Answer<Job>): string | null {
  if (!answer.ok) return answer.error.code;
  return answer.value.error?.code ?? null;
}
