import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import type { PointLot, PointsSummary, Redemption } from '../../src-shared/contract/points';
import { memberNumberFor } from '../../src-shared/member-number';
import { ADMIN, TELLER, ok } from '../support/temp-data';
import { jsonOf, runCli } from '../support/cli';
import { addMember, nextKey } from './members-fixtures';

// `paydesk points show MEMBER` and `paydesk points redeem MEMBER --points N`, run as child
// processes on a real encrypted folder where one member earned 250 points by a payment at the
// counter (Gold: 100 qualifying points and more).

const AUDITOR = { username: 'audrey', displayName: 'Audrey', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };
const as = (person: { username: string; passphrase: string }) => ({ env: { PAYDESK_PASSPHRASE: person.passphrase }, args: ['--user', person.username] });

let dataDir: string;
let memberNumber: string;

type Shown = PointsSummary & { qualifying: number; lots: PointLot[] };

// Made once and kept across the tests (tempDataDir's folders are removed after each test).
const root = mkdtempSync(join(tmpdir(), 'paydesk-cli-points-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  dataDir = join(root, 'data');
  const router = createRouter({ dataDir });
  await ok(router, 'setup.init', ADMIN);
  await ok(router, 'staff.add', TELLER);
  await ok(router, 'staff.add', AUDITOR);
  const member = await addMember(router, { name: '积分会员' });
  memberNumber = member.memberNumber;
  await ok(router, 'wallets.deposit', { memberId: member.id, amount: 100_000, currency: 'CNY', idempotencyKey: nextKey() });
  await ok(router, 'wallets.pay', { memberId: member.id, amount: 25_050, currency: 'CNY', merchant: 'Tea house', idempotencyKey: nextKey() });
  router.close();
}, 60_000);

function points(person: { username: string; passphrase: string }, ...args: string[]) {
  const who = as(person);
  return runCli(['points', ...args, '--data', dataDir, ...who.args], who.env);
}

/** The member's points and the journal, read in-process with no due task at sign-in, so reading changes nothing. */
async function state() {
  const router = createRouter({ dataDir, background: false });
  try {
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const { id } = await ok(router, 'members.get', { memberNumber });
    const trial = await ok(router, 'ledger.trialBalance', {});
    return {
      summary: await ok(router, 'points.summary', { memberId: id }),
      lots: await ok(router, 'points.lots', { memberId: id }),
      wallet: (await ok(router, 'wallets.summary', { memberId: id })).wallets,
      journal: [trial.transferCount, trial.head],
    };
  } finally {
    router.close();
  }
}

describe('paydesk points show', () => {
  it('prints balance, spendable, tier, qualifying points and every lot as one JSON document', async () => {
    const run = await points(TELLER, 'show', memberNumber, '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const shown = jsonOf<Shown>(run);
    expect(shown).toMatchObject({
      member: { memberNumber, name: '积分会员' },
      balance: 250,
      spendable: 250,
      pending: 0,
      shortfall: 0,
      qualifying: 250,
      tier: { tier: 'gold', qualifying: 250, floor: null, due: 'gold', next: { tier: 'diamond', threshold: 500, needed: 250 } },
      redeemedCredit: [],
    });
    expect(shown.lots).toEqual([expect.objectContaining({ rule: 'payment', amount: 250, remaining: 250, state: 'live', expiresAt: expect.any(String) })]);
    expect(shown.upcomingExpiries).toEqual([{ date: shown.lots[0]!.expiresAt!.slice(0, 10), points: 250 }]);
  });

  it('prints a readable summary without --json, for an auditor too', async () => {
    const run = await points(AUDITOR, 'show', memberNumber);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${memberNumber}  积分会员`);
    expect(lines[1]).toBe('Balance 250 PTS: 250 PTS spendable, 0 PTS pending');
    expect(lines[2]).toMatch(/^Tier gold since \d{4}-\d{2}-\d{2}: 250 PTS qualifying in 12 months$/);
    expect(run.stdout).toContain('250 PTS more to reach diamond (500 PTS)');
    expect(lines.at(-1)).toMatch(/^ {2}#\d+ +payment +\d{4}-\d{2}-\d{2} {2}\d{4}-\d{2}-\d{2} +250 of 250 +live$/);
  });

  it('refuses a malformed member number with exit 2 and an unknown one with exit 5 (MEMBER_NOT_FOUND)', async () => {
    const malformed = await points(TELLER, 'show', '12');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('INVALID_INPUT');
    const unknown = await points(TELLER, 'show', memberNumberFor(999));
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('MEMBER_NOT_FOUND');
    const none = await points(TELLER, 'show');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Give exactly one member number');
  });
});

describe('paydesk points redeem', () => {
  it('refuses more points than the member holds with exit 5 (POINTS_INSUFFICIENT) and changes nothing', async () => {
    const before = await state();
    const run = await points(TELLER, 'redeem', memberNumber, '--points', '300', '--json');
    expect(run.code).toBe(5);
    expect(jsonOf<{ error: { code: string; details: Record<string, unknown> } }>(run).error).toMatchObject({ code: 'POINTS_INSUFFICIENT', details: { available: 250, points: 300 } });
    expect(run.stderr).toContain('POINTS_INSUFFICIENT');
    expect(await state()).toEqual(before);
  });

  it('refuses less than one unit with exit 5 (POINTS_BELOW_UNIT), a typed fraction with exit 2, and an auditor with exit 5 (FORBIDDEN), each changing nothing', async () => {
    const before = await state();
    const below = await points(TELLER, 'redeem', memberNumber, '--points', '99');
    expect(below.code).toBe(5);
    expect(below.stderr).toContain('POINTS_BELOW_UNIT');
    const fraction = await points(TELLER, 'redeem', memberNumber, '--points', '1.5');
    expect(fraction.code).toBe(2);
    expect(fraction.stderr).toContain('--points must be a whole number');
    const auditor = await points(AUDITOR, 'redeem', memberNumber, '--points', '100');
    expect(auditor.code).toBe(5);
    expect(auditor.stderr).toContain('FORBIDDEN');
    expect(await state()).toEqual(before);
  });

  it('redeems whole units into wallet credit, keeps the remainder, and a retry with the same --key answers the same redemption', async () => {
    const before = await state();
    const run = await points(TELLER, 'redeem', memberNumber, '--points', '150', '--key', 'script-run-1', '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const redemption = jsonOf<Redemption>(run);
    expect(redemption).toMatchObject({ pointsRequested: 150, pointsRedeemed: 100, pointsKept: 50, currency: 'CNY', amount: 100, pointsBalanceAfter: 150 });
    expect(redemption.lineage).toEqual([{ lotId: before.lots[0]!.id, points: 100, expiresAt: before.lots[0]!.expiresAt }]);
    const after = await state();
    expect(after.summary).toMatchObject({ balance: 150, spendable: 150, redeemedCredit: [{ currency: 'CNY', amount: 100 }], tier: { tier: 'gold', qualifying: 250 } });
    expect(after.wallet[0]!.balance).toBe(before.wallet[0]!.balance + 100);

    const again = await points(TELLER, 'redeem', memberNumber, '--points', '150', '--key', 'script-run-1');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Redeemed 100 PTS of ${memberNumber} 积分会员 for CN¥1.00 (50 PTS below a whole unit kept)`);
    expect(again.stdout).toContain(`transfers #${redemption.transferIds[0]}, #${redemption.transferIds[1]}`);
    expect((await state()).journal).toEqual(after.journal);
  });
});
