import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey, snapshot } from './members-fixtures';

async function balance(router: Router, memberId: number, currency = 'CNY'): Promise<number> {
  const { wallets } = await ok(router, 'wallets.summary', { memberId });
  return wallets.find((w) => w.currency === currency)!.balance;
}

function systemBalance(router: Router, code: string): number {
  const row = router.state.requireStore().sqlite.prepare('SELECT debits_posted - credits_posted AS net FROM accounts WHERE code = ?').get(code) as { net: number };
  return row.net;
}

describe('deposits', () => {
  it('puts cash into the wallet and hands back a full receipt', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router, { name: '张三丰' });
    const receipt = await ok(router, 'wallets.deposit', { memberId: member.id, amount: 12_345, currency: 'CNY', idempotencyKey: 'form-1', memo: 'counter 2' });
    expect(receipt).toEqual({
      receiptNumber: expect.stringMatching(/^R\d{8}-0000001$/),
      at: expect.any(String),
      operation: 'deposit',
      direction: 'in',
      teller: { username: 'tina', displayName: '张三丰' },
      approvedBy: null,
      approvalRequired: false,
      member: { id: member.id, memberNumber: member.memberNumber, name: '张三丰' },
      counterparty: null,
      merchant: null,
      currency: 'CNY',
      amount: 12_345,
      fee: 0,
      total: 12_345,
      balanceAfter: 12_345,
      availableAfter: 12_345,
      transferIds: [expect.any(Number)],
      memo: 'counter 2',
      reason: null,
      reverses: null,
      reversedBy: null,
    });
    expect(await balance(router, member.id)).toBe(12_345);
    expect(systemBalance(router, '1000-CNY')).toBe(12_345);
    // Fetched later, a receipt no longer vouches for what was available: holds have moved on since.
    expect(await ok(router, 'wallets.receipt', { receiptNumber: receipt.receiptNumber })).toEqual({ ...receipt, availableAfter: null });
  });

  it('returns the same receipt for a replayed key and moves nothing', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    const input = { memberId: member.id, amount: 5_000, currency: 'CNY', idempotencyKey: 'form-7' };
    const first = await ok(router, 'wallets.deposit', input);
    const before = snapshot(router);
    expect(await ok(router, 'wallets.deposit', input)).toEqual(first);
    expect(snapshot(router)).toEqual(before);
    expect(await balance(router, member.id)).toBe(5_000);
  });

  it('refuses a replayed key with a different amount with IDEMPOTENCY_CONFLICT naming the field', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: 5_000, currency: 'CNY', idempotencyKey: 'form-8' });
    const before = snapshot(router);
    const answer = await router.invoke('wallets.deposit', { memberId: member.id, amount: 5_001, currency: 'CNY', idempotencyKey: 'form-8' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT', details: { field: 'amount' } } });
    const asWithdrawal = await router.invoke('wallets.withdraw', { memberId: member.id, amount: 5_000, currency: 'CNY', idempotencyKey: 'form-8' });
    expect(asWithdrawal).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT', details: { field: 'operation' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a float, zero, negative or unsafe amount with AMOUNT_INVALID and moves nothing', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    const before = snapshot(router);
    for (const amount of [12.5, 0, -100, 2 ** 53]) {
      const answer = await router.invoke('wallets.deposit', { memberId: member.id, amount, currency: 'CNY', idempotencyKey: nextKey() });
      expect(answer).toMatchObject({ ok: false, error: { code: 'AMOUNT_INVALID', details: { field: 'amount' } } });
    }
    expect(await router.call('wallets.deposit', { memberId: member.id, amount: '12.50', currency: 'CNY', idempotencyKey: nextKey() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'amount' } },
    });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses an unknown member with MEMBER_NOT_FOUND and moves nothing', async () => {
    const { router } = await counterRouter('teller');
    const before = snapshot(router);
    const answer = await router.invoke('wallets.deposit', { memberId: 99, amount: 100, currency: 'CNY', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND', details: { field: 'memberId' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a currency that is not enabled with CURRENCY_DISABLED, and opens the wallet once it is', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    const before = snapshot(router);
    const refused = await router.invoke('wallets.deposit', { memberId: member.id, amount: 100, currency: 'USD', idempotencyKey: nextKey() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CURRENCY_DISABLED', details: { field: 'currency' } } });
    expect(snapshot(router)).toEqual(before);

    await ok(router, 'settings.update', { enabledCurrencies: ['CNY', 'USD'] });
    expect((await ok(router, 'wallets.summary', { memberId: member.id })).wallets).toMatchObject([
      { currency: 'CNY', balance: 0 },
      { currency: 'USD', accountId: null, balance: 0 },
    ]);
    const receipt = await depositTo(router, member.id, 2_500, 'USD');
    expect(receipt).toMatchObject({ currency: 'USD', balanceAfter: 2_500 });
    expect((await ok(router, 'wallets.summary', { memberId: member.id })).wallets[1]).toMatchObject({ currency: 'USD', accountId: expect.any(Number), balance: 2_500 });
  });

  it("accepts a deposit into a frozen member's wallet", async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await ok(router, 'members.freeze', { id: member.id, reason: 'under review' });
    expect(await depositTo(router, member.id, 700)).toMatchObject({ balanceAfter: 700 });
  });
});

