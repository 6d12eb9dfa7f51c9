import { describe, expect, it } from 'vitest';
import type { LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { ok } from '../support/temp-data';
import { addMember, nextKey } from './members-fixtures';
import { changeRules, expectRefused, expectVerified, memberWithMoney, pay, pointsBranch, pointsState, refund, summaryOf, type PointsBranch } from './points-fixtures';

// Issue 9: the bugs other loyalty systems shipped (Open Loyalty's and the ERP modules' trackers
// are full of them), each pinned as a rule of ours, through the router on a real encrypted folder
// whose clock the test moves.

/** Every tier earns ×1 and pays the currency's fee, so a test's points are its payments in whole 1.00s. */
const flat = (rules: LoyaltyRules): LoyaltyRules => ({ ...rules, tiers: rules.tiers.map((tier) => ({ ...tier, multiplier: 100, paymentFeeBps: null })) });

const redeem = (memberId: number, points: number, idempotencyKey = nextKey()) => ({ memberId, points, currency: 'CNY', idempotencyKey });
const unredeem = (transferId: number, idempotencyKey = nextKey()) => ({ transferId, reason: 'redeemed by mistake', idempotencyKey });

async function lots(branch: PointsBranch, memberId: number) {
  return ok(branch.router, 'points.lots', { memberId });
}

function months(branch: PointsBranch, count: number) {
  const next = new Date(branch.now());
  next.setUTCMonth(next.getUTCMonth() + count);
  branch.advanceDays(0, next.getTime() - branch.now().getTime());
}

async function runDue(branch: PointsBranch) {
  const outcomes = await ok(branch.router, 'jobs.runDue', {});
  expect(outcomes.filter((o) => o.error !== null)).toEqual([]);
  return Object.fromEntries(outcomes.map((o) => [o.task, o.counts]));
}

describe('points redeemed twice through a second path', () => {
  it('answers a replayed redemption key with the first redemption, moving nothing again', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '王小明');
    await pay(branch.router, member.id, 30_000);
    const first = await ok(branch.router, 'points.redeem', redeem(member.id, 200, 'redeem-1'));
    const after = pointsState(branch, [member.id]);
    branch.advanceDays(1);
    expect(await ok(branch.router, 'points.redeem', redeem(member.id, 200, 'redeem-1'))).toEqual(first);
    branch.advanceDays(-1);
    expect(pointsState(branch, [member.id])).toEqual(after);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 100, redeemedCredit: [{ currency: 'CNY', amount: 200 }] });
  });

  it('gives a redemption back once: a second reversal is ALREADY_REVERSED, a retried one answers the first, and ledger.reverse is refused', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '王小明');
    await pay(branch.router, member.id, 30_000);
    const redemption = await ok(branch.router, 'points.redeem', redeem(member.id, 300));
    for (const leg of redemption.transferIds) {
      await expectRefused(branch, [member.id], 'ledger.reverse', { transferId: leg, reason: 'second path', idempotencyKey: nextKey() }, 'REVERSAL_NOT_ALLOWED');
    }
    const back = await ok(branch.router, 'points.reverseRedemption', unredeem(redemption.transferIds[1]!, 'unredeem-1'));
    expect(back).toMatchObject({ points: 300, balanceAfter: 300 });
    expect(await ok(branch.router, 'points.reverseRedemption', unredeem(redemption.transferIds[1]!, 'unredeem-1'))).toEqual(back);
    for (const leg of redemption.transferIds) {
      const error = await expectRefused(branch, [member.id], 'points.reverseRedemption', unredeem(leg), 'ALREADY_REVERSED');
      expect(error?.details).toMatchObject({ field: 'transferId' });
    }
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 300, spendable: 300, redeemedCredit: [] });
    // The points came back once, so they redeem once more, and no further.
    await ok(branch.router, 'points.redeem', redeem(member.id, 300));
    await expectRefused(branch, [member.id], 'points.redeem', redeem(member.id, 100), 'POINTS_INSUFFICIENT');
    await expectVerified(branch.router);
  });
});

