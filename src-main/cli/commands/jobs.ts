import { expectOk, type CliCommand } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

/** How each task's counts read in a sentence; a task not listed prints its counts as `name n`. */
const DESCRIBE: Record<string, (counts: Record<string, number>) => string> = {
  'ledger.expireHolds': (c) => `${c.voided ?? 0} expired holds voided`,
  'points.expireLots': (c) => `${c.lots ?? 0} lots of ${c.members ?? 0} members expired, ${c.points ?? 0} points`,
  'points.downgradeTiers': (c) => `${c.downgraded ?? 0} members moved down a tier`,
  'cards.expireAuthorizations': (c) => `${c.expired ?? 0} card authorizations expired, their holds released`,
  'cards.expireCards': (c) => `${c.expired ?? 0} cards past their expiry month cancelled`,
};

function describeCounts(task: string, counts: Record<string, number>): string {
  const describe = DESCRIBE[task];
  if (describe) return describe(counts);
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'nothing due' : entries.map(([what, n]) => `${what} ${n}`).join(', ');
}

export const jobsRunCommand: CliCommand = {
  name: 'jobs run',
  summary: 'Run every due task once (hold expiry, point lot expiry, the tier review, and each domain’s own) as the signed-in person, and print what each did.',
  usage: 'jobs run --data DIR [--user NAME] [--json]',
  options: UNLOCK_OPTIONS,
  run: (ctx) =>
    withUnlockedRouter(ctx, async (router) => {
      const outcomes = expectOk(await router.invoke('jobs.runDue', {}));
      const lines = outcomes.map((o) => (o.error ? `FAIL ${o.task}: ${o.error.code}: ${o.error.message}` : `ok   ${o.task}: ${describeCounts(o.task, o.counts)}`));
      const failed = outcomes.some((o) => o.error !== null);
      return { exitCode: failed ? 1 : 0, json: outcomes, text: lines.join('\n') };
    }),
};
