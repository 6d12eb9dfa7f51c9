import { describe, expect, it } from 'vitest';
import { ok } from '../support/temp-data';
import { addMember, nextKey, signInAs } from './members-fixtures';
import { changeRules, expectRefused, expectVerified, memberWithMoney, pay, pointsBranch, refund, summaryOf, type PointsBranch } from './points-fixtures';

// Issue 9, "Bad input and failure": every refusal of the points scheme, through the router on a
// real encrypted folder. Each answers its code, and leaves the member's points, lots and wallets,
// the trial balance, the audit log and every points table exactly as they were.

/** A member who paid 150.00 (150 points, one lot) and still has 4,850.00. */
async function memberWithPoints(branch: PointsBranch, name = '积分会员') {
  const member = await memberWithMoney(branch.router, name);
  await pay(branch.router, member.id, 15_000);
  expect((await summaryOf(branch.router, member.id)).balance).toBe(150);
  return member;
}

const redeem = (memberId: number, points: number) => ({ memberId, points, currency: 'CNY', idempotencyKey: nextKey() });

describe('points.redeem refusals', () => {
  it('refuses more than the spendable balance with POINTS_INSUFFICIENT, naming what is available', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    const error = await expectRefused(branch, [member.id], 'points.redeem', redeem(member.id, 200), 'POINTS_INSUFFICIENT');
    expect(error?.details).toMatchObject({ field: 'points', available: 150, points: 200 });
    await expectRefused(branch, [member.id], 'points.redeem', { ...redeem(member.id, 200), dryRun: true }, 'POINTS_INSUFFICIENT');
  });

  it('counts points still in their pending window as held but not spendable: POINTS_INSUFFICIENT', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    await changeRules(branch.router, (rules) => ({ ...rules, pendingDays: 7 }));
    // Gold since the first payment: 100.00 earns 125 points, spendable in a week.
    await pay(branch.router, member.id, 10_000);
    expect(await summaryOf(branch.router, member.id)).toMatchObject({ balance: 275, spendable: 150, pending: 125 });
    const error = await expectRefused(branch, [member.id], 'points.redeem', redeem(member.id, 200), 'POINTS_INSUFFICIENT');
    expect(error?.details).toMatchObject({ available: 150, points: 200 });
  });

  it('refuses a member who never earned a point with POINTS_INSUFFICIENT, opening no account', async () => {
    const branch = await pointsBranch();
    const member = await memberWithMoney(branch.router, 'No Points');
    await expectRefused(branch, [member.id], 'points.redeem', redeem(member.id, 100), 'POINTS_INSUFFICIENT');
  });

  it('refuses less than one redemption unit with POINTS_BELOW_UNIT, naming the unit', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    const error = await expectRefused(branch, [member.id], 'points.redeem', redeem(member.id, 99), 'POINTS_BELOW_UNIT');
    expect(error?.details).toMatchObject({ field: 'points', unit: 100 });
  });

  it('refuses zero, negative and fractional points with AMOUNT_INVALID naming the field', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    for (const [points, reason] of [[0, 'not_positive'], [-100, 'not_positive'], [100.5, 'not_whole'], [2 ** 53, 'not_whole']] as const) {
      const error = await expectRefused(branch, [member.id], 'points.redeem', redeem(member.id, points), 'AMOUNT_INVALID');
      expect(error?.details).toEqual({ field: 'points', reason });
    }
  });

  it('refuses a frozen member with MEMBER_FROZEN and a closed one with MEMBER_CLOSED', async () => {
    const branch = await pointsBranch();
    const frozen = await memberWithPoints(branch);
    await ok(branch.router, 'members.freeze', { id: frozen.id, reason: 'card reported lost' });
    await expectRefused(branch, [frozen.id], 'points.redeem', redeem(frozen.id, 100), 'MEMBER_FROZEN');
    const closed = await addMember(branch.router, { name: 'Gone' });
    await ok(branch.router, 'members.close', { id: closed.id, reason: 'moved away' });
    await expectRefused(branch, [closed.id], 'points.redeem', redeem(closed.id, 100), 'MEMBER_CLOSED');
  });

  it('refuses a currency the branch does not use, and a replayed key with other points, each changing nothing', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    await expectRefused(branch, [member.id], 'points.redeem', { ...redeem(member.id, 100), currency: 'USD' }, 'CURRENCY_DISABLED');
    await ok(branch.router, 'points.redeem', { ...redeem(member.id, 100), idempotencyKey: 'redeem-once' });
    const error = await expectRefused(branch, [member.id], 'points.redeem', { ...redeem(member.id, 200), idempotencyKey: 'redeem-once' }, 'IDEMPOTENCY_CONFLICT');
    expect(error?.details).toMatchObject({ field: 'amount' });
  });
});

