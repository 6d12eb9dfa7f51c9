import fc from 'fast-check';
import i18next from 'i18next';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { INPUT_LIMITS } from '../../src-shared/contract/common';
import { memberNumberFor } from '../../src-shared/member-number';
import { memberCsvColumns } from '../../src-renderer/src/features/members/member-csv';
import { writeCsv } from '../../src-shared/csv/csv-writer';
import membersEn from '../../src-renderer/src/i18n/en/members.json';
import pointsEn from '../../src-renderer/src/i18n/en/points.json';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey, snapshot } from './members-fixtures';

// What the member pages and the members list show (issue 8, "Member pages" and "Members list"),
// through the router on real encrypted data folders: the wallet history's balance after each
// transfer and the other side of it, the list's balance column and its order, number search with
// spaces, the notes limit, and the list's CSV file.

async function history(router: Router, memberId: number) {
  return (await ok(router, 'wallets.history', { memberId, currency: 'CNY', limit: 1000 })).rows;
}

async function walletBalance(router: Router, memberId: number): Promise<number> {
  return (await ok(router, 'wallets.summary', { memberId })).wallets.find((w) => w.currency === 'CNY')!.balance;
}

type Operation = { kind: 'deposit' | 'withdraw' | 'pay' | 'send' | 'receive' | 'reverse'; amount: number };

const operationArb: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constantFrom('deposit', 'withdraw', 'pay', 'send', 'receive', 'reverse'),
  amount: fc.integer({ min: 1, max: 50_000 }),
});

/** Runs one operation; a refusal (not enough money, nothing left to reverse) is part of the walk and moves nothing. */
async function run(router: Router, op: Operation, member: number, other: number): Promise<void> {
  const base = { amount: op.amount, currency: 'CNY', idempotencyKey: nextKey() };
  if (op.kind === 'deposit') await router.invoke('wallets.deposit', { ...base, memberId: member });
  if (op.kind === 'withdraw') await router.invoke('wallets.withdraw', { ...base, memberId: member });
  if (op.kind === 'pay') await router.invoke('wallets.pay', { ...base, memberId: member, merchant: '星巴克' });
  if (op.kind === 'send') await router.invoke('wallets.transfer', { ...base, fromMemberId: member, toMemberId: other });
  if (op.kind === 'receive') await router.invoke('wallets.transfer', { ...base, fromMemberId: other, toMemberId: member });
  if (op.kind === 'reverse') {
    const reversible = (await history(router, member)).find((row) => row.receiptNumber !== null && !row.reversed && row.kind !== 'reversal' && row.kind !== 'fee');
    if (reversible) await router.invoke('wallets.reverse', { transferId: reversible.transferId, reason: 'property walk', idempotencyKey: nextKey() });
  }
}

