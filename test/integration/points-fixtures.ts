import { expect, onTestFinished } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import { trialBalance } from '../../src-main/ledger';
import { memberLots, pointsSummary } from '../../src-main/points/point-queries';
import { walletSummary } from '../../src-main/wallets/wallet-queries';
import type { ChannelInput, ChannelName } from '../../src-shared/contract';
import type { LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { ADMIN, ok, TELLER, tempDataDir } from '../support/temp-data';
import { addMember, FINANCE, nextKey, snapshot } from './members-fixtures';

// Shared by the points-* tests: a branch on a clock the test moves (lots expire, windows roll and
// the daily review runs by it), members with money and points, and the snapshot a refusal must
// leave as it was.

export interface PointsBranch {
  router: Router;
  /** The router's clock now. */
  now(): Date;
  /** Moves the clock on by whole days (and `ms`). */
  advanceDays(days: number, ms?: number): void;
}

/**
 * A set-up data folder on a clock starting at `start`, admin signed in, a teller and a finance
 * person on its staff, for the running test. No background work: due tasks run only when a test calls jobs.runDue. The
 * clock stays in the past, since verify judges tiers by the workstation's own date.
 */
export async function pointsBranch(start = '2024-01-08T09:00:00.000Z'): Promise<PointsBranch> {
  let now = new Date(start);
  const router = createRouter({ dataDir: tempDataDir(), clock: () => now, background: false });
  onTestFinished(() => router.close());
  await ok(router, 'setup.init', ADMIN);
  await ok(router, 'staff.add', TELLER);
  await ok(router, 'staff.add', FINANCE);
  return {
    router,
    now: () => now,
    advanceDays(days, ms = 0) {
      now = new Date(now.getTime() + days * 86_400_000 + ms);
    },
  };
}

/** A member with `money` (minor units of CNY) in their wallet. */
export async function memberWithMoney(router: Router, name: string, money = 500_000) {
  const member = await addMember(router, { name });
  if (money > 0) await ok(router, 'wallets.deposit', { memberId: member.id, amount: money, currency: 'CNY', idempotencyKey: nextKey() });
  return member;
}

/** A payment of `amount` minor units of CNY: α = 1 point per 1.00 at Standard. */
export async function pay(router: Router, memberId: number, amount: number) {
  return ok(router, 'wallets.pay', { memberId, amount, currency: 'CNY', merchant: 'Tea House', idempotencyKey: nextKey() });
}

export async function refund(router: Router, receipt: { transferIds: number[] }) {
  return ok(router, 'wallets.reverse', { transferId: receipt.transferIds[0]!, reason: 'goods returned', idempotencyKey: nextKey() });
}

export async function summaryOf(router: Router, memberId: number) {
  return ok(router, 'points.summary', { memberId });
}

/** The rules as saved, changed by `change`, saved through points.updateRules. */
export async function changeRules(router: Router, change: (rules: LoyaltyRules) => LoyaltyRules) {
  const { rules } = await ok(router, 'points.rules', {});
  return ok(router, 'points.updateRules', { rules: change(structuredClone(rules)) });
}

/**
 * What a refused points operation must leave as it was: each member's points summary, lots and
 * wallets, the trial balance (every currency, PTS too), the audit count, and every row of
 * accounts, journal, receipts, members and audit; plus the points tables themselves.
 */
export function pointsState(branch: PointsBranch, memberIds: readonly number[]) {
  const store = branch.router.state.requireStore();
  const now = branch.now();
  const table = (name: string) => store.sqlite.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).all();
  return {
    members: memberIds.map((id) => ({ summary: pointsSummary(store, id, now), lots: memberLots(store, id, now), wallets: walletSummary(store, id) })),
    trialBalance: trialBalance(store),
    auditCount: store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    rows: snapshot(branch.router),
    points: ['point_lots', 'point_moves', 'point_records', 'point_credit', 'member_tiers', 'settings'].map(table),
  };
}

/** Calls `channel`, expects it refused with `code`, and that nothing in `pointsState` changed. */
export async function expectRefused<C extends ChannelName>(branch: PointsBranch, memberIds: readonly number[], channel: C, input: ChannelInput<C>, code: string) {
  const before = pointsState(branch, memberIds);
  const answer = await branch.router.invoke(channel, input);
  expect(answer).toMatchObject({ ok: false, error: { code } });
  expect(pointsState(branch, memberIds)).toEqual(before);
  return answer.ok ? undefined : answer.error;
}

/** verify finds nothing wrong. */
export async function expectVerified(router: Router) {
  const report = await ok(router, 'system.verify', {});
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
}