describe('points.reverseRedemption refusals', () => {
  it('refuses a transfer that is not a redemption with REVERSAL_NOT_ALLOWED, and an unknown one with TRANSFER_NOT_FOUND', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    const earned = (await ok(branch.router, 'points.lots', { memberId: member.id }))[0]!.id;
    const reverse = (transferId: number) => ({ transferId, reason: 'mistake', idempotencyKey: nextKey() });
    await expectRefused(branch, [member.id], 'points.reverseRedemption', reverse(earned), 'REVERSAL_NOT_ALLOWED');
    const unknown = await expectRefused(branch, [member.id], 'points.reverseRedemption', reverse(99_999), 'TRANSFER_NOT_FOUND');
    expect(unknown?.details).toEqual({ field: 'transferId' });
  });

  it('refuses to take back credit the wallet no longer holds with INSUFFICIENT_FUNDS', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    const redemption = await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    const { wallets } = await ok(branch.router, 'wallets.summary', { memberId: member.id });
    await ok(branch.router, 'wallets.withdraw', { memberId: member.id, amount: wallets.find((w) => w.currency === 'CNY')!.balance, currency: 'CNY', idempotencyKey: nextKey() });
    await expectRefused(branch, [member.id], 'points.reverseRedemption', { transferId: redemption.transferIds[0]!, reason: 'mistake', idempotencyKey: nextKey() }, 'INSUFFICIENT_FUNDS');
  });
});

