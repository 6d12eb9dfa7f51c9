import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import type { ReportDocument } from '../../src-shared/contract/reports';
import { memberNumberFor } from '../../src-shared/member-number';
import { ok } from '../support/temp-data';
import { authorize, cardDesk } from './cards-terminal-fixtures';
import { nextKey, signInAs } from './members-fixtures';
import { memberWithMoney, pay, pointsBranch, type PointsBranch } from './points-fixtures';
import { expectLabelled, expectReportRefused, runReport, sectionIn } from './reports-fixtures';

// The statement takes each wallet's balance at the period's ends back from its running totals.
// These tests check it against the other way round: the journal's posted rows replayed up to each end.

const POSTED = new Set(['posted', 'post_pending', 'reversal']);
const DAY = 86_400_000;

interface Move {
  id: number;
  created_at: string;
  amount: number;
  debit_account_id: number;
  credit_account_id: number;
  state: string;
  currency: string;
}

/** The member's wallets (points too), and every posted row of the journal that touched one, oldest first. */
function journalOf(router: Router, memberId: number) {
  const { sqlite } = router.state.requireStore();
  const wallets = sqlite.prepare("SELECT currency, account_id FROM member_wallets WHERE member_id = ? ORDER BY currency = 'PTS', currency").all(memberId) as { currency: string; account_id: number }[];
  const ids = new Set(wallets.map((w) => w.account_id));
  const moves = (sqlite.prepare('SELECT id, created_at, amount, debit_account_id, credit_account_id, state, currency FROM transfers ORDER BY created_at, id').all() as Move[]).filter(
    (t) => POSTED.has(t.state) && (ids.has(t.debit_account_id) || ids.has(t.credit_account_id)),
  );
  return { wallets, moves };
}

/** Each wallet at the period's ends and between them, replayed from the journal. */
function replay(router: Router, memberId: number, from: string, to: string) {
  const { wallets, moves } = journalOf(router, memberId);
  return wallets.map(({ currency, account_id: account }) => {
    const signed = (t: Move) => (t.credit_account_id === account ? t.amount : t.debit_account_id === account ? -t.amount : 0);
    const before = (at: string) => moves.filter((t) => t.created_at < at).reduce((sum, t) => sum + signed(t), 0);
    const within = moves.filter((t) => t.created_at >= from && t.created_at < to && signed(t) !== 0);
    return {
      currency,
      opening: before(from),
      moneyIn: within.filter((t) => signed(t) > 0).reduce((sum, t) => sum + t.amount, 0),
      moneyOut: within.filter((t) => signed(t) < 0).reduce((sum, t) => sum + t.amount, 0),
      closing: before(to),
      movements: within.map((t) => ({ transferId: t.id, amount: signed(t) })),
    };
  });
}

/** A member who paid, sent money, had a deposit reversed, opened a USD wallet, redeemed points and withdrew, a day apart. */
async function busyMember(branch: PointsBranch) {
  const { router } = branch;
  const member = await memberWithMoney(router, '王五', 500_000);
  const other = await memberWithMoney(router, '赵六', 0);
  branch.advanceDays(1);
  await pay(router, member.id, 10_000);
  branch.advanceDays(1);
  await ok(router, 'wallets.transfer', { fromMemberId: member.id, toMemberId: other.id, amount: 20_000, currency: 'CNY', idempotencyKey: nextKey() });
  branch.advanceDays(1);
  const deposit = await ok(router, 'wallets.deposit', { memberId: member.id, amount: 7_777, currency: 'CNY', idempotencyKey: nextKey() });
  await ok(router, 'wallets.reverse', { transferId: deposit.transferIds[0]!, reason: 'keyed twice', idempotencyKey: nextKey() });
  await ok(router, 'settings.update', { enabledCurrencies: ['CNY', 'USD'] });
  await ok(router, 'wallets.deposit', { memberId: member.id, amount: 3_000, currency: 'USD', idempotencyKey: nextKey() });
  branch.advanceDays(1);
  await ok(router, 'points.redeem', { memberId: member.id, points: 100, currency: 'CNY', idempotencyKey: nextKey() });
  branch.advanceDays(1);
  await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 1_000, currency: 'CNY', idempotencyKey: nextKey() });
  branch.advanceDays(1);
  return { member, other };
}

function balancesOf(report: ReportDocument) {
  return sectionIn(report, 'balances').rows;
}

