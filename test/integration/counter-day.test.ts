import { describe, expect, it } from 'vitest';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, nextKey, signInAs } from './members-fixtures';

// Issue 8, Home: until the dashboard, home shows the signed-in person's own figures for the day:
// how many operations, and the cash in and out at their counter, per currency.

const DAY = { from: '2000-01-01T00:00:00.000Z', to: '2999-12-31T23:59:59.999Z' };

describe('wallets.counterDay', () => {
  it('counts only the signed-in person\'s operations, with cash in and out (a reversed withdrawal takes the cash back in)', async () => {
    const { router } = await counterRouter('teller', ['finance']);
    const member = await addMember(router, { name: 'Counter Member' });
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: 10_000, currency: 'CNY', idempotencyKey: nextKey() });
    const withdrawal = await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 2_500, currency: 'CNY', idempotencyKey: nextKey() });
    const paid = await ok(router, 'wallets.pay', { memberId: member.id, amount: 1_000, currency: 'CNY', merchant: 'Tea House', idempotencyKey: nextKey() });
    expect(paid.operation).toBe('payment');
    expect(await ok(router, 'wallets.counterDay', DAY)).toEqual({ operations: 3, currencies: [{ currency: 'CNY', operations: 3, cashIn: 10_000, cashOut: 2_500 }] });

    await signInAs(router, 'finance');
    expect(await ok(router, 'wallets.counterDay', DAY)).toEqual({ operations: 0, currencies: [] });
    await ok(router, 'wallets.reverse', { transferId: withdrawal.transferIds[0]!, reason: 'keyed twice', idempotencyKey: nextKey() });
    expect(await ok(router, 'wallets.counterDay', DAY)).toEqual({ operations: 1, currencies: [{ currency: 'CNY', operations: 1, cashIn: 2_500, cashOut: 0 }] });
  });

  it('refuses a window that ends before it starts on `to`', async () => {
    const { router } = await counterRouter('teller');
    expect(await router.invoke('wallets.counterDay', { from: DAY.to, to: DAY.from })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'to', reason: 'range_reversed' } } });
  });
});
