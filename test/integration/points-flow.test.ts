import { describe, expect, it } from 'vitest';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, nextKey } from './members-fixtures';

// Issue 9: a payment earns points and lifts the tier at once, the points redeem into wallet
// credit in whole units, and a refund takes the points back; verify stays clean throughout.

describe('points: earn by payment → tier → redeem → refund', () => {
  it('earns α per 1.00 paid, upgrades to Gold at 100 qualifying points, redeems whole units and takes back a refunded payment\'s points', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router, { name: 'Points Member' });
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: 100_000, currency: 'CNY', idempotencyKey: nextKey() });
    const first = await ok(router, 'wallets.pay', { memberId: member.id, amount: 6_050, currency: 'CNY', merchant: '星巴克', idempotencyKey: nextKey() });
    expect(first.fee).toBe(30);
    let summary = await ok(router, 'points.summary', { memberId: member.id });
    expect(summary).toMatchObject({ balance: 60, spendable: 60, tier: { tier: 'standard', qualifying: 60, next: { tier: 'gold', needed: 40 } } });

    const second = await ok(router, 'wallets.pay', { memberId: member.id, amount: 5_000, currency: 'CNY', merchant: 'Tea', idempotencyKey: nextKey() });
    summary = await ok(router, 'points.summary', { memberId: member.id });
    expect(summary).toMatchObject({ balance: 110, tier: { tier: 'gold', qualifying: 110 } });
    // Gold's fee rate, 0.4%, applies from the next payment; its multiplier, ×1.25, too.
    const third = await ok(router, 'wallets.pay', { memberId: member.id, amount: 10_000, currency: 'CNY', merchant: 'Tea', idempotencyKey: nextKey() });
    expect(third.fee).toBe(40);
    expect((await ok(router, 'points.summary', { memberId: member.id })).balance).toBe(235);

    const preview = await ok(router, 'points.redeem', { memberId: member.id, points: 150, currency: 'CNY', idempotencyKey: 'r1', dryRun: true });
    expect(preview).toMatchObject({ pointsRedeemed: 100, pointsKept: 50, amount: 100, pointsBalanceAfter: 135 });
    expect((await ok(router, 'points.summary', { memberId: member.id })).balance).toBe(235);
    const redeemed = await ok(router, 'points.redeem', { memberId: member.id, points: 150, currency: 'CNY', idempotencyKey: 'r1' });
    expect(redeemed.lineage).toEqual([{ lotId: expect.any(Number), points: 60, expiresAt: expect.any(String) }, { lotId: expect.any(Number), points: 40, expiresAt: expect.any(String) }]);
    expect(await ok(router, 'points.redeem', { memberId: member.id, points: 150, currency: 'CNY', idempotencyKey: 'r1' })).toEqual(redeemed);

    // The first payment's 60 points were all redeemed: the refund takes 60 from the other lots.
    await ok(router, 'wallets.reverse', { transferId: first.transferIds[0]!, reason: 'returned', idempotencyKey: nextKey() });
    summary = await ok(router, 'points.summary', { memberId: member.id });
    expect(summary).toMatchObject({ balance: 75, shortfall: 0, tier: { tier: 'gold', qualifying: 175 } });
    const report = await ok(router, 'system.verify', {});
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['points.lots', 'points.balances', 'points.credit', 'points.records', 'points.tiers']));
    expect(second.operation).toBe('payment');

    const history = await ok(router, 'points.history', { memberId: member.id });
    expect(history.rows.map((r) => [r.move, r.points, r.balanceAfter])).toEqual([
      ['clawback', -60, 75], ['redeem', -100, 135], ['earn', 125, 235], ['earn', 50, 110], ['earn', 60, 60],
    ]);
    expect(history.rows[1]!.redemption).toEqual({ currency: 'CNY', amount: 100, reversed: false });
    const months = await ok(router, 'points.monthly', { memberId: member.id, months: 2 });
    expect(months[1]).toMatchObject({ earned: 235, spent: 160, expired: 0 });
    const outcomes = await ok(router, 'jobs.runDue', {});
    expect(outcomes.every((o) => o.error === null)).toBe(true);
    // 175 qualifying points still reach Gold: the review leaves the tier alone.
    expect((await ok(router, 'points.summary', { memberId: member.id })).tier.tier).toBe('gold');
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
    // The points account is no wallet the counter offers.
    expect((await ok(router, 'wallets.summary', { memberId: member.id })).wallets.map((w) => w.currency)).toEqual(['CNY']);
  });
});
