import { randomUUID } from 'node:crypto';
import { AppError } from '../../../src-shared/errors';
import type { PointLot, PointsSummary, Redemption } from '../../../src-shared/contract/points';
import { formatAmount } from '../../../src-shared/money';
import type { Router } from '../../api/router';
import { expectOk, stringOption, type CliCommand, type CliContext } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

// `points show MEMBER` and `points redeem MEMBER --points N`: a member's points for scripts and
// people at a terminal, by member number, through the same channels as the member page
// (points.summary, points.lots, points.redeem), so the roles and refusals are the app's.

/** The CLI prints numbers the way the README shows them; the app's screens follow the reader's locale. */
const LOCALE = 'en-US';

function memberArgument(ctx: CliContext): string {
  const [memberNumber, extra] = ctx.positionals;
  if (memberNumber === undefined || extra !== undefined) throw new AppError('INVALID_INPUT', 'Give exactly one member number.', { field: 'member' });
  return memberNumber;
}

async function memberIdOf(router: Router, memberNumber: string): Promise<number> {
  return expectOk(await router.invoke('members.get', { memberNumber })).id;
}

/** Whole points as typed: digits, optionally signed (the service refuses zero and negatives with its own code). */
function pointsOption(ctx: CliContext): number {
  const text = stringOption(ctx, 'points', true)!;
  if (!/^-?\d{1,15}$/.test(text)) throw new AppError('INVALID_INPUT', '--points must be a whole number of points.', { field: 'points' });
  return Number(text);
}

const points = (n: number) => formatAmount(n, 'PTS', LOCALE);
const day = (iso: string | null) => (iso === null ? 'never' : iso.slice(0, 10));

function lotLine(lot: PointLot): string {
  return `  #${String(lot.id).padEnd(8)} ${lot.rule.padEnd(10)} ${day(lot.earnedAt)}  ${day(lot.expiresAt).padEnd(10)}  ${String(lot.remaining).padStart(7)} of ${String(lot.amount).padEnd(7)} ${lot.state}`;
}

function summaryText(summary: PointsSummary, lots: PointLot[]): string {
  const { tier } = summary;
  const pastExpiry = summary.balance - summary.spendable - summary.pending;
  const lines = [
    `${summary.member.memberNumber}  ${summary.member.name}`,
    `Balance ${points(summary.balance)}: ${points(summary.spendable)} spendable, ${points(summary.pending)} pending${pastExpiry > 0 ? `, ${points(pastExpiry)} past their expiry (the next \`jobs run\` removes them)` : ''}${summary.shortfall > 0 ? `; refunds could not take back ${points(summary.shortfall)}` : ''}`,
    `Tier ${tier.tier}${tier.since ? ` since ${day(tier.since)}` : ''}${tier.floor ? ` (floor ${tier.floor})` : ''}: ${points(tier.qualifying)} qualifying in ${tier.windowMonths} months`,
  ];
  if (tier.due !== tier.tier) lines.push(`  the next tier review moves it to ${tier.due}`);
  if (tier.next) lines.push(`  ${points(tier.next.needed)} more to reach ${tier.next.tier} (${points(tier.next.threshold)})`);
  if (tier.keep.lapsesAt) lines.push(`  kept until ${day(tier.keep.lapsesAt)}; ${points(tier.keep.toKeep)} more before then keep it`);
  for (const credit of summary.redeemedCredit) lines.push(`Redeemed credit ${formatAmount(credit.amount, credit.currency, LOCALE)} (payments from it earn no points)`);
  lines.push(lots.length === 0 ? 'No lots yet.' : `Lots (${lots.length}), soonest expiry first:`, ...lots.map(lotLine));
  return lines.join('\n');
}

export const pointsShowCommand: CliCommand = {
  name: 'points show',
  summary: "A member's points: balance, spendable, tier and qualifying points, and every lot with its expiry.",
  usage: 'points show MEMBER --data DIR [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: UNLOCK_OPTIONS,
  async run(ctx) {
    const memberNumber = memberArgument(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const memberId = await memberIdOf(router, memberNumber);
      const summary = expectOk(await router.invoke('points.summary', { memberId }));
      const lots = expectOk(await router.invoke('points.lots', { memberId }));
      return { exitCode: 0, json: { ...summary, qualifying: summary.tier.qualifying, lots }, text: summaryText(summary, lots) };
    });
  },
};

function redemptionText(r: Redemption): string {
  const kept = r.pointsKept > 0 ? ` (${points(r.pointsKept)} below a whole unit kept)` : '';
  return [
    `Redeemed ${points(r.pointsRedeemed)} of ${r.member.memberNumber} ${r.member.name} for ${formatAmount(r.amount, r.currency, LOCALE)}${kept}`,
    `  points left ${points(r.pointsBalanceAfter)}; wallet ${formatAmount(r.walletBalanceAfter, r.currency, LOCALE)}; transfers ${r.transferIds.map((id) => `#${id}`).join(', ')}`,
    ...r.lineage.map((part) => `  from lot #${part.lotId}: ${points(part.points)} (expiring ${day(part.expiresAt)})`),
  ].join('\n');
}

export const pointsRedeemCommand: CliCommand = {
  name: 'points redeem',
  summary: "Redeem a member's points for wallet credit at the rules' rate, whole units only; --key makes a retry safe.",
  usage: 'points redeem MEMBER --points N --data DIR [--currency CNY] [--key KEY] [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: { ...UNLOCK_OPTIONS, points: { type: 'string' }, currency: { type: 'string' }, key: { type: 'string' } },
  async run(ctx) {
    const memberNumber = memberArgument(ctx);
    const requested = pointsOption(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const memberId = await memberIdOf(router, memberNumber);
      const redemption = expectOk(
        await router.invoke('points.redeem', { memberId, points: requested, currency: stringOption(ctx, 'currency') ?? 'CNY', idempotencyKey: stringOption(ctx, 'key') ?? `cli:${randomUUID()}` }),
      );
      return { exitCode: 0, json: redemption, text: redemptionText(redemption) };
    });
  },
};
