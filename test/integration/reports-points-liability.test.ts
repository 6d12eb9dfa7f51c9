import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src-shared/contract/reports';
import { ok } from '../support/temp-data';
import { nextKey, signInAs } from './members-fixtures';
import { changeRules, memberWithMoney, pay, pointsBranch, summaryOf, type PointsBranch } from './points-fixtures';
import { expectLabelled, expectReportRefused, runReport, sectionIn } from './reports-fixtures';

// Points liability: the points members hold at a moment, by expiry bucket and by member. The
// figures are checked against the ledger's own: every member's points account in the trial
// balance at the same moment, and each member's points summary.

/** Moves the branch's clock to `iso` (forward only). */
function at(branch: PointsBranch, iso: string) {
  const ms = new Date(iso).getTime() - branch.now().getTime();
  expect(ms).toBeGreaterThanOrEqual(0);
  branch.advanceDays(0, ms);
}

/**
 * Six members earning on known days (default rules: 1 point per 1.00 paid, lots live 12 months):
 * E's lot ends 2025-01-09, D's 2025-01-15, B's 2025-03-01; A earns twice (the second at Gold's
 * 1.25×) and redeems 100, emptying the first lot; C earns when points never expire, F when they
 * live 24 months.
 */
async function sixMembers(branch: PointsBranch) {
  const { router } = branch;
  const member = async (name: string) => memberWithMoney(router, name, 100_000);
  const [a, b, c, d, e, f] = [await member('甲'), await member('乙'), await member('丙'), await member('丁'), await member('戊'), await member('己')];
  await pay(router, a.id, 10_000);
  at(branch, '2024-01-09T09:00:00.000Z');
  await pay(router, e.id, 4_000);
  at(branch, '2024-01-15T09:00:00.000Z');
  await pay(router, d.id, 3_000);
  at(branch, '2024-03-01T09:00:00.000Z');
  await pay(router, b.id, 20_000);
  at(branch, '2024-06-01T09:00:00.000Z');
  await pay(router, a.id, 10_000);
  at(branch, '2024-06-02T09:00:00.000Z');
  await changeRules(router, (rules) => ({ ...rules, expiryMonths: null }));
  await pay(router, c.id, 5_000);
  at(branch, '2024-06-03T09:00:00.000Z');
  await ok(router, 'points.redeem', { memberId: a.id, points: 100, currency: 'CNY', idempotencyKey: nextKey() });
  at(branch, '2024-06-04T09:00:00.000Z');
  await changeRules(router, (rules) => ({ ...rules, expiryMonths: 24 }));
  await pay(router, f.id, 6_000);
  return { a, b, c, d, e, f };
}

function bucketsOf(report: ReportDocument) {
  return Object.fromEntries(sectionIn(report, 'buckets').rows.map((row) => [row.bucket, [row.points, row.value]]));
}

function membersOf(report: ReportDocument) {
  return sectionIn(report, 'members').rows.map((row) => [row.memberNumber, row.tier, row.points, row.expiringWithin30Days, row.value, row.currency]);
}

/** What the trial balance at `asOf` says members hold in points: the sum of their PTS wallets. */
async function pointsInTrialBalance(branch: PointsBranch, asOf: string): Promise<number> {
  const trial = await runReport(branch.router, 'trial-balance', { asOf });
  return sectionIn(trial, 'accounts').rows.filter((row) => String(row.code).startsWith('2100-') && row.currency === 'PTS').reduce((sum, row) => sum + (row.balance as number), 0);
}

