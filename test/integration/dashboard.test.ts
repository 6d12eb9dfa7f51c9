import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import type { DashboardSummary } from '../../src-shared/contract/dashboard';
import { ADMIN, TELLER, ok, setUpRouter, signInAs } from '../support/temp-data';
import { FINANCE, snapshot } from './members-fixtures';

// The dashboard answers each role with exactly the figures its permissions show, and each figure
// equals the same thing counted another way: the trial balance, the members table, the lots, the
// batches, the cards. One demo folder is loaded once and only read by the tests.

const AUDITOR = { username: 'audrey', displayName: 'Audrey Auditor', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };
/** Early enough that every demo batch and member falls in "this month" and the twelve weeks' span is chosen by the test. */
const LONG_AGO = '2000-01-03T00:00:00.000Z';

let router: Router;
let dataDir: string;

async function summaryAs(person: { username: string; passphrase: string }, input: { monthStart?: string; weekStart?: string } = {}): Promise<DashboardSummary> {
  await signInAs(router, person);
  return ok(router, 'dashboard.summary', input);
}

function rows<T>(sql: string, ...params: unknown[]): T[] {
  return router.state.requireStore().sqlite.prepare(sql).all(...params) as T[];
}

// The shared folder outlives each test (temp-data's own routers are closed after every test).
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paydesk-dashboard-'));
  router = createRouter({ dataDir, background: false });
  await ok(router, 'setup.init', ADMIN);
  for (const person of [{ ...TELLER }, FINANCE, AUDITOR]) await ok(router, 'staff.add', person);
  await ok(router, 'demo.load', { members: 120, transfers: 600, seed: 5 });
}, 120_000);

afterAll(() => {
  router.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('dashboard.summary by role', () => {
  it('shows a teller members, tiers, new members and cards, and no money, payouts or points', async () => {
    const summary = await summaryAs(TELLER);
    expect(summary.members).not.toBeNull();
    expect(summary.newMembersPerWeek).not.toBeNull();
    expect(summary.cardsByState).not.toBeNull();
    expect(summary.walletLiabilities).toBeNull();
    expect(summary.payoutsThisMonth).toBeNull();
    expect(summary.waitingApproval).toBeNull();
    expect(summary.points).toBeNull();
  });

  it('shows finance the batches waiting for approval, with their maker and total', async () => {
    const summary = await summaryAs(FINANCE);
    const waiting = rows<{ id: number; created_by: string; total: number }>("SELECT id, created_by, total FROM payout_batches WHERE status = 'submitted' ORDER BY id");
    expect(waiting.length).toBeGreaterThan(0);
    expect(summary.waitingApproval?.count).toBe(waiting.length);
    expect(summary.waitingApproval?.batches.map((b) => [b.id, b.maker, b.total])).toEqual(waiting.slice(0, 5).map((b) => [b.id, b.created_by, b.total]));
    expect(summary.waitingApproval?.batches[0]?.makerName).toBe(ADMIN.displayName);
    for (const figure of ['walletLiabilities', 'payoutsThisMonth', 'members', 'newMembersPerWeek', 'points', 'cardsByState'] as const) expect(summary[figure]).not.toBeNull();
  });

  it('shows an auditor every read figure but not the approval queue, which only an approver works', async () => {
    const summary = await summaryAs(AUDITOR);
    for (const figure of ['walletLiabilities', 'payoutsThisMonth', 'members', 'newMembersPerWeek', 'points', 'cardsByState'] as const) expect(summary[figure]).not.toBeNull();
    expect(summary.waitingApproval).toBeNull();
  });

  it('shows an admin every figure, and changes nothing by being asked', async () => {
    await signInAs(router, ADMIN);
    const before = snapshot(router);
    const summary = await ok(router, 'dashboard.summary', {});
    for (const [figure, value] of Object.entries(summary)) expect(value, figure).not.toBeNull();
    expect(snapshot(router)).toEqual(before);
  });
});

describe('dashboard figures equal independent counts', () => {
  it('wallet liabilities equal the trial balance of the member wallet accounts, per currency', async () => {
    const summary = await summaryAs(ADMIN);
    const report = await ok(router, 'reports.run', { report: 'trial-balance', params: {} });
    const byCurrency = new Map<string, number>();
    for (const row of report.sections.find((s) => s.id === 'accounts')!.rows) {
      if (!String(row.code).startsWith('2100-') || row.currency === 'PTS') continue;
      byCurrency.set(String(row.currency), (byCurrency.get(String(row.currency)) ?? 0) + Number(row.balance));
    }
    expect(summary.walletLiabilities).toEqual([...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount })));
    expect(summary.walletLiabilities!.some((row) => row.amount > 0)).toBe(true);
  });

  it('members by tier add up to every member, each tier counted from the members own rows', async () => {
    const summary = await summaryAs(ADMIN);
    const total = rows<{ n: number }>('SELECT count(*) AS n FROM members')[0]!.n;
    expect(summary.members!.total).toBe(total);
    expect(summary.members!.byTier.reduce((sum, tier) => sum + tier.members, 0)).toBe(total);
    const held = rows<{ tier: string | null }>('SELECT t.tier FROM members m LEFT JOIN member_tiers t ON t.member_id = m.id');
    for (const tier of summary.members!.byTier) {
      const first = tier.tier === summary.members!.byTier[0]!.tier;
      expect(tier.members, tier.tier).toBe(held.filter((row) => row.tier === tier.tier || (first && row.tier === null)).length);
    }
    expect(summary.members!.byTier.filter((tier) => tier.members > 0).length).toBeGreaterThan(1);
  });

  it('counts new members in each of twelve weeks ending with the given one, and none outside them', async () => {
    const created = rows<{ created_at: string }>('SELECT created_at FROM members').map((row) => Date.parse(row.created_at));
    const latest = Math.max(...created);
    const weekStart = new Date(latest - 3 * 86_400_000).toISOString();
    const summary = await summaryAs(ADMIN, { weekStart });
    const weeks = summary.newMembersPerWeek!;
    expect(weeks).toHaveLength(12);
    expect(weeks[11]!.weekStart).toBe(weekStart);
    for (const week of weeks) {
      const start = Date.parse(week.weekStart);
      expect(week.members, week.weekStart).toBe(created.filter((at) => at >= start && at < start + 7 * 86_400_000).length);
    }
    expect(weeks.reduce((sum, week) => sum + week.members, 0)).toBeGreaterThan(0);
  });

  it('points outstanding equal the member lots left, and those expiring soon the lots due within thirty days', async () => {
    const summary = await summaryAs(FINANCE);
    const lots = rows<{ remaining: number; expires_at: string | null }>('SELECT remaining, expires_at FROM point_lots WHERE remaining > 0');
    const pts = rows<{ n: number }>("SELECT coalesce(sum(credits_posted - debits_posted), 0) AS n FROM accounts WHERE owner_type = 'member' AND currency = 'PTS'")[0]!.n;
    expect(summary.points!.outstanding).toBe(pts);
    expect(summary.points!.outstanding).toBe(lots.reduce((sum, lot) => sum + lot.remaining, 0));
    const now = Date.parse(summary.at);
    const by = Date.parse(summary.points!.expiringBy);
    expect(by - now).toBe(30 * 86_400_000);
    expect(summary.points!.expiringSoon).toBe(lots.filter((lot) => lot.expires_at !== null && Date.parse(lot.expires_at) > now && Date.parse(lot.expires_at) <= by).reduce((sum, lot) => sum + lot.remaining, 0));
  });

  it('payouts this month are the batches made since the month began, by status, with their totals', async () => {
    const summary = await summaryAs(ADMIN, { monthStart: LONG_AGO });
    const batches = rows<{ status: string; currency: string; total: number }>('SELECT status, currency, total FROM payout_batches WHERE created_at >= ?', LONG_AGO);
    expect(summary.payoutsThisMonth!.from).toBe(LONG_AGO);
    expect(summary.payoutsThisMonth!.rows.reduce((sum, row) => sum + row.batches, 0)).toBe(batches.length);
    for (const row of summary.payoutsThisMonth!.rows) {
      const same = batches.filter((b) => b.status === row.status && b.currency === row.currency);
      expect([row.batches, row.total]).toEqual([same.length, same.reduce((sum, b) => sum + b.total, 0)]);
    }
    const now = await summaryAs(ADMIN, { monthStart: summary.at });
    expect(now.payoutsThisMonth!.rows).toEqual([]);
  });

  it('cards by state name every state, and add up to every card', async () => {
    const summary = await summaryAs(TELLER);
    const cards = rows<{ state: string }>('SELECT state FROM cards');
    expect(summary.cardsByState!.map((row) => row.state)).toEqual(['inactive', 'active', 'frozen', 'cancelled']);
    for (const row of summary.cardsByState!) expect(row.cards, row.state).toBe(cards.filter((card) => card.state === row.state).length);
    expect(cards.length).toBeGreaterThan(0);
  });
});