describe('referral and review refusals', () => {
  it('refuses the same referred member twice with REFERRAL_EXISTS, whoever refers them', async () => {
    const branch = await pointsBranch();
    const [a, b, c] = [await addMember(branch.router, { name: 'A' }), await addMember(branch.router, { name: 'B' }), await addMember(branch.router, { name: 'C' })];
    await ok(branch.router, 'points.recordReferral', { referrerId: a.id, referredId: c.id, idempotencyKey: nextKey() });
    const members = [a.id, b.id, c.id];
    const again = await expectRefused(branch, members, 'points.recordReferral', { referrerId: a.id, referredId: c.id, idempotencyKey: nextKey() }, 'REFERRAL_EXISTS');
    expect(again?.details).toMatchObject({ field: 'referredId', referrerId: a.id });
    await expectRefused(branch, members, 'points.recordReferral', { referrerId: b.id, referredId: c.id, idempotencyKey: nextKey() }, 'REFERRAL_EXISTS');
  });

  it('answers a retried referral (the same idempotency key) with the first one, not REFERRAL_EXISTS', async () => {
    const branch = await pointsBranch();
    const [a, c] = [await addMember(branch.router, { name: 'A' }), await addMember(branch.router, { name: 'C' })];
    const request = { referrerId: a.id, referredId: c.id, idempotencyKey: 'referral-1' };
    const first = await ok(branch.router, 'points.recordReferral', request);
    expect(await ok(branch.router, 'points.recordReferral', request)).toEqual(first);
    expect((await summaryOf(branch.router, a.id)).balance).toBe(10);
    const d = await addMember(branch.router, { name: 'D' });
    const error = await expectRefused(branch, [a.id, c.id, d.id], 'points.recordReferral', { ...request, referredId: d.id }, 'IDEMPOTENCY_CONFLICT');
    expect(error?.details).toMatchObject({ field: 'memo' });
  });

  it('answers a retried fifth review with the first answer, not POINTS_CAP_REACHED', async () => {
    const branch = await pointsBranch();
    const a = await addMember(branch.router, { name: 'A' });
    for (let n = 1; n <= 4; n += 1) await ok(branch.router, 'points.recordReview', { memberId: a.id, reference: `review-${n}`, idempotencyKey: nextKey() });
    const fifth = { memberId: a.id, reference: 'review-5', idempotencyKey: 'review-5' };
    const first = await ok(branch.router, 'points.recordReview', fifth);
    expect(await ok(branch.router, 'points.recordReview', fifth)).toEqual(first);
    expect((await summaryOf(branch.router, a.id)).balance).toBe(5);
  });

  it('refuses a member referring themselves with SELF_REFERRAL', async () => {
    const branch = await pointsBranch();
    const a = await addMember(branch.router, { name: 'A' });
    await expectRefused(branch, [a.id], 'points.recordReferral', { referrerId: a.id, referredId: a.id, idempotencyKey: nextKey() }, 'SELF_REFERRAL');
  });

  it('refuses a sixth review in a day with POINTS_CAP_REACHED, and takes it the next day', async () => {
    const branch = await pointsBranch();
    const a = await addMember(branch.router, { name: 'A' });
    for (let n = 1; n <= 5; n += 1) await ok(branch.router, 'points.recordReview', { memberId: a.id, reference: `review-${n}`, idempotencyKey: nextKey() });
    const error = await expectRefused(branch, [a.id], 'points.recordReview', { memberId: a.id, reference: 'review-6', idempotencyKey: nextKey() }, 'POINTS_CAP_REACHED');
    expect(error?.details).toEqual({ field: 'memberId', cap: 5, period: 'day' });
    branch.advanceDays(1);
    await ok(branch.router, 'points.recordReview', { memberId: a.id, reference: 'review-6', idempotencyKey: nextKey() });
    expect((await summaryOf(branch.router, a.id)).balance).toBe(6);
  });

  it('refuses a sixth referral in a month with POINTS_CAP_REACHED naming the referrer', async () => {
    const branch = await pointsBranch();
    const a = await addMember(branch.router, { name: 'A' });
    for (let n = 1; n <= 5; n += 1) {
      const referred = await addMember(branch.router, { name: `Friend ${n}` });
      await ok(branch.router, 'points.recordReferral', { referrerId: a.id, referredId: referred.id, idempotencyKey: nextKey() });
    }
    const sixth = await addMember(branch.router, { name: 'Friend 6' });
    const error = await expectRefused(branch, [a.id, sixth.id], 'points.recordReferral', { referrerId: a.id, referredId: sixth.id, idempotencyKey: nextKey() }, 'POINTS_CAP_REACHED');
    expect(error?.details).toEqual({ field: 'referrerId', cap: 5, period: 'month' });
  });

  it('refuses a frozen member\'s review or referral with MEMBER_FROZEN', async () => {
    const branch = await pointsBranch();
    const [a, b] = [await addMember(branch.router, { name: 'A' }), await addMember(branch.router, { name: 'B' })];
    await ok(branch.router, 'members.freeze', { id: a.id, reason: 'under review' });
    await expectRefused(branch, [a.id, b.id], 'points.recordReview', { memberId: a.id, reference: 'r', idempotencyKey: nextKey() }, 'MEMBER_FROZEN');
    await expectRefused(branch, [a.id, b.id], 'points.recordReferral', { referrerId: a.id, referredId: b.id, idempotencyKey: nextKey() }, 'MEMBER_FROZEN');
  });
});

