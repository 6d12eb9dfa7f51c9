import { AppError } from '../../../src-shared/errors';
import { can, type Permission } from '../../../src-shared/permissions';
import { createRouter, type Router } from '../../api/router';
import { loadDemoData } from '../../demo/load-demo-data';
import { expectOk, stringOption, type CliCommand, type CliContext } from '../command';
import { UNLOCK_OPTIONS, dataDirOption, readPassphrase, unlockedRouter } from '../unlock';

// `demo`: deterministic demo data (same seed, same members, balances and receipts) written through
// the member, teller and ledger services. It fills an initialized folder that holds no members yet,
// signed in like any other command; with --admin NAME it first initializes an empty folder.

const NEEDS: Permission[] = ['members.write', 'wallet.deposit', 'wallet.withdraw', 'wallet.pay', 'wallet.transfer'];

function countOption(ctx: CliContext, name: string, fallback: number, max: number): number {
  const text = stringOption(ctx, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value > max) {
    throw new AppError('INVALID_INPUT', `--${name} must be a whole number from 0 to ${max}.`, { field: name });
  }
  return value;
}

/** With --admin: a new folder and its first admin (the recovery key is printed once). */
async function routerFor(ctx: CliContext): Promise<{ router: Router; recoveryKey: string | null }> {
  const admin = stringOption(ctx, 'admin');
  if (!admin) return { router: await unlockedRouter(ctx), recoveryKey: null };
  const router = createRouter({ dataDir: dataDirOption(ctx) });
  try {
    const passphrase = await readPassphrase(ctx, 'New admin passphrase: ');
    const { recoveryKey } = expectOk(await router.invoke('setup.init', { username: admin, displayName: stringOption(ctx, 'name') ?? admin, passphrase }));
    return { router, recoveryKey };
  } catch (error) {
    router.close();
    throw error;
  }
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Fill a data folder without members with deterministic demo members, wallets and transfers.',
  usage:
    'demo --data DIR [--members N] [--transfers M] [--seed S] [--admin NAME [--name "Display"] | --user NAME | --recovery-key KEY] [--json]   (defaults: 1000 members, 10000 transfers, seed 1)',
  options: { ...UNLOCK_OPTIONS, members: { type: 'string' }, transfers: { type: 'string' }, seed: { type: 'string' }, admin: { type: 'string' }, name: { type: 'string' } },
  async run(ctx) {
    const plan = {
      members: countOption(ctx, 'members', 1_000, 1_000_000),
      transfers: countOption(ctx, 'transfers', 10_000, 10_000_000),
      seed: countOption(ctx, 'seed', 1, 2 ** 31 - 1),
    };
    const { router, recoveryKey } = await routerFor(ctx);
    try {
      const session = router.state.requireSession();
      const missing = NEEDS.find((permission) => !can(session.role, permission));
      if (missing) throw new AppError('FORBIDDEN', `The ${session.role} role may not load demo data (needs ${missing}).`, { permission: missing });
      const started = Date.now();
      const summary = loadDemoData(router.state.requireStore(), { username: session.username, displayName: session.displayName }, plan);
      const seconds = (Date.now() - started) / 1000;
      const text = [
        `Loaded demo data (seed ${plan.seed}) in ${seconds.toFixed(1)} s:`,
        `  ${summary.members} members (${summary.frozen} frozen), ${summary.transfers} transfers, ${summary.receipts} counter receipts`,
        `  member wallets hold ${(summary.walletTotal / 100).toFixed(2)} CNY; activity from ${summary.from.slice(0, 10)} to ${summary.to.slice(0, 10)}`,
        ...(recoveryKey ? ['', 'RECOVERY KEY (shown once; store it offline, it opens all data):', `  ${recoveryKey}`] : []),
      ];
      return { exitCode: 0, json: { ...summary, seconds, ...(recoveryKey ? { recoveryKey } : {}) }, text: text.join('\n') };
    } finally {
      router.close();
    }
  },
};