describe('dashboard refusals', () => {
  it('refuses a month that has not begun with INVALID_INPUT reason future, changing nothing', async () => {
    await signInAs(router, ADMIN);
    const before = snapshot(router);
    const answer = await router.invoke('dashboard.summary', { monthStart: '2999-01-01T00:00:00.000Z' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect([answer.error.code, answer.error.details?.field, answer.error.details?.reason]).toEqual(['INVALID_INPUT', 'monthStart', 'future']);
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a week start that is not a date-time with INVALID_INPUT naming the field', async () => {
    await signInAs(router, ADMIN);
    const answer = await router.invoke('dashboard.summary', { weekStart: 'last monday' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect([answer.error.code, answer.error.details?.field]).toEqual(['INVALID_INPUT', 'weekStart']);
  });

  it('refuses when nobody is signed in', async () => {
    await ok(router, 'session.lock', {});
    const answer = await router.invoke('dashboard.summary', {});
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('LOCKED');
  });
});

describe('dashboard on a fresh install', () => {
  it('answers zeros and empty lists, every state and tier named', async () => {
    const fresh = await setUpRouter();
    const summary = await ok(fresh.router, 'dashboard.summary', {});
    expect(summary.walletLiabilities).toEqual([]);
    expect(summary.payoutsThisMonth!.rows).toEqual([]);
    expect(summary.waitingApproval).toEqual({ count: 0, batches: [] });
    expect(summary.members).toEqual({ total: 0, byTier: [expect.objectContaining({ tier: 'standard', members: 0 }), expect.objectContaining({ tier: 'gold', members: 0 }), expect.objectContaining({ tier: 'diamond', members: 0 }), expect.objectContaining({ tier: 'vip', members: 0 })] });
    expect(summary.newMembersPerWeek!.map((week) => week.members)).toEqual(Array(12).fill(0));
    expect(summary.points).toMatchObject({ outstanding: 0, expiringSoon: 0 });
    expect(summary.cardsByState!.every((row) => row.cards === 0)).toBe(true);
  });
});
