import { expectOk, type CliCommand } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'nothing due' : entries.map(([what, n]) => `${what} ${n}`).join(', ');
}

export const jobsRunCommand: CliCommand = {
  name: 'jobs run',
  summary: 'Run every due task once (hold expiry, and each domain’s own) as the signed-in person, and print what each did.',
  usage: 'jobs run --data DIR [--user NAME] [--json]',
  options: UNLOCK_OPTIONS,
  run: (ctx) =>
    withUnlockedRouter(ctx, async (router) => {
      const outcomes = expectOk(await router.invoke('jobs.runDue', {}));
      const lines = outcomes.map((o) => (o.error ? `FAIL ${o.task}: ${o.error.code}: ${o.error.message}` : `ok   ${o.task}: ${describeCounts(o.counts)}`));
      const failed = outcomes.some((o) => o.error !== null);
      return { exitCode: failed ? 1 : 0, json: outcomes, text: lines.join('\n') };
    }),
};
