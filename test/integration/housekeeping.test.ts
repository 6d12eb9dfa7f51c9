import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { balanceOf, createAccount, placeHold, postTransfer, systemAccount } from '../../src-main/ledger';
import { ADMIN, ok, setUpRouter } from '../support/temp-data';

/** A wallet holding 100.00 with 40.00 of it on hold until `expiresInMs` from now. */
async function walletWithHold(expiresInMs: number): Promise<{ router: Router; walletId: number }> {
  const { router } = await setUpRouter();
  const store = router.state.requireStore();
  const wallet = createAccount(store, { code: '2100-90000001-CNY', name: 'Test wallet', kind: 'liability', currency: 'CNY', ownerType: 'member', ownerId: 1, noOverdraft: true });
  const cash = systemAccount(store, 'branch_cash', 'CNY');
  postTransfer(store, { idempotencyKey: 'fund', debitAccountId: cash.id, creditAccountId: wallet.id, amount: 10_000, kind: 'deposit', actor: 'admin' });
  placeHold(store, { idempotencyKey: 'hold', debitAccountId: wallet.id, creditAccountId: cash.id, amount: 4_000, kind: 'withdrawal', actor: 'admin', expiresAt: new Date(Date.now() + expiresInMs) });
  expect(balanceOf(store, wallet.id).available).toBe(6_000);
  return { router, walletId: wallet.id };
}

async function signInAgain(router: Router): Promise<void> {
  await ok(router, 'session.lock', {});
  await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
}

describe('housekeeping', () => {
  it('voids a hold that expired while the data was locked at the next sign-in, audited as system', async () => {
    const { router, walletId } = await walletWithHold(50);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await signInAgain(router);
    expect(balanceOf(router.state.requireStore(), walletId)).toMatchObject({ posted: 10_000, available: 10_000, pendingDebits: 0 });
    const { rows } = await ok(router, 'audit.list', { action: 'ledger.expireHolds' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'system', after: { voided: 1 } });
  });

  it('leaves a hold that has not expired alone', async () => {
    const { router, walletId } = await walletWithHold(3_600_000);
    await signInAgain(router);
    expect(balanceOf(router.state.requireStore(), walletId)).toMatchObject({ available: 6_000, pendingDebits: 4_000 });
    expect((await ok(router, 'audit.list', { action: 'ledger.expireHolds' })).rows).toHaveLength(0);
  });
});