describe('a lot expiring while later lots exist', () => {
  it('removes only what remains in the expired lot; later lots keep every point and the balance is the sum of what remains', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '李四');
    await pay(branch.router, member.id, 15_000);
    months(branch, 4);
    await pay(branch.router, member.id, 5_000);
    months(branch, 4);
    await pay(branch.router, member.id, 4_000);
    months(branch, 1);
    const redemption = await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    const [first, second, third] = await lots(branch, member.id);
    expect(redemption.lineage).toEqual([{ lotId: first!.id, points: 100, expiresAt: first!.expiresAt }]);
    expect([first!.remaining, second!.remaining, third!.remaining]).toEqual([50, 50, 40]);

    // Nothing is due a day before the first lot's expiry.
    branch.advanceDays(0, new Date(first!.expiresAt!).getTime() - branch.now().getTime() - 86_400_000);
    expect((await runDue(branch))['points.expireLots']).toEqual({ members: 0, lots: 0, points: 0 });
    branch.advanceDays(2);
    expect((await runDue(branch))['points.expireLots']).toEqual({ members: 1, lots: 1, points: 50 });
    expect((await runDue(branch))['points.expireLots']).toEqual({ members: 0, lots: 0, points: 0 });

    const after = await lots(branch, member.id);
    expect(after.map((lot) => [lot.id, lot.remaining, lot.state, lot.expiresAt])).toEqual([
      [second!.id, 50, 'live', second!.expiresAt],
      [third!.id, 40, 'live', third!.expiresAt],
      [first!.id, 0, 'expired', first!.expiresAt],
    ]);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 90, spendable: 90, upcomingExpiries: [{ points: 50 }, { points: 40 }] });
    const history = await ok(branch.router, 'points.history', { memberId: member.id });
    expect(history.rows[0]).toMatchObject({ move: 'expire', points: -50, balanceAfter: 90, lineage: [{ lotId: first!.id, points: -50 }] });
    await expectVerified(branch.router);
  });
});

describe('refunds and redeemed credit', () => {
  it('earns nothing on an order paid with redeemed credit, and its refund takes no points back and gives the credit back', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '赵六', 0);
    await ok(branch.router, 'points.adjust', { memberId: member.id, points: 500, reason: 'welcome gift', idempotencyKey: nextKey() });
    await ok(branch.router, 'points.redeem', redeem(member.id, 500));
    const paid = await pay(branch.router, member.id, 400);
    expect(paid.balanceAfter).toBe(500 - 400 - paid.fee);
    const beforeRefund = await summaryOf(branch.router, member.id);
    expect(beforeRefund).toMatchObject({ balance: 0, redeemedCredit: [{ currency: 'CNY', amount: 500 - 400 - paid.fee }] });
    expect((await lots(branch, member.id)).map((lot) => lot.rule)).toEqual(['adjustment']);

    const refunded = await refund(branch.router, paid);
    expect(refunded.balanceAfter).toBe(500);
    const after = await summaryOf(branch.router, member.id);
    expect(after).toMatchObject({ balance: 0, shortfall: 0, redeemedCredit: [{ currency: 'CNY', amount: 500 }] });
    expect((await ok(branch.router, 'points.history', { memberId: member.id })).rows.map((row) => row.move)).toEqual(['redeem', 'earn']);
    await expectVerified(branch.router);
  });

  it('earns points only on the part of a payment made with the member\'s own money, and a refund takes back only those', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '赵六', 1_000);
    await ok(branch.router, 'points.adjust', { memberId: member.id, points: 500, reason: 'welcome gift', idempotencyKey: nextKey() });
    await ok(branch.router, 'points.redeem', redeem(member.id, 500));
    const paid = await pay(branch.router, member.id, 1_200);
    const earned = (await lots(branch, member.id)).find((lot) => lot.rule === 'payment');
    // 5.00 of credit, then 7.00 of the member's own: 7 points.
    expect(earned).toMatchObject({ amount: 7, remaining: 7, source: paid.receiptNumber });
    await refund(branch.router, paid);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 0, shortfall: 0, redeemedCredit: [{ currency: 'CNY', amount: 500 }] });
    expect((await lots(branch, member.id)).find((lot) => lot.rule === 'payment')).toMatchObject({ remaining: 0, state: 'revoked', shortfall: 0 });
    await expectVerified(branch.router);
  });

  it('takes back a refunded payment\'s points that were already spent from the member\'s other lots, soonest expiry first', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '钱七');
    const refunded = await pay(branch.router, member.id, 10_000);
    months(branch, 1);
    await pay(branch.router, member.id, 8_000);
    months(branch, 1);
    await pay(branch.router, member.id, 6_000);
    await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    const [soon, late, own] = await lots(branch, member.id);
    expect([soon!.remaining, late!.remaining, own!.remaining]).toEqual([80, 60, 0]);

    await refund(branch.router, refunded);
    const after = await lots(branch, member.id);
    expect(after.map((lot) => [lot.id, lot.remaining, lot.state, lot.shortfall])).toEqual([
      [late!.id, 40, 'live', 0],
      [own!.id, 0, 'revoked', 0],
      [soon!.id, 0, 'spent', 0],
    ]);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 40, shortfall: 0, tier: { qualifying: 140 } });
    await expectVerified(branch.router);
  });

  it('records what a refund could not take back on the lot and in the summary, never dropping it', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '钱七');
    const refunded = await pay(branch.router, member.id, 10_000);
    await pay(branch.router, member.id, 3_000);
    await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    branch.advanceDays(0, 60_000);
    await refund(branch.router, refunded);
    const revoked = (await lots(branch, member.id)).find((lot) => lot.source === refunded.receiptNumber);
    expect(revoked).toMatchObject({ amount: 100, remaining: 0, state: 'revoked', shortfall: 70 });
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 0, spendable: 0, shortfall: 70 });
    const history = await ok(branch.router, 'points.history', { memberId: member.id });
    expect(history.rows[0]).toMatchObject({ move: 'clawback', points: -30, balanceAfter: 0 });
    await expectVerified(branch.router);
  });

  it('does not take back twice the points a refunded payment lost to expiry', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, (rules) => ({ ...flat(rules), expiryMonths: 1 }));
    const member = await memberWithMoney(branch.router, '孙八');
    const refunded = await pay(branch.router, member.id, 10_000);
    months(branch, 1);
    branch.advanceDays(1);
    await runDue(branch);
    await ok(branch.router, 'points.adjust', { memberId: member.id, points: 50, reason: 'goodwill', idempotencyKey: nextKey() });
    await refund(branch.router, refunded);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 50, shortfall: 0 });
    await expectVerified(branch.router);
  });
});