describe('withdrawals', () => {
  it('pays cash out of the wallet', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await depositTo(router, member.id, 10_000);
    const receipt = await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 2_500, currency: 'CNY', idempotencyKey: nextKey() });
    expect(receipt).toMatchObject({ operation: 'withdrawal', direction: 'out', amount: 2_500, total: 2_500, balanceAfter: 7_500 });
    expect(systemBalance(router, '1000-CNY')).toBe(7_500);
  });

  it('refuses more than the balance with INSUFFICIENT_FUNDS and leaves the balance as it was', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await depositTo(router, member.id, 1_000);
    const before = snapshot(router);
    const answer = await router.invoke('wallets.withdraw', { memberId: member.id, amount: 1_001, currency: 'CNY', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS', details: { available: 1_000 } } });
    expect(snapshot(router)).toEqual(before);
    expect(await balance(router, member.id)).toBe(1_000);
  });

  it("refuses a frozen member's withdrawal with MEMBER_FROZEN and leaves the balance as it was", async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await depositTo(router, member.id, 1_000);
    await ok(router, 'members.freeze', { id: member.id, reason: 'fraud check' });
    const before = snapshot(router);
    const answer = await router.invoke('wallets.withdraw', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'MEMBER_FROZEN', details: { field: 'memberId' } } });
    expect(snapshot(router)).toEqual(before);
    expect(await balance(router, member.id)).toBe(1_000);
  });
});

describe('payments to a merchant', () => {
  it('pays the merchant and, linked, the fee rounded half up to the fen', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await depositTo(router, member.id, 100_000);
    const receipt = await ok(router, 'wallets.pay', { memberId: member.id, amount: 3_333, currency: 'CNY', merchant: '老北京茶馆', idempotencyKey: nextKey() });
    // 3 333 × 50 bps = 16.665 fen → 17
    expect(receipt).toMatchObject({ operation: 'payment', direction: 'out', merchant: '老北京茶馆', amount: 3_333, fee: 17, total: 3_350, balanceAfter: 96_650 });
    expect(receipt.transferIds).toHaveLength(2);
    expect(-systemBalance(router, '2200-CNY')).toBe(3_333);
    expect(-systemBalance(router, '4000-CNY')).toBe(17);
    const fees = [];
    // 16.45 → 16, 16.5 → 17, 0.5 → 1, 0.495 → 0
    for (const amount of [3_290, 3_300, 100, 99]) fees.push((await ok(router, 'wallets.pay', { memberId: member.id, amount, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() })).fee);
    expect(fees).toEqual([16, 17, 1, 0]);
  });

  it('posts no fee transfer when the fee rounds to zero', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    await depositTo(router, member.id, 1_000);
    await ok(router, 'settings.update', { paymentFeeBps: 0 });
    const receipt = await ok(router, 'wallets.pay', { memberId: member.id, amount: 1_000, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
    expect(receipt).toMatchObject({ fee: 0, total: 1_000, balanceAfter: 0 });
    expect(receipt.transferIds).toHaveLength(1);
  });

  it('refuses a payment whose fee would overdraw with INSUFFICIENT_FUNDS, posting neither leg', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await depositTo(router, member.id, 1_000);
    const before = snapshot(router);
    const answer = await router.invoke('wallets.pay', { memberId: member.id, amount: 1_000, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS', details: { index: 1 } } });
    expect(snapshot(router)).toEqual(before);
  });

  it("refuses a frozen member's payment with MEMBER_FROZEN", async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await depositTo(router, member.id, 1_000);
    await ok(router, 'members.freeze', { id: member.id, reason: 'x' });
    const before = snapshot(router);
    const answer = await router.invoke('wallets.pay', { memberId: member.id, amount: 10, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'MEMBER_FROZEN' } });
    expect(snapshot(router)).toEqual(before);
  });
});

