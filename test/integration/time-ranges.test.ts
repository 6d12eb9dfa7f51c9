import { describe, expect, it } from 'vitest';
import { ok, setUpRouter } from '../support/temp-data';

// Issue 8, smaller defects: a time range that ends before it starts matched nothing and answered
// an empty list, which reads as "nothing happened". Every channel with a range refuses it on `to`.

const RANGE = { from: '2026-12-02T00:00:00.000Z', to: '2026-12-01T23:59:59.999Z' };

describe('a reversed time range', () => {
  it('is INVALID_INPUT on `to` (reason range_reversed) for the audit log, a wallet\'s and an account\'s history; the same day both ways is fine', async () => {
    const { router } = await setUpRouter();
    const member = await ok(router, 'members.create', { name: 'Range Member', phone: '13800000077' });
    const account = (await ok(router, 'ledger.accounts', {})).rows[0]!;
    const refusal = { ok: false, error: { code: 'INVALID_INPUT', details: { field: 'to', reason: 'range_reversed' } } };
    expect(await router.invoke('audit.list', RANGE)).toMatchObject(refusal);
    expect(await router.invoke('wallets.history', { memberId: member.id, currency: 'CNY', ...RANGE })).toMatchObject(refusal);
    expect(await router.invoke('ledger.accountTransfers', { accountId: account.id, ...RANGE })).toMatchObject(refusal);

    const sameDay = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-01T23:59:59.999Z' };
    expect((await router.invoke('audit.list', sameDay)).ok).toBe(true);
  });
});