describe('the pending window', () => {
  it('keeps a payment\'s points unspendable until the window ends, and a refund inside it costs the member nothing else', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, (rules) => ({ ...flat(rules), pendingDays: 7 }));
    const member = await memberWithMoney(branch.router, '周九');
    await ok(branch.router, 'points.adjust', { memberId: member.id, points: 50, reason: 'goodwill', idempotencyKey: nextKey() });
    const pending = await pay(branch.router, member.id, 10_000);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 150, spendable: 50, pending: 100 });
    expect((await lots(branch, member.id)).find((lot) => lot.rule === 'payment')).toMatchObject({ state: 'pending' });
    await expectRefused(branch, [member.id], 'points.redeem', redeem(member.id, 100), 'POINTS_INSUFFICIENT');

    branch.advanceDays(3);
    await refund(branch.router, pending);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 50, spendable: 50, pending: 0, shortfall: 0 });
    expect((await lots(branch, member.id)).find((lot) => lot.rule === 'adjustment')).toMatchObject({ remaining: 50 });

    await pay(branch.router, member.id, 10_000);
    branch.advanceDays(7);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 150, spendable: 150, pending: 0 });
    await ok(branch.router, 'points.redeem', redeem(member.id, 150));
    await expectVerified(branch.router);
  });
});

describe('reversing a redemption', () => {
  it('gives each consumed lot back its points, with its original expiry', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '吴十');
    await pay(branch.router, member.id, 6_000);
    months(branch, 1);
    await pay(branch.router, member.id, 7_000);
    const before = await lots(branch, member.id);
    months(branch, 1);
    const redemption = await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    expect(redemption.lineage.map((part) => [part.lotId, part.points, part.expiresAt])).toEqual([[before[0]!.id, 60, before[0]!.expiresAt], [before[1]!.id, 40, before[1]!.expiresAt]]);
    months(branch, 1);
    await ok(branch.router, 'points.reverseRedemption', unredeem(redemption.transferIds[0]!));
    expect(await lots(branch, member.id)).toEqual(before);
    await expectVerified(branch.router);
  });

  it('gives back to a lot already past its expiry, which cannot be spent and the next expiry run removes', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, (rules) => ({ ...flat(rules), expiryMonths: 1 }));
    const member = await memberWithMoney(branch.router, '吴十');
    await pay(branch.router, member.id, 10_000);
    branch.advanceDays(10);
    await pay(branch.router, member.id, 5_000);
    const redemption = await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    const [early, later] = (await lots(branch, member.id)).sort((a, b) => a.id - b.id);
    branch.advanceDays(0, new Date(early!.expiresAt!).getTime() - branch.now().getTime() + 1);
    expect((await runDue(branch))['points.expireLots']).toEqual({ members: 0, lots: 0, points: 0 });
    await ok(branch.router, 'points.reverseRedemption', unredeem(redemption.transferIds[0]!));
    expect((await lots(branch, member.id)).find((lot) => lot.id === early!.id)).toMatchObject({ remaining: 100, expiresAt: early!.expiresAt });
    // Held until the run, but past their expiry: not spendable, not pending.
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 150, spendable: 50, pending: 0 });
    await expectRefused(branch, [member.id], 'points.redeem', redeem(member.id, 100), 'POINTS_INSUFFICIENT');
    expect((await runDue(branch))['points.expireLots']).toEqual({ members: 1, lots: 1, points: 100 });
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 50 });
    expect((await lots(branch, member.id)).find((lot) => lot.id === later!.id)).toMatchObject({ remaining: 50 });
    await expectVerified(branch.router);
  });
});