describe('transfers between members', () => {
  it("moves money from the payer's wallet to the payee's, named on the receipt", async () => {
    const { router } = await counterRouter('teller');
    const payer = await addMember(router, { name: '张三' });
    const payee = await addMember(router, { name: '李四' });
    await depositTo(router, payer.id, 5_000);
    const receipt = await ok(router, 'wallets.transfer', { fromMemberId: payer.id, toMemberId: payee.id, amount: 1_200, currency: 'CNY', idempotencyKey: nextKey() });
    expect(receipt).toMatchObject({
      operation: 'transfer',
      direction: 'out',
      member: { id: payer.id, name: '张三' },
      counterparty: { id: payee.id, name: '李四' },
      amount: 1_200,
      balanceAfter: 3_800,
    });
    expect(await balance(router, payee.id)).toBe(1_200);
  });

  it('refuses a transfer to oneself with SAME_ACCOUNT', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    await depositTo(router, member.id, 5_000);
    const before = snapshot(router);
    const answer = await router.invoke('wallets.transfer', { fromMemberId: member.id, toMemberId: member.id, amount: 1, currency: 'CNY', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'SAME_ACCOUNT', details: { field: 'toMemberId' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a frozen payer with MEMBER_FROZEN and a closed payee with MEMBER_CLOSED, but pays a frozen payee', async () => {
    const { router } = await counterRouter('teller');
    const payer = await addMember(router);
    const payee = await addMember(router);
    const closed = await addMember(router);
    await ok(router, 'members.close', { id: closed.id, reason: 'left' });
    await depositTo(router, payer.id, 5_000);
    await ok(router, 'members.freeze', { id: payee.id, reason: 'x' });
    expect(await ok(router, 'wallets.transfer', { fromMemberId: payer.id, toMemberId: payee.id, amount: 100, currency: 'CNY', idempotencyKey: nextKey() })).toMatchObject({ balanceAfter: 4_900 });

    const before = snapshot(router);
    const toClosed = await router.invoke('wallets.transfer', { fromMemberId: payer.id, toMemberId: closed.id, amount: 100, currency: 'CNY', idempotencyKey: nextKey() });
    expect(toClosed).toMatchObject({ ok: false, error: { code: 'MEMBER_CLOSED', details: { field: 'toMemberId' } } });
    const fromFrozen = await router.invoke('wallets.transfer', { fromMemberId: payee.id, toMemberId: payer.id, amount: 50, currency: 'CNY', idempotencyKey: nextKey() });
    expect(fromFrozen).toMatchObject({ ok: false, error: { code: 'MEMBER_FROZEN', details: { field: 'fromMemberId' } } });
    expect(snapshot(router)).toEqual(before);
  });
});

describe('receipts and history', () => {
  it('answers RECEIPT_NOT_FOUND for an unknown receipt number', async () => {
    const { router } = await counterRouter('teller');
    expect(await router.invoke('wallets.receipt', { receiptNumber: 'R20260101-0000001' })).toMatchObject({ ok: false, error: { code: 'RECEIPT_NOT_FOUND', details: { field: 'receiptNumber' } } });
  });

  it("lists a wallet's transfers newest first with their receipts, filtered by kind", async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    const deposit = await depositTo(router, member.id, 10_000);
    const payment = await ok(router, 'wallets.pay', { memberId: member.id, amount: 1_000, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
    const history = await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY' });
    expect(history.total).toBe(3);
    expect(history.rows.map((r) => [r.kind, r.direction, r.amount, r.receiptNumber, r.reversed])).toEqual([
      ['fee', 'out', 5, payment.receiptNumber, false],
      ['payment', 'out', 1_000, payment.receiptNumber, false],
      ['deposit', 'in', 10_000, deposit.receiptNumber, false],
    ]);
    const deposits = await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY', kinds: ['deposit'] });
    expect(deposits.rows.map((r) => r.transferId)).toEqual(deposit.transferIds);
  });

  it('refuses teller operations to an auditor with FORBIDDEN', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    await ok(router, 'staff.add', { username: 'audrey', displayName: 'Audrey', role: 'auditor', passphrase: 'auditor passphrase 2026' });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: 'audrey', passphrase: 'auditor passphrase 2026' });
    const before = snapshot(router);
    const answer = await router.invoke('wallets.deposit', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot(router)).toEqual(before);
  });
});

describe('wallet settings', () => {
  it('refuses an unknown currency, points, duplicates or an out-of-range fee rate, naming the field and saving nothing', async () => {
    const { router } = await counterRouter();
    const before = await ok(router, 'settings.get', {});
    expect(before).toMatchObject({ enabledCurrencies: ['CNY'], paymentFeeBps: 50 });
    const cases: [Record<string, unknown>, string][] = [
      [{ enabledCurrencies: ['XYZ'] }, 'enabledCurrencies.0'],
      [{ enabledCurrencies: ['CNY', 'PTS'] }, 'enabledCurrencies.1'],
      [{ enabledCurrencies: [] }, 'enabledCurrencies'],
      [{ enabledCurrencies: ['CNY', 'CNY'] }, 'enabledCurrencies'],
      [{ paymentFeeBps: 10_001 }, 'paymentFeeBps'],
      [{ paymentFeeBps: 2.5 }, 'paymentFeeBps'],
    ];
    for (const [input, field] of cases) {
      expect(await router.call('settings.update', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
    }
    expect(await ok(router, 'settings.get', {})).toEqual(before);
  });
});
