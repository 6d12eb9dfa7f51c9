import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberRow } from '../../src-shared/contract/members';
import type { z } from 'zod';
import type { demoSummarySchema } from '../../src-shared/contract/demo';
import { ADMIN, TELLER, ok, tempDataDir, testRouter } from '../support/temp-data';
import { jsonOf, runCli } from '../support/cli';
import { createRouter } from '../../src-main/api/router';

// `paydesk demo` and `paydesk members list`, run as child processes the way an admin runs them.
// Three demo folders (seed 7 twice, seed 8) are loaded once and only read by the tests after.

type DemoSummary = z.infer<typeof demoSummarySchema>;

const asAdmin = { PAYDESK_PASSPHRASE: ADMIN.passphrase };
const SMALL = ['--members', '200', '--transfers', '2000'];
const root = mkdtempSync(join(tmpdir(), 'paydesk-demo-'));
let sevenA: string;
let sevenB: string;
let eight: string;

/** What `demo --json` printed for each folder, by folder. */
const printed = new Map<string, DemoSummary>();

async function demoFolder(seed: number, name: string): Promise<string> {
  const dataDir = join(root, name);
  const run = await runCli(['demo', '--data', dataDir, '--admin', 'admin', ...SMALL, '--seed', String(seed), '--json'], asAdmin);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(jsonOf(run)).toMatchObject({ members: 200, transfers: 2000, receipts: expect.any(Number), recoveryKey: expect.any(String) });
  printed.set(dataDir, jsonOf(run));
  return dataDir;
}

/** `members list --json` through the CLI. */
async function memberListCli(dataDir: string, ...args: string[]): Promise<{ rows: MemberRow[]; total: number }> {
  const run = await runCli(['members', 'list', '--data', dataDir, '--limit', '500', '--json', ...args], asAdmin);
  expect(run.code).toBe(0);
  return jsonOf(run);
}

/** What a folder holds, read in-process through the router: members, wallet balances, verify. No due task runs at sign-in: lot expiry at today's date would change the journal. */
async function contents(dataDir: string) {
  const router = createRouter({ dataDir, background: false });
  await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  const members = await ok(router, 'members.search', { limit: 500 });
  const { rows } = await ok(router, 'ledger.accounts', { ownerType: 'member', currency: 'CNY', limit: 1000 });
  const points = await ok(router, 'ledger.accounts', { ownerType: 'member', currency: 'PTS', limit: 1000 });
  const report = await ok(router, 'system.verify', {});
  router.close();
  return { members, wallets: rows.map((a) => [a.code, a.balance.posted, a.balance.available]), points: points.rows.map((a) => [a.code, a.balance.posted]), report };
}

