import { AppError } from '../../../src-shared/errors';
import { loadDemoInput } from '../../../src-shared/contract/demo';
import { createRouter, type Router } from '../../api/router';
import { setUpSecretsLines } from '../set-up-lines';
import { expectOk, stringOption, type CliCommand, type CliContext } from '../command';
import { UNLOCK_OPTIONS, dataDirOption, readPassphrase, unlockedRouter } from '../unlock';

// `demo`: deterministic demo data (same seed, same members, balances and receipts), loaded through
// the router's demo.load channel, so only an admin may load it. It fills an initialized folder that
// holds no members yet, signed in like any other command; with --admin NAME it first initializes
// an empty folder.

/** Judged against the channel's own limits before --admin creates anything. */
function countOption(ctx: CliContext, name: keyof typeof loadDemoInput.shape): number | undefined {
  const text = stringOption(ctx, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  const max = loadDemoInput.shape[name].unwrap().maxValue!;
  // The pattern refuses what Number() would take anyway: '1e3', ' 12', '0x10'.
  if (!/^\d{1,16}$/.test(text) || value > max) throw new AppError('INVALID_INPUT', `--${name} must be a whole number from 0 to ${max}.`, { field: name });
  return value;
}

/** With --admin: a new folder and its first admin (the recovery key is printed once). */
async function routerFor(ctx: CliContext): Promise<{ router: Router; setUp: { recoveryKey: string; trustFingerprint: string } | null }> {
  const admin = stringOption(ctx, 'admin');
  if (!admin) return { router: await unlockedRouter(ctx), setUp: null };
  const router = createRouter({ dataDir: dataDirOption(ctx) });
  try {
    const passphrase = await readPassphrase(ctx, 'New admin passphrase: ');
    const { recoveryKey, trustFingerprint } = expectOk(await router.invoke('setup.init', { username: admin, displayName: stringOption(ctx, 'name') ?? admin, passphrase }));
    return { router, setUp: { recoveryKey, trustFingerprint } };
  } catch (error) {
    router.close();
    throw error;
  }
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Fill a data folder without members with deterministic demo members, wallets and transfers (admin only).',
  usage:
    'demo --data DIR [--members N] [--transfers M] [--seed S] [--admin NAME [--name "Display"] | --user NAME | --recovery-key-stdin | --recovery] [--json]   (defaults: 1000 members, 10000 transfers, seed 1)',
  options: { ...UNLOCK_OPTIONS, members: { type: 'string' }, transfers: { type: 'string' }, seed: { type: 'string' }, admin: { type: 'string' }, name: { type: 'string' } },
  async run(ctx) {
    const plan = { members: countOption(ctx, 'members'), transfers: countOption(ctx, 'transfers'), seed: countOption(ctx, 'seed') };
    const { router, setUp } = await routerFor(ctx);
    try {
      const started = Date.now();
      const summary = expectOk(await router.invoke('demo.load', plan));
      const seconds = (Date.now() - started) / 1000;
      const seed = plan.seed ?? 1;
      const text = [
        `Loaded demo data (seed ${seed}) in ${seconds.toFixed(1)} s:`,
        `  ${summary.members} members (${summary.frozen} frozen), ${summary.transfers} transfers, ${summary.receipts} counter receipts`,
        `  member wallets hold ${(summary.walletTotal / 100).toFixed(2)} CNY; activity from ${summary.from.slice(0, 10)} to ${summary.to.slice(0, 10)}`,
        `  points: ${summary.points.paymentsEarning} past payments earning points, ${summary.points.referrals} referrals, ${summary.points.reviews} reviews, ` +
          `${summary.points.redemptions} redemptions (${summary.points.redemptionsReversed} reversed), ${summary.points.refunds} refunds, ` +
          `${summary.points.expiredLots + summary.points.lotsExpiredAtEnd} lots expired, ${summary.points.tiersLowered} tiers lowered at the end`,
        `  cards: ${summary.cards.issued} issued under ${summary.cards.programs} programs (${summary.cards.active} active, ${summary.cards.frozen} frozen, ${summary.cards.cancelled} cancelled, ` +
          `${summary.cards.replaced} replaced); ${summary.cards.authorizations} authorizations (${summary.cards.captured} captured, ${summary.cards.voided} voided, ` +
          `${summary.cards.declined} declined); ${summary.cards.bankCards} bank cards linked`,
        `  payouts: ${summary.payouts.batches} batches — one paid (${summary.payouts.paid} to wallets, ${summary.payouts.sent} to bank cards: ${summary.payouts.settled} settled, ${summary.payouts.returned} returned), ` +
          `one awaiting approval, a draft with ${summary.payouts.draftErrors} rows in error; approved by demo-finance (an admin resets her passphrase to sign in as her)`,
        ...(setUp ? ['', ...setUpSecretsLines(setUp.recoveryKey, setUp.trustFingerprint)] : []),
      ];
      return { exitCode: 0, json: { ...summary, seconds, ...(setUp ?? {}) }, text: text.join('\n') };
    } finally {
      router.close();
    }
  },
};