describe('points liability', () => {
  it('buckets the points held by when they expire, member by member, each valued at the redemption rate, adding up to the members’ points accounts', async () => {
    const branch = await pointsBranch();
    const { a, b, c, d, e, f } = await sixMembers(branch);
    at(branch, '2025-01-10T12:00:00.000Z');
    const report = await runReport(branch.router, 'points-liability');
    const asOf = branch.now().toISOString();
    expect(report.header.parameters).toEqual({ asOf, redemptionRate: '100 PTS = 1 CNY' });
    // 100 points make 1.00 CNY: a point is worth one fen.
    expect(bucketsOf(report)).toEqual({
      pastExpiry: [40, 40],
      within30Days: [30, 30],
      within90Days: [200, 200],
      within365Days: [125, 125],
      later: [60, 60],
      never: [50, 50],
      total: [505, 505],
    });
    expect(membersOf(report)).toEqual([
      [a.memberNumber, 'gold', 125, 0, 125, 'CNY'],
      [b.memberNumber, 'gold', 200, 0, 200, 'CNY'],
      [c.memberNumber, 'standard', 50, 0, 50, 'CNY'],
      [d.memberNumber, 'standard', 30, 30, 30, 'CNY'],
      [e.memberNumber, 'standard', 40, 40, 40, 'CNY'],
      [f.memberNumber, 'standard', 60, 0, 60, 'CNY'],
    ]);
    expect(sectionIn(report, 'members').totalRows).toBe(6);
    for (const member of [a, b, c, d, e, f]) {
      const row = sectionIn(report, 'members').rows.find((r) => r.memberNumber === member.memberNumber)!;
      expect(row.points).toBe((await summaryOf(branch.router, member.id)).balance);
    }
    expect(await pointsInTrialBalance(branch, asOf)).toBe(505);
    expectLabelled(report);

    // The expiry run empties E's lot a minute later: from then it is owed no more, and a report
    // taken at the moment before still counts it, past its expiry.
    at(branch, '2025-01-10T12:01:00.000Z');
    await ok(branch.router, 'jobs.runDue', {});
    const after = await runReport(branch.router, 'points-liability');
    expect(bucketsOf(after).pastExpiry).toEqual([0, 0]);
    expect(bucketsOf(after).total).toEqual([465, 465]);
    expect(membersOf(after).map(([number]) => number)).not.toContain(e.memberNumber);
    expect(await pointsInTrialBalance(branch, branch.now().toISOString())).toBe(465);
    expect(bucketsOf(await runReport(branch.router, 'points-liability', { asOf }))).toEqual(bucketsOf(report));
  });

  it('takes a past moment as the lots stood then: a lot spent since still counts, a lot earned since does not, buckets measured from that moment', async () => {
    const branch = await pointsBranch();
    const { a, b, d, e } = await sixMembers(branch);
    at(branch, '2025-01-10T12:00:00.000Z');
    const asOf = '2024-06-01T12:00:00.000Z';
    const report = await runReport(branch.router, 'points-liability', { asOf });
    expect(report.header.parameters.asOf).toBe(asOf);
    // Every lot then ended within the next 365 days (A's second on 2025-06-01 09:00, 364.9 days on).
    expect(bucketsOf(report)).toEqual({
      pastExpiry: [0, 0],
      within30Days: [0, 0],
      within90Days: [0, 0],
      within365Days: [495, 495],
      later: [0, 0],
      never: [0, 0],
      total: [495, 495],
    });
    expect(membersOf(report).map(([number, , points]) => [number, points])).toEqual([
      [a.memberNumber, 225],
      [b.memberNumber, 200],
      [d.memberNumber, 30],
      [e.memberNumber, 40],
    ]);
    expect(await pointsInTrialBalance(branch, asOf)).toBe(495);
    // From the day E's lot is 29 days from its end, it expires within 30 days.
    const later = await runReport(branch.router, 'points-liability', { asOf: '2024-12-11T09:00:00.000Z' });
    expect(bucketsOf(later).within30Days).toEqual([40, 40]);
    expect(membersOf(later).find(([number]) => number === e.memberNumber)?.[3]).toBe(40);
  });

  it('states nothing owed when no member holds points, with every bucket at zero', async () => {
    const branch = await pointsBranch();
    await memberWithMoney(branch.router, '庚', 10_000);
    const report = await runReport(branch.router, 'points-liability');
    expect(Object.values(bucketsOf(report))).toEqual(Array.from({ length: 7 }, () => [0, 0]));
    expect(sectionIn(report, 'members')).toMatchObject({ rows: [], totalRows: 0 });
  });

  it('refuses a moment in the future and a teller, changing nothing', async () => {
    const branch = await pointsBranch();
    const member = await memberWithMoney(branch.router, '辛', 100_000);
    await pay(branch.router, member.id, 10_000);
    const tomorrow = new Date(branch.now().getTime() + 86_400_000).toISOString();
    await expectReportRefused(branch.router, 'points-liability', { asOf: tomorrow }, 'INVALID_INPUT', { field: 'asOf', reason: 'future' });
    await signInAs(branch.router, 'teller');
    await expectReportRefused(branch.router, 'points-liability', {}, 'FORBIDDEN');
    await signInAs(branch.router, 'finance');
    expect(sectionIn(await runReport(branch.router, 'points-liability'), 'members').rows).toHaveLength(1);
  });
});