beforeAll(async () => {
  [sevenA, sevenB, eight] = await Promise.all([demoFolder(7, 'seven-a'), demoFolder(7, 'seven-b'), demoFolder(8, 'eight')]);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('paydesk demo', () => {
  it('writes the same members, balances and journal for the same seed, and verify exits 0', async () => {
    const a = await contents(sevenA);
    const b = await contents(sevenB);
    expect(a.members.total).toBe(200);
    expect(a.members).toEqual(b.members);
    expect(a.members.rows.filter((m) => m.status === 'frozen').length).toBeGreaterThan(0);
    expect(a.wallets).toHaveLength(200);
    expect(a.wallets).toEqual(b.wallets);
    expect(a.points).toEqual(b.points);
    expect(a.report.ok).toBe(true);
    expect(a.report.heads.journal).toBe(b.report.heads.journal);
    const cli = await runCli(['verify', '--data', sevenB], asAdmin);
    expect(cli).toMatchObject({ code: 0, stdout: expect.stringContaining('verify: clean') });
  });

  it('puts points in play that verify accepts: earned on payments, referrals, reviews, redemptions (some reversed), refunds, expired lots, tiers', async () => {
    const summary = printed.get(sevenA)!;
    expect(summary.points).toEqual(printed.get(sevenB)!.points);
    for (const count of ['paymentsEarning', 'referrals', 'reviews', 'redemptions', 'redemptionsReversed', 'refunds', 'expiredLots'] as const) {
      expect(summary.points[count], count).toBeGreaterThan(0);
    }
    const { points, report } = await contents(sevenA);
    expect(points.length).toBeGreaterThan(100);
    const checks = report.checks.filter((c) => c.name.startsWith('points.'));
    expect(checks.map((c) => [c.name, c.ok])).toEqual(['lots', 'balances', 'credit', 'records', 'tiers'].map((name) => [`points.${name}`, true]));
    expect(checks.find((c) => c.name === 'points.tiers')!.counts.tiers).toBeGreaterThan(0);
    expect(checks.find((c) => c.name === 'points.records')!.counts.records).toBe(summary.points.referrals + summary.points.reviews);
  });

  it('puts cards in play that verify accepts: issued, frozen, cancelled, replaced, authorized, captured, voided, declined, and bank cards', async () => {
    const summary = printed.get(sevenA)!;
    expect(summary.cards).toEqual(printed.get(sevenB)!.cards);
    for (const count of ['issued', 'active', 'frozen', 'cancelled', 'replaced', 'authorizations', 'captured', 'voided', 'declined', 'bankCards'] as const) {
      expect(summary.cards[count], count).toBeGreaterThan(0);
    }
    const { report } = await contents(sevenA);
    const checks = report.checks.filter((c) => c.name.startsWith('cards.'));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.find((c) => c.name === 'cards.audited')!.counts).toMatchObject({ cards: summary.cards.issued });
  });

  it('puts payout batches in play that verify accepts: one paid (wallets and bank cards, one settled, one returned), one awaiting another approver, a draft with errors', async () => {
    const summary = printed.get(sevenA)!;
    expect(summary.payouts).toEqual(printed.get(sevenB)!.payouts);
    expect(summary.payouts).toMatchObject({ batches: 3, settled: 1, returned: 1, draftErrors: 4 });
    expect(summary.payouts.paid).toBeGreaterThan(0);
    expect(summary.payouts.sent).toBeGreaterThan(1);
    const router = createRouter({ dataDir: sevenA, background: false });
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const { rows } = await ok(router, 'payouts.list', {});
    const batches = await Promise.all(rows.map((row) => ok(router, 'payouts.get', { batchId: row.id })));
    const funding = await ok(router, 'payouts.funding', {});
    router.close();
    expect(batches.map((b) => [b.status, b.createdBy, b.approvals.map((a) => a.approver)])).toEqual([
      ['draft', ADMIN.username, []],
      ['submitted', ADMIN.username, []],
      ['completed', ADMIN.username, ['demo-finance']],
    ]);
    expect([batches[0]!.rowCount, batches[0]!.itemCount]).toEqual([summary.payouts.draftErrors + 3, 3]);
    expect(batches[2]!.byStatus).toMatchObject({ PAID: { count: summary.payouts.paid }, SETTLED: { count: 1 }, RETURNED: { count: 1 } });
    expect(funding.balance).toBeGreaterThan(0);
  });

  it('writes different people for another seed', async () => {
    const [a, b] = [await contents(sevenA), await contents(eight)];
    expect(a.members.rows.map((m) => m.name)).not.toEqual(b.members.rows.map((m) => m.name));
  });

  it('refuses a folder that already holds members with exit 2 and adds nothing', async () => {
    const { members, wallets } = await contents(eight);
    const again = await runCli(['demo', '--data', eight, ...SMALL, '--seed', '4'], asAdmin);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('INVALID_INPUT');
    expect(await contents(eight)).toMatchObject({ members, wallets });
  });

  it('refuses a role that may not post with exit 5 and writes nothing', async () => {
    const dataDir = tempDataDir();
    const router = testRouter(dataDir);
    await ok(router, 'setup.init', ADMIN);
    await ok(router, 'staff.add', { ...TELLER, username: 'audrey', role: 'auditor' });
    router.close();
    const run = await runCli(['demo', '--data', dataDir, ...SMALL, '--user', 'audrey'], { PAYDESK_PASSPHRASE: TELLER.passphrase });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('FORBIDDEN');
    expect((await contents(dataDir)).members.total).toBe(0);
  });

  it('refuses a count that is not a whole number with exit 2', async () => {
    const run = await runCli(['demo', '--data', tempDataDir(), '--admin', 'admin', '--members', '1e3'], asAdmin);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--members');
  });
});

describe('paydesk members list', () => {
  it('finds demo members by a name substring or a member number, and pages with the total', async () => {
    const everyone = (await contents(sevenA)).members;
    const someone = everyone.rows.find((m) => /^\p{Script=Han}{3}$/u.test(m.name))!;
    const middle = [...someone.name][1]!;
    const byName = await memberListCli(sevenA, '--query', middle);
    expect(byName.rows.map((m) => m.id)).toContain(someone.id);
    expect(byName.rows.every((m) => m.name.includes(middle))).toBe(true);
    expect(everyone.rows.slice(0, 10)).toEqual((await memberListCli(sevenA, '--limit', '10')).rows);
    const text = await runCli(['members', 'list', '--data', sevenA, '--query', someone.memberNumber], asAdmin);
    expect(text.stdout).toContain(`${someone.memberNumber}  `);
    expect(text.stdout).toContain('1 of 1 members');
  });

  it('refuses an unknown status with exit 2', async () => {
    const run = await runCli(['members', 'list', '--data', tempDataDir(), '--status', 'gone'], asAdmin);
    expect(run.code).toBe(2);
  });
});
