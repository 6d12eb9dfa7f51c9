import { describe, expect, it } from 'vitest';
import {
  CHART_OF_ACCOUNTS, accountTransfers, balanceOf, closeAccount, createAccount, ensureSystemAccounts, findAccountByCode, getAccount,
  listAccounts, placeHold, postTransfer, systemAccount, trialBalance,
} from '../../src-main/ledger';
import { book, expectRefused, ledgerStore, req } from './ledger-fixtures';

describe('the chart of accounts', () => {
  it('is opened by the migration for CNY and for points', async () => {
    const store = await ledgerStore();
    const codes = listAccounts(store, { offset: 0, limit: 100 }).rows.map((a) => [a.code, a.systemRole, a.kind]);
    expect(codes).toEqual(CHART_OF_ACCOUNTS.map((e) => [`${e.number}-${e.unit === 'points' ? 'PTS' : 'CNY'}`, e.role, e.kind]).sort());
    expect(systemAccount(store, 'points_issued', 'PTS').currency).toBe('PTS');
  });

  it('opens the money accounts of another currency once, however often it is asked', async () => {
    const store = await ledgerStore();
    const first = ensureSystemAccounts(store, 'USD');
    expect(ensureSystemAccounts(store, 'USD')).toEqual(first);
    expect(first.map((a) => a.code)).toContain('1000-USD');
    expect(first.some((a) => a.systemRole === 'points_issued')).toBe(false);
  });

  it('refuses a system account of a currency not yet opened with ACCOUNT_NOT_FOUND', async () => {
    const store = await ledgerStore();
    expect(() => systemAccount(store, 'branch_cash', 'EUR')).toThrow(expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }));
  });
});

describe('accounts', () => {
  it('creates an account with zero totals and finds it by id and by code', async () => {
    const store = await ledgerStore();
    const wallet = createAccount(store, { code: '2100-00000017-CNY', name: '张三', kind: 'liability', currency: 'CNY', ownerType: 'member', ownerId: 17, noOverdraft: true });
    expect(wallet).toMatchObject({ code: '2100-00000017-CNY', name: '张三', ownerId: 17, noOverdraft: true, closed: false, debitsPosted: 0, creditsPending: 0 });
    expect(getAccount(store, wallet.id)).toEqual(wallet);
    expect(findAccountByCode(store, wallet.code)).toEqual(wallet);
    expect(findAccountByCode(store, 'nope')).toBeUndefined();
  });

  it('refuses a second account with the same code with ACCOUNT_EXISTS', async () => {
    const { store, alice } = await book();
    expectRefused(store, 'ACCOUNT_EXISTS', () => createAccount(store, { code: alice.code, name: 'x', kind: 'liability', currency: 'CNY', ownerType: 'member', ownerId: 1, noOverdraft: true }), { field: 'code' });
  });

  it('refuses an unknown currency with INVALID_INPUT', async () => {
    const store = await ledgerStore();
    expectRefused(store, 'INVALID_INPUT', () => createAccount(store, { code: 'X-1', name: 'x', kind: 'asset', currency: 'XYZ', ownerType: 'system', ownerId: null, noOverdraft: false }), { field: 'currency' });
  });

  it('refuses an unknown account id with ACCOUNT_NOT_FOUND', async () => {
    const store = await ledgerStore();
    expect(() => getAccount(store, 4242)).toThrow(expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }));
    expect(() => balanceOf(store, 4242)).toThrow(expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }));
  });

  it('closes an empty account and records who closed it', async () => {
    const { store, alice } = await book();
    const closed = closeAccount(store, alice.id, 'admin', new Date('2026-02-01T00:00:00.000Z'));
    expect(closed).toMatchObject({ closed: true, closedAt: '2026-02-01T00:00:00.000Z' });
    const audit = store.sqlite.prepare('SELECT actor, action, entity_id FROM audit_log WHERE action = ?').get('ledger.closeAccount');
    expect(audit).toEqual({ actor: 'admin', action: 'ledger.closeAccount', entity_id: String(alice.id) });
    expectRefused(store, 'ACCOUNT_CLOSED', () => closeAccount(store, alice.id, 'admin'));
  });

  it('refuses to close an account with a balance or a pending hold with ACCOUNT_HAS_BALANCE', async () => {
    const { store, cash, alice, merchant } = await book();
    postTransfer(store, req(cash, alice, 100));
    expectRefused(store, 'ACCOUNT_HAS_BALANCE', () => closeAccount(store, alice.id, 'admin'));
    placeHold(store, req(alice, merchant, 100, { kind: 'card_auth' }));
    expectRefused(store, 'ACCOUNT_HAS_BALANCE', () => closeAccount(store, merchant.id, 'admin'));
  });
});

describe('reading the ledger', () => {
  it('pages an account history newest first, filtered by kind and time', async () => {
    const { store, cash, alice, merchant } = await book();
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    for (let day = 1; day <= 5; day += 1) postTransfer(store, req(cash, alice, 1_000, { at: at(day) }));
    postTransfer(store, req(alice, merchant, 10, { kind: 'payment', at: at(6) }));
    const page = accountTransfers(store, alice.id, { offset: 0, limit: 3 });
    expect(page.total).toBe(6);
    expect(page.rows.map((t) => t.id)).toEqual([6, 5, 4]);
    expect(accountTransfers(store, alice.id, { offset: 3, limit: 3 }).rows.map((t) => t.id)).toEqual([3, 2, 1]);
    expect(accountTransfers(store, alice.id, { kinds: ['payment'], offset: 0, limit: 10 }).rows.map((t) => t.id)).toEqual([6]);
    const window = accountTransfers(store, alice.id, { from: at(2).toISOString(), to: at(4).toISOString(), offset: 0, limit: 10 });
    expect(window).toMatchObject({ total: 2 });
    expect(window.rows.map((t) => t.id)).toEqual([3, 2]);
  });

  it('balances the trial balance per currency and quotes the journal head', async () => {
    const { store, cash, alice, merchant } = await book();
    postTransfer(store, req(cash, alice, 1_000));
    const last = placeHold(store, req(alice, merchant, 300, { kind: 'card_auth' }));
    const report = trialBalance(store, { ownerType: 'member' });
    expect(report.currencies.find((c) => c.currency === 'CNY')).toEqual({ currency: 'CNY', debitsPosted: 1_000, creditsPosted: 1_000, debitsPending: 300, creditsPending: 300, balanced: true });
    expect(report.head).toBe(last.hash);
    expect(report.transferCount).toBe(2);
    expect(report.accounts.every((a) => a.ownerType === 'member')).toBe(true);
    expect(report.accounts.find((a) => a.id === alice.id)!.balance).toEqual({ posted: 1_000, pendingDebits: 300, pendingCredits: 0, available: 700 });
  });
});
