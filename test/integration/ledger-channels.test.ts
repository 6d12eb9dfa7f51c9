import { describe, expect, it } from 'vitest';
import { placeHold, postTransfer, systemAccount } from '../../src-main/ledger';
import { ADMIN, TELLER, ok, setUpRouter, signInAs } from '../support/temp-data';
import { openWallet, snapshot } from './ledger-fixtures';

const FINANCE = { username: 'fiona', displayName: 'Fiona Finance', role: 'finance' as const, passphrase: 'finance passphrase 2026' };

/** A ledger with one deposit (transfer 1) and one hold (transfer 2), and the finance and teller staff. */
async function ledgerRouter() {
  const { router } = await setUpRouter();
  await ok(router, 'staff.add', FINANCE);
  await ok(router, 'staff.add', TELLER);
  const store = router.state.requireStore();
  const cash = systemAccount(store, 'branch_cash', 'CNY');
  const merchant = systemAccount(store, 'merchant_settlement', 'CNY');
  const alice = openWallet(store, 'alice');
  postTransfer(store, { idempotencyKey: 'dep-1', debitAccountId: cash.id, creditAccountId: alice.id, amount: 8_800, kind: 'deposit', actor: ADMIN.username });
  placeHold(store, { idempotencyKey: 'auth-1', debitAccountId: alice.id, creditAccountId: merchant.id, amount: 800, kind: 'card_auth', actor: ADMIN.username });
  return { router, alice, cash };
}

describe('ledger channels', () => {
  it('lists the chart of accounts with balances, filtered by owner type', async () => {
    const { router, alice } = await ledgerRouter();
    const members = await ok(router, 'ledger.accounts', { ownerType: 'member' });
    expect(members.total).toBe(1);
    expect(members.rows[0]).toMatchObject({ id: alice.id, balance: { posted: 8_800, pendingDebits: 800, available: 8_000 } });
    const assets = await ok(router, 'ledger.accounts', { kind: 'asset', currency: 'CNY' });
    expect(assets.rows.map((a) => a.systemRole)).toEqual(['branch_cash', 'bank_settlement']);
  });

  it('answers the trial balance with the journal head that system.verify also reports', async () => {
    const { router } = await ledgerRouter();
    const report = await ok(router, 'ledger.trialBalance', { currency: 'CNY' });
    expect(report.currencies).toEqual([{ currency: 'CNY', debitsPosted: 8_800, creditsPosted: 8_800, debitsPending: 800, creditsPending: 800, balanced: true }]);
    const verdict = await ok(router, 'system.verify', {});
    expect(verdict.ok).toBe(true);
    expect(verdict.heads.journal).toBe(report.head);
    expect(verdict.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['ledger.chain', 'ledger.totals', 'ledger.no_overdraft', 'ledger.holds', 'ledger.balanced']));
  });

  it('shows a transfer with its accounts and links, and an account history', async () => {
    const { router, alice } = await ledgerRouter();
    const detail = await ok(router, 'ledger.transfer', { id: 2 });
    expect(detail).toMatchObject({ transfer: { id: 2, state: 'pending' }, debitAccount: { id: alice.id }, resolution: null, reversal: null });
    const history = await ok(router, 'ledger.accountTransfers', { accountId: alice.id });
    expect(history.rows.map((t) => t.id)).toEqual([2, 1]);
    expect(await router.invoke('ledger.transfer', { id: 99 })).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_FOUND' } });
  });

  it('reverses a transfer as the signed-in finance person, audits it once, and replays the key', async () => {
    const { router, alice } = await ledgerRouter();
    await signInAs(router, FINANCE);
    const input = { transferId: 1, reason: 'deposit keyed twice', idempotencyKey: 'rev-1' };
    const answer = await router.invoke('ledger.reverse', input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS' } });
    await signInAs(router, { username: 'admin', passphrase: 'correct horse battery 42' });
    const store = router.state.requireStore();
    postTransfer(store, { idempotencyKey: 'dep-2', debitAccountId: systemAccount(store, 'branch_cash', 'CNY').id, creditAccountId: alice.id, amount: 800, kind: 'deposit', actor: 'tina' });
    await signInAs(router, FINANCE);
    const reversal = await ok(router, 'ledger.reverse', input);
    expect(reversal).toMatchObject({ state: 'reversal', reversesId: 1, actor: 'fiona', memo: 'deposit keyed twice' });
    expect(await ok(router, 'ledger.reverse', input)).toEqual(reversal);
    const { rows } = await ok(router, 'audit.list', { action: 'ledger.reverse' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'fiona', entityType: 'transfer', entityId: '1', after: { reversal: reversal.id, amount: 8_800 } });
  });

  it('runs the hold expiry job for finance, voiding only expired holds and auditing the run', async () => {
    const { router, alice } = await ledgerRouter();
    await signInAs(router, FINANCE);
    // Expiring after sign-in, so the sign-in housekeeping has not already voided it.
    const store = router.state.requireStore();
    const merchant = systemAccount(store, 'merchant_settlement', 'CNY');
    placeHold(store, { idempotencyKey: 'auth-2', debitAccountId: alice.id, creditAccountId: merchant.id, amount: 100, kind: 'card_auth', actor: 'tina', expiresAt: new Date(Date.now() + 50) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await ok(router, 'ledger.expireHolds', {})).toEqual({ voided: 1 });
    expect(await ok(router, 'ledger.expireHolds', {})).toEqual({ voided: 0 });
    expect((await ok(router, 'ledger.accounts', { ownerType: 'member' })).rows[0]!.balance.pendingDebits).toBe(800);
    expect((await ok(router, 'audit.list', { action: 'ledger.expireHolds' })).rows).toHaveLength(1);
  });

  it('refuses a teller the ledger channels with FORBIDDEN and reverses nothing', async () => {
    const { router } = await ledgerRouter();
    await signInAs(router, TELLER);
    const before = snapshot(router.state.requireStore());
    expect(await router.invoke('ledger.reverse', { transferId: 1, reason: 'no', idempotencyKey: 'rev-2' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await router.invoke('ledger.accounts', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot(router.state.requireStore())).toEqual(before);
  });

  it('refuses a reversal without a reason with INVALID_INPUT naming the field', async () => {
    const { router } = await ledgerRouter();
    const before = snapshot(router.state.requireStore());
    expect(await router.invoke('ledger.reverse', { transferId: 1, reason: '', idempotencyKey: 'rev-3' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'reason' } } });
    expect(snapshot(router.state.requireStore())).toEqual(before);
  });

  it.each(['hold-expiry:1', 'wallet:abc', 'preview:x', 'card:auth:x'])('refuses the reserved idempotency key %s with INVALID_INPUT and reverses nothing', async (idempotencyKey) => {
    const { router } = await ledgerRouter();
    const before = snapshot(router.state.requireStore());
    const answer = await router.invoke('ledger.reverse', { transferId: 1, reason: 'a reason', idempotencyKey });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'idempotencyKey' } } });
    expect(snapshot(router.state.requireStore())).toEqual(before);
  });
});