describe('adjustment, floor and permission refusals', () => {
  const adjust = (memberId: number, points: number, reason = 'goodwill') => ({ memberId, points, reason, idempotencyKey: nextKey() });

  it('refuses an adjustment without a reason with INVALID_INPUT naming the reason', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    for (const reason of ['', '   ']) {
      const error = await expectRefused(branch, [member.id], 'points.adjust', adjust(member.id, 50, reason), 'INVALID_INPUT');
      expect(error?.details).toMatchObject({ field: 'reason' });
    }
    const { reason: _omitted, ...withoutReason } = adjust(member.id, 50);
    await expectRefused(branch, [member.id], 'points.adjust', withoutReason as never, 'INVALID_INPUT');
  });

  it('refuses zero or fractional adjustments with AMOUNT_INVALID, and taking more than the member holds with POINTS_INSUFFICIENT', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    await expectRefused(branch, [member.id], 'points.adjust', adjust(member.id, 0), 'AMOUNT_INVALID');
    await expectRefused(branch, [member.id], 'points.adjust', adjust(member.id, -1.5), 'AMOUNT_INVALID');
    await expectRefused(branch, [member.id], 'points.adjust', adjust(member.id, -151), 'POINTS_INSUFFICIENT');
  });

  it('refuses a teller adjusting points, setting a floor, reversing a redemption or changing the rules with FORBIDDEN', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    const redemption = await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    const { rules } = await ok(branch.router, 'points.rules', {});
    await signInAs(branch.router, 'teller');
    await expectRefused(branch, [member.id], 'points.adjust', adjust(member.id, 50), 'FORBIDDEN');
    await expectRefused(branch, [member.id], 'points.setTierFloor', { memberId: member.id, floor: 'gold', reason: 'loyal customer' }, 'FORBIDDEN');
    await expectRefused(branch, [member.id], 'points.reverseRedemption', { transferId: redemption.transferIds[0]!, reason: 'mistake', idempotencyKey: nextKey() }, 'FORBIDDEN');
    await expectRefused(branch, [member.id], 'points.updateRules', { rules: { ...rules, pointsPerReview: 5 } }, 'FORBIDDEN');
  });

  it('refuses a floor naming a tier the rules do not have with TIER_UNKNOWN', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    const error = await expectRefused(branch, [member.id], 'points.setTierFloor', { memberId: member.id, floor: 'platinum', reason: 'loyal customer' }, 'TIER_UNKNOWN');
    expect(error?.details).toEqual({ field: 'floor', tier: 'platinum' });
  });
});

describe('ledger.reverse refuses every points transfer, so no point moves by a second path', () => {
  it('refuses an earning, a redemption\'s two legs, an adjustment, a take-back, an expiry and a redemption\'s reversal with REVERSAL_NOT_ALLOWED', async () => {
    const branch = await pointsBranch();
    const member = await memberWithPoints(branch);
    const other = await memberWithMoney(branch.router, 'Other');
    const refunded = await pay(branch.router, other.id, 5_000);
    await pay(branch.router, other.id, 20_000);
    const redemption = await ok(branch.router, 'points.redeem', redeem(member.id, 100));
    const unredeemed = await ok(branch.router, 'points.reverseRedemption', { transferId: redemption.transferIds[0]!, reason: 'mistake', idempotencyKey: nextKey() });
    const adjusted = await ok(branch.router, 'points.adjust', { memberId: member.id, points: -10, reason: 'double counted', idempotencyKey: nextKey() });
    await refund(branch.router, refunded);
    branch.advanceDays(400);
    await ok(branch.router, 'jobs.runDue', {});
    const store = branch.router.state.requireStore();
    const kinds = store.sqlite.prepare(`SELECT kind, min(id) AS id FROM transfers WHERE kind LIKE 'points%' GROUP BY kind ORDER BY kind`).all() as { kind: string; id: number }[];
    expect(kinds.map((k) => k.kind)).toEqual(['points_adjust', 'points_clawback', 'points_earn', 'points_expire', 'points_redeem', 'points_redemption']);

    const members = [member.id, other.id];
    for (const { kind, id } of kinds) {
      const error = await expectRefused(branch, members, 'ledger.reverse', { transferId: id, reason: 'try', idempotencyKey: nextKey() }, 'REVERSAL_NOT_ALLOWED');
      expect({ kind, details: error?.details }).toEqual({ kind, details: { field: 'transferId', kind } });
    }
    await expectRefused(branch, members, 'ledger.reverse', { transferId: unredeemed.transferId, reason: 'try', idempotencyKey: nextKey() }, 'REVERSAL_NOT_ALLOWED');
    expect(adjusted.points).toBe(-10);
    await expectVerified(branch.router);
  });
});