describe('the wallet history of a member page', () => {
  it('gives every row the balance after it: the newest equals the wallet balance, each follows from the one before', async () => {
    const { router } = await counterRouter();
    const other = await addMember(router, { name: '李四' });
    await depositTo(router, other.id, 900_000);
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const member = await addMember(router);
        for (const op of ops) await run(router, op, member.id, other.id);
        const rows = await history(router, member.id);
        const balance = await walletBalance(router, member.id);
        expect(rows[0]?.balanceAfter ?? 0).toBe(balance);
        // Oldest first: each balance is the one before plus what the row moved.
        let before = 0;
        for (const row of [...rows].reverse()) {
          expect(row.balanceAfter).toBe(before + (row.direction === 'in' ? row.amount : -row.amount));
          before = row.balanceAfter;
        }
      }),
      { numRuns: 12 },
    );
  });

  it('keeps the balance after each row on a later page and under a kind filter', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    for (const amount of [1_000, 2_000, 3_000]) await depositTo(router, member.id, amount);
    await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 500, currency: 'CNY', idempotencyKey: nextKey() });
    const secondPage = await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY', offset: 1, limit: 2 });
    expect(secondPage.rows.map((row) => row.balanceAfter)).toEqual([6_000, 3_000]);
    const deposits = await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY', kinds: ['deposit'] });
    expect(deposits.rows.map((row) => row.balanceAfter)).toEqual([6_000, 3_000, 1_000]);
  });

  it('names the other side of each transfer: cash, the merchant, the fee, the other member', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router, { name: '张三' });
    const friend = await addMember(router, { name: '王五' });
    await depositTo(router, member.id, 100_000);
    await ok(router, 'wallets.pay', { memberId: member.id, amount: 10_000, currency: 'CNY', merchant: '星巴克', idempotencyKey: nextKey() });
    await ok(router, 'wallets.transfer', { fromMemberId: member.id, toMemberId: friend.id, amount: 2_000, currency: 'CNY', idempotencyKey: nextKey() });
    await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 1_000, currency: 'CNY', idempotencyKey: nextKey() });

    const rows = await history(router, member.id);
    expect(rows.map((row) => [row.kind, row.counterparty])).toEqual([
      ['withdrawal', { kind: 'operator', role: 'branch_cash' }],
      ['member_transfer', { kind: 'member', member: { id: friend.id, memberNumber: friend.memberNumber, name: '王五' } }],
      ['fee', { kind: 'operator', role: 'fee_income' }],
      ['payment', { kind: 'merchant', name: '星巴克' }],
      ['deposit', { kind: 'operator', role: 'branch_cash' }],
    ]);
    const received = await history(router, friend.id);
    expect(received.map((row) => row.counterparty)).toEqual([{ kind: 'member', member: { id: member.id, memberNumber: member.memberNumber, name: '张三' } }]);
  });

  it('names the merchant of a payment loaded without a receipt from its system memo', async () => {
    const { router } = await counterRouter();
    await ok(router, 'demo.load', { members: 3, transfers: 120, seed: 4 });
    const rows = (await Promise.all([1, 2, 3].map((id) => history(router, id)))).flat();
    const payments = rows.filter((row) => row.kind === 'payment' && row.receiptNumber === null);
    expect(payments.length).toBeGreaterThan(0);
    for (const payment of payments) expect(payment.counterparty).toEqual({ kind: 'merchant', name: expect.any(String) });
  });

  it('names the same other side on a reversal as on the transfer it undoes', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    const friend = await addMember(router, { name: '王五' });
    await depositTo(router, member.id, 5_000);
    const sent = await ok(router, 'wallets.transfer', { fromMemberId: member.id, toMemberId: friend.id, amount: 2_000, currency: 'CNY', idempotencyKey: nextKey() });
    await ok(router, 'wallets.reverse', { transferId: sent.transferIds[0]!, reason: 'wrong member', idempotencyKey: nextKey() });
    const [reversal] = await history(router, member.id);
    expect(reversal).toMatchObject({ kind: 'reversal', direction: 'in', balanceAfter: 5_000, counterparty: { kind: 'member', member: { id: friend.id } } });
  });
});

describe('the members list', () => {
  async function listWithBalances() {
    const { router } = await counterRouter();
    const balances = [30_000, 0, 125_000, 30_000, 7_50];
    const members = [];
    for (const [index, amount] of balances.entries()) {
      const member = await addMember(router, { name: `会员${index}` });
      if (amount > 0) await depositTo(router, member.id, amount);
      members.push(member);
    }
    return { router, members };
  }

  it('shows each member\'s wallet balance in the first enabled currency, and says which', async () => {
    const { router, members } = await listWithBalances();
    const list = await ok(router, 'members.search', {});
    expect(list.currency).toBe('CNY');
    expect(list.rows.map((row) => [row.id, row.balance])).toEqual(members.map((m, i) => [m.id, [30_000, 0, 125_000, 30_000, 7_50][i]]));
  });

  it('sorts by balance in either direction, ties in registration order, on the server across pages', async () => {
    const { router, members } = await listWithBalances();
    const ids = members.map((m) => m.id);
    const order = async (direction: 'asc' | 'desc', offset = 0, limit = 50) => (await ok(router, 'members.search', { sort: 'balance', direction, offset, limit })).rows.map((row) => row.id);
    expect(await order('asc')).toEqual([ids[1], ids[4], ids[0], ids[3], ids[2]]);
    expect(await order('desc')).toEqual([ids[2], ids[3], ids[0], ids[4], ids[1]]);
    expect([...(await order('desc', 0, 2)), ...(await order('desc', 2, 2)), ...(await order('desc', 4, 2))]).toEqual(await order('desc'));
  });

  it('sorts a search\'s matches and a status filter by balance the same way', async () => {
    const { router, members } = await listWithBalances();
    const ids = members.map((m) => m.id);
    await ok(router, 'members.freeze', { id: ids[2]!, reason: 'card lost' });
    await ok(router, 'members.freeze', { id: ids[4]!, reason: 'card lost' });
    const frozen = await ok(router, 'members.search', { status: 'frozen', sort: 'balance', direction: 'desc' });
    expect(frozen.rows.map((row) => row.id)).toEqual([ids[2], ids[4]]);
    const named = await ok(router, 'members.search', { query: '会员', sort: 'balance', direction: 'asc' });
    expect(named.rows.map((row) => row.id)).toEqual([ids[1], ids[4], ids[0], ids[3], ids[2]]);
  });

  it('counts a member without a wallet in the list\'s currency as zero, in order, when that currency comes first', async () => {
    const { router, members } = await listWithBalances();
    const ids = members.map((m) => m.id);
    await ok(router, 'settings.update', { enabledCurrencies: ['USD', 'CNY'] });
    await depositTo(router, ids[3]!, 900, 'USD');
    const list = await ok(router, 'members.search', { sort: 'balance', direction: 'desc' });
    expect(list.currency).toBe('USD');
    expect(list.rows.map((row) => [row.id, row.balance])).toEqual([[ids[3], 900], [ids[4], 0], [ids[2], 0], [ids[1], 0], [ids[0], 0]]);
  });

  it('finds a member by the end of the number typed with spaces, as read off a card', async () => {
    const { router } = await counterRouter();
    for (let i = 0; i < 12; i += 1) await addMember(router, { name: `会员${i + 1}` });
    const found = async (query: string) => (await ok(router, 'members.search', { query })).rows.map((row) => row.memberNumber);
    expect(memberNumberFor(8)).toBe('100000074');
    expect(await found('0007 4')).toEqual(['100000074']);
    expect(await found('00074')).toEqual(['100000074']);
    expect(await found('0-0074')).toEqual(['100000074']);
    expect(await found('1000 0007 4')).toEqual(['100000074']);
    expect(await found('1000 000')).toHaveLength(10);
    expect(await found('9999 9')).toEqual([]);
  });
});

