import { describe, expect, it } from 'vitest';
import { balanceOf, createAccount, placeHold, postTransfer, systemAccount } from '../../src-main/ledger';
import { ADMIN, ok, setUpRouter } from '../support/temp-data';

describe('housekeeping', () => {
  it('voids a hold that expired while the data was locked at the next sign-in, audited as system', async () => {
    const { router } = await setUpRouter();
    const store = router.state.requireStore();
    const wallet = createAccount(store, { code: '2100-90000001-CNY', name: 'Test wallet', kind: 'liability', currency: 'CNY', ownerType: 'member', ownerId: 1, noOverdraft: true });
    const cash = systemAccount(store, 'branch_cash', 'CNY');
    postTransfer(store, { idempotencyKey: 'fund', debitAccountId: cash.id, creditAccountId: wallet.id, amount: 10_000, kind: 'deposit', actor: 'admin' });
    placeHold(store, { idempotencyKey: 'hold', debitAccountId: wallet.id, creditAccountId: cash.id, amount: 4_000, kind: 'withdrawal', actor: 'admin', expiresAt: new Date(Date.now() + 50) });
    expect(balanceOf(store, wallet.id).available).toBe(6_000);

    await ok(router, 'session.lock', {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });

    const reopened = router.state.requireStore();
    expect(balanceOf(reopened, wallet.id)).toMatchObject({ posted: 10_000, available: 10_000, pendingDebits: 0 });
    const { rows } = await ok(router, 'audit.list', { action: 'ledger.expireHolds' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'system', after: { voided: 1 } });
  });

  it('leaves a hold that has not expired alone', async () => {
    const { router } = await setUpRouter();
    const store = router.state.requireStore();
    const wallet = createAccount(store, { code: '2100-90000002-CNY', name: 'Test wallet', kind: 'liability', currency: 'CNY', ownerType: 'member', ownerId: 2, noOverdraft: true });
    const cash = systemAccount(store, 'branch_cash', 'CNY');
    postTransfer(store, { idempotencyKey: 'fund', debitAccountId: cash.id, creditAccountId: wallet.id, amount: 10_000, kind: 'deposit', actor: 'admin' });
    placeHold(store, { idempotencyKey: 'hold', debitAccountId: wallet.id, creditAccountId: cash.id, amount: 4_000, kind: 'withdrawal', actor: 'admin', expiresAt: new Date(Date.now() + 3_600_000) });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(balanceOf(router.state.requireStore(), wallet.id)).toMatchObject({ available: 6_000, pendingDebits: 4_000 });
    expect((await ok(router, 'audit.list', { action: 'ledger.expireHolds' })).rows).toHaveLength(0);
  });
});
