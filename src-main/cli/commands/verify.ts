import { expectOk, type CliCommand } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check the database, the schema, the audit chain and every ledger invariant.',
  usage: 'verify --data DIR [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: UNLOCK_OPTIONS,
  run: (ctx) =>
    withUnlockedRouter(ctx, async (router) => {
      const report = expectOk(await router.invoke('system.verify', {}));
      const lines = report.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}${c.firstViolation ? ` (first: ${c.firstViolation})` : ''}`);
      lines.push(...Object.entries(report.heads).map(([name, head]) => `head ${name}: ${head}`));
      lines.push(report.ok ? 'verify: clean' : 'verify: VIOLATIONS FOUND');
      return { exitCode: report.ok ? 0 : 1, json: report, text: lines.join('\n') };
    }),
};