describe('tiers', () => {
  it('never lowers a tier on redeeming: it follows qualifying points, not the balance', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '郑十一');
    await pay(branch.router, member.id, 15_000);
    await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    await runDue(branch);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 50, tier: { tier: 'gold', qualifying: 150, due: 'gold' } });
  });

  it('upgrades at once, and downgrades only when the daily review runs', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '冯十二');
    await pay(branch.router, member.id, 9_900);
    expect((await summaryOf(branch.router, member.id)).tier.tier).toBe('standard');
    await pay(branch.router, member.id, 100);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ tier: { tier: 'gold', since: branch.now().toISOString() } });

    months(branch, 12);
    branch.advanceDays(1);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ tier: { tier: 'gold', qualifying: 0, due: 'standard' } });
    expect((await runDue(branch))['points.downgradeTiers']).toEqual({ downgraded: 1 });
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ tier: { tier: 'standard', due: 'standard' } });
    await expectVerified(branch.router);
  });

  it('holds a floor through the review, and moves to what the points give when it is removed', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const member = await memberWithMoney(branch.router, '陈十三');
    await pay(branch.router, member.id, 12_000);
    expect(await ok(branch.router, 'points.setTierFloor', { memberId: member.id, floor: 'diamond', reason: 'corporate account' })).toMatchObject({ tier: 'diamond', floor: 'diamond' });
    months(branch, 13);
    await runDue(branch);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ tier: { tier: 'diamond', floor: 'diamond', qualifying: 0 } });
    expect(await ok(branch.router, 'points.setTierFloor', { memberId: member.id, floor: null, reason: 'contract ended' })).toMatchObject({ tier: 'standard', floor: null });
    await expectVerified(branch.router);
  });

  it('moves members up and down on a rule change exactly as its dry run said, and the dry run changes nothing', async () => {
    const branch = await pointsBranch();
    await changeRules(branch.router, flat);
    const low = await memberWithMoney(branch.router, 'Low');
    const mid = await memberWithMoney(branch.router, 'Mid');
    const high = await memberWithMoney(branch.router, 'High');
    const near = await memberWithMoney(branch.router, 'Near');
    const none = await addMember(branch.router, { name: 'None' });
    await pay(branch.router, low.id, 8_000);
    await pay(branch.router, mid.id, 15_000);
    await pay(branch.router, high.id, 60_000);
    await pay(branch.router, near.id, 52_000);
    const all = [low, mid, high, near, none];
    const tiersOf = async () => Promise.all(all.map(async (m) => (await summaryOf(branch.router, m.id)).tier.tier));
    expect(await tiersOf()).toEqual(['standard', 'gold', 'diamond', 'diamond', 'standard']);

    // Gold from 50 lifts Low; VIP from 600 lifts High; Diamond from 550 drops Near to Gold.
    const { rules } = await ok(branch.router, 'points.rules', {});
    const thresholds = [0, 50, 550, 600];
    const next = { ...rules, tiers: rules.tiers.map((tier, index) => ({ ...tier, threshold: thresholds[index]! })) };
    const members = all.map((m) => m.id);
    const before = pointsState(branch, members);
    const preview = await ok(branch.router, 'points.updateRules', { rules: next, dryRun: true });
    expect(pointsState(branch, members)).toEqual(before);
    expect(preview.changes).toEqual({
      up: 2,
      down: 1,
      members: [
        { member: expect.objectContaining({ id: high.id }), from: 'diamond', to: 'vip', qualifying: 600 },
        { member: expect.objectContaining({ id: near.id }), from: 'diamond', to: 'gold', qualifying: 520 },
        { member: expect.objectContaining({ id: low.id }), from: 'standard', to: 'gold', qualifying: 80 },
      ].map((move) => expect.objectContaining(move)),
    });

    const saved = await ok(branch.router, 'points.updateRules', { rules: next });
    expect(saved.changes).toEqual(preview.changes);
    expect(saved.saved.version).toBe(preview.saved.version);
    expect(await tiersOf()).toEqual(['gold', 'gold', 'vip', 'gold', 'standard']);
    await expectVerified(branch.router);
  });
});