describe('member statement', () => {
  it('gives each wallet its opening and closing balance at the period’s ends, as a replay of the journal does, with every movement between', async () => {
    const branch = await pointsBranch();
    const start = branch.now().getTime();
    const { member, other } = await busyMember(branch);
    const at = (days: number) => new Date(start + days * DAY).toISOString();
    for (const [from, to] of [[at(0.5), at(3.5)], [at(0), at(6)], [at(4.5), at(6)], [at(-1), at(2.5)]] as const) {
      const report = await runReport(branch.router, 'statement', { member: member.memberNumber, from, to });
      expect(report.header.parameters).toEqual({ member: member.memberNumber, memberName: '王五', from, to });
      const expected = replay(branch.router, member.id, from, to);
      expect(balancesOf(report)).toEqual(expected.map(({ movements: _m, ...balance }) => balance));
      for (const wallet of expected) {
        const section = sectionIn(report, wallet.currency === 'PTS' ? 'points' : 'movements');
        const rows = wallet.currency === 'PTS' ? section.rows : section.rows.filter((r) => r.currency === wallet.currency);
        expect(rows.map((r) => ({ transferId: r.transferId, amount: r.amount ?? r.points }))).toEqual(wallet.movements);
        // Each row's balance is the one before it plus the movement: the last is the closing balance.
        let balance = wallet.opening;
        for (const row of rows) {
          balance += (row.amount ?? row.points) as number;
          expect(row.balance).toBe(balance);
        }
        expect(balance).toBe(wallet.closing);
        expect(section.totalRows).toBe(section.rows.length);
      }
    }

    const whole = await runReport(branch.router, 'statement', { member: member.memberNumber, from: at(0), to: at(6) });
    // Money wallets in currency order, points last; movements wallet by wallet, each in time order.
    expect(balancesOf(whole).map((b) => b.currency)).toEqual(['CNY', 'USD', 'PTS']);
    const movements = sectionIn(whole, 'movements').rows;
    expect(movements.map((m) => [m.currency, m.kind])).toEqual([
      ['CNY', 'deposit'],
      ['CNY', 'payment'],
      ['CNY', 'fee'],
      ['CNY', 'member_transfer'],
      ['CNY', 'deposit'],
      ['CNY', 'reversal'],
      ['CNY', 'points_redemption'],
      ['CNY', 'withdrawal'],
      ['USD', 'deposit'],
    ]);
    expect(movements.find((m) => m.kind === 'payment')?.counterparty).toBe('Tea House');
    expect(movements.find((m) => m.kind === 'member_transfer')).toMatchObject({ amount: -20_000, counterparty: `${other.memberNumber} 赵六` });
    const points = sectionIn(whole, 'points').rows;
    expect(points.map((p) => [p.kind, p.points, p.balance])).toEqual([
      ['points_earn', 100, 100],
      ['points_redeem', -100, 0],
    ]);
    expect(points[0]!.expiresAt).toBe(new Date(Date.UTC(2025, 0, 9, 9)).toISOString());
    expect(points[1]!.expiresAt).toBeNull();
    expectLabelled(whole);
  });

  it('counts a card capture when it posts and never a hold: a held, a partly captured and a voided authorization', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000);
    const { router, member } = desk;
    desk.at('2024-03-04T10:00:00.000Z');
    const captured = (await authorize(desk, 3_000)).authorization.id;
    desk.at('2024-03-04T11:00:00.000Z');
    await ok(router, 'cards.capture', { authorizationId: captured, amount: 2_000, idempotencyKey: nextKey() });
    const voided = (await authorize(desk, 1_500)).authorization.id;
    await ok(router, 'cards.void', { authorizationId: voided, idempotencyKey: nextKey() });
    desk.at('2024-03-04T12:00:00.000Z');
    await authorize(desk, 4_000);
    desk.at('2024-03-05T09:00:00.000Z');
    const { memberNumber } = await ok(router, 'members.get', { id: member.id });
    const report = await runReport(router, 'statement', { member: memberNumber, from: '2024-03-04T00:00:00.000Z' });
    // The capture is a payment: it earns its points (1 a 1.00) as it posts.
    expect(balancesOf(report)).toEqual([
      { currency: 'CNY', opening: 0, moneyIn: 100_000, moneyOut: 2_000, closing: 98_000 },
      { currency: 'PTS', opening: 0, moneyIn: 20, moneyOut: 0, closing: 20 },
    ]);
    expect(sectionIn(report, 'movements').rows.map((m) => [m.amount, m.balance, m.counterparty])).toEqual([
      [100_000, 100_000, 'branch_cash'],
      [-2_000, 98_000, 'Tea House'],
    ]);
  });

  it('states an empty period with no movements and the opening balance as the closing, and a member with no points without points rows', async () => {
    const branch = await pointsBranch();
    const member = await memberWithMoney(branch.router, '孙七', 12_345);
    branch.advanceDays(10);
    const from = new Date(branch.now().getTime() - 5 * DAY).toISOString();
    const report = await runReport(branch.router, 'statement', { member: member.memberNumber, from });
    expect(report.header.parameters).toEqual({ member: member.memberNumber, memberName: '孙七', from, to: branch.now().toISOString() });
    expect(balancesOf(report)).toEqual([{ currency: 'CNY', opening: 12_345, moneyIn: 0, moneyOut: 0, closing: 12_345 }]);
    expect(sectionIn(report, 'movements')).toMatchObject({ rows: [], totalRows: 0 });
    expect(sectionIn(report, 'points')).toMatchObject({ rows: [], totalRows: 0 });
    // Without a period it covers the last 30 days to now.
    const lately = await runReport(branch.router, 'statement', { member: member.memberNumber });
    expect(lately.header.parameters.from).toBe(new Date(branch.now().getTime() - 30 * DAY).toISOString());
    expect(sectionIn(lately, 'movements').rows.map((m) => [m.kind, m.amount, m.balance])).toEqual([['deposit', 12_345, 12_345]]);
  });

  it('may be run by a teller, and refuses an unknown member, a missing one and a period in the future, changing nothing', async () => {
    const branch = await pointsBranch();
    const member = await memberWithMoney(branch.router, '周八', 5_000);
    branch.advanceDays(0, 60_000);
    await signInAs(branch.router, 'teller');
    const report = await runReport(branch.router, 'statement', { member: member.memberNumber });
    expect(report.header.madeBy).toBe('tina');
    expect(balancesOf(report)).toEqual([{ currency: 'CNY', opening: 0, moneyIn: 5_000, moneyOut: 0, closing: 5_000 }]);

    // A well-formed number (its check digit right) that no member holds.
    await expectReportRefused(branch.router, 'statement', { member: memberNumberFor(999) }, 'MEMBER_NOT_FOUND', { field: 'member' });
    await expectReportRefused(branch.router, 'statement', {}, 'INVALID_INPUT', { field: 'member', reason: 'required' });
    const tomorrow = new Date(branch.now().getTime() + DAY).toISOString();
    await expectReportRefused(branch.router, 'statement', { member: member.memberNumber, from: tomorrow }, 'INVALID_INPUT', { field: 'from', reason: 'future' });
  });
});