describe('member notes', () => {
  it(`refuses notes over ${INPUT_LIMITS.prose} characters with INVALID_INPUT naming the field, and changes nothing`, async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router, { notes: 'prefers mornings' });
    const before = snapshot(router);
    const tooLong = 'x'.repeat(INPUT_LIMITS.prose + 1);
    for (const answer of [
      await router.invoke('members.create', { name: '赵六', phone: '13900000999', notes: tooLong }),
      await router.invoke('members.update', { id: member.id, notes: tooLong }),
    ]) {
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect([answer.error.code, answer.error.details?.field]).toEqual(['INVALID_INPUT', 'notes']);
    }
    expect(snapshot(router)).toEqual(before);
    expect((await ok(router, 'members.get', { id: member.id })).notes).toBe('prefers mornings');
    const atLimit = await ok(router, 'members.update', { id: member.id, notes: 'y'.repeat(INPUT_LIMITS.prose) });
    expect(atLimit.notes).toHaveLength(INPUT_LIMITS.prose);
  });
});

describe('the members list as a CSV file', () => {
  it('holds every matching member, not just a page, with balances as plain decimals in major units', async () => {
    const { router } = await counterRouter();
    const rich = await addMember(router, { name: '=欧阳小明', phone: '+8613800138000', email: 'ouyang@example.com' });
    await depositTo(router, rich.id, 999_950);
    for (let i = 0; i < 3; i += 1) await addMember(router, { name: `会员${i}` });
    const t = i18next.createInstance();
    await t.init({ lng: 'en', resources: { en: { members: membersEn, points: pointsEn } } });

    const { rows, currency } = await ok(router, 'members.export', { sort: 'balance', direction: 'desc' });
    const { rules } = await ok(router, 'points.rules', {});
    const text = writeCsv(memberCsvColumns(t.t, currency, rules), rows);
    const lines = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data;

    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toEqual(['Member no.', 'Name', 'Phone', 'Email', 'Status', 'Registered', 'Balance (CNY)', 'Tier']);
    expect(lines).toHaveLength(1 + 4);
    expect(lines[1]).toEqual([rich.memberNumber, "'=欧阳小明", "'+8613800138000", 'ouyang@example.com', 'Active', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), '9999.50', 'Standard']);
    expect(lines.slice(2).map((line) => line[6])).toEqual(['0.00', '0.00', '0.00']);
  });

  it('exports every member a search selects, in the list\'s order, in one answer longer than a page', async () => {
    const { router } = await counterRouter();
    await ok(router, 'demo.load', { members: 700, transfers: 2_000, seed: 9 });
    for (const view of [{ sort: 'balance', direction: 'desc' }, { sort: 'name', direction: 'asc', status: 'active' }, { query: '1000 0', sort: 'memberNumber', direction: 'desc' }] as const) {
      const pages = [];
      for (let offset = 0; ; offset += 500) {
        const page = await ok(router, 'members.search', { ...view, offset, limit: 500 });
        pages.push(...page.rows);
        if (page.rows.length < 500) break;
      }
      const exported = await ok(router, 'members.export', view);
      expect(exported.rows.length).toBeGreaterThan(500);
      expect(exported.rows).toEqual(pages);
    }
  });
});
