import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createStore, openStore } from '../../src-main/store/store';
import { writeMovement } from '../../src-main/ledger/transfers';
import { LedgerWriter, inLedgerTransaction } from '../../src-main/ledger/writer';
import { tempDataDir } from '../support/temp-data';
import { balanceOf, closeAccount, postBulk, postLinked, postTransfer, systemAccount, verifyLedger } from '../../src-main/ledger';
import { book, expectRefused, openWallet, req, snapshot } from './ledger-fixtures';

describe('posting a transfer', () => {
  it('moves money between two accounts and keeps both totals and the journal in step', async () => {
    const { store, cash, alice } = await book();
    const transfer = postTransfer(store, req(cash, alice, 12_345, { memo: 'counter deposit', causeRef: 'receipt:1' }));
    expect(transfer).toMatchObject({ id: 1, amount: 12_345, currency: 'CNY', state: 'posted', kind: 'deposit', memo: 'counter deposit', causeRef: 'receipt:1' });
    expect(transfer.prevHash).toBe('0'.repeat(64));
    expect(balanceOf(store, alice.id)).toEqual({ posted: 12_345, pendingDebits: 0, pendingCredits: 0, available: 12_345 });
    expect(balanceOf(store, cash.id).posted).toBe(12_345);
    expect(verifyLedger(store).head).toBe(transfer.hash);
  });

  it('refuses a transfer that would push a running total past the exact integer range with AMOUNT_INVALID, and changes nothing', async () => {
    const { store, cash, alice } = await book();
    postTransfer(store, req(cash, alice, Number.MAX_SAFE_INTEGER));
    expectRefused(store, 'AMOUNT_INVALID', () => postTransfer(store, req(cash, alice, 1)), { reason: 'total_too_large' });
    expect(balanceOf(store, alice.id).posted).toBe(Number.MAX_SAFE_INTEGER);
    expect(verifyLedger(store).checks.every((c) => c.ok)).toBe(true);
  });

  it('chains every transfer to the one before it', async () => {
    const { store, cash, alice, bob } = await book();
    const first = postTransfer(store, req(cash, alice, 500));
    const second = postTransfer(store, req(alice, bob, 200, { kind: 'member_transfer' }));
    expect(second.prevHash).toBe(first.hash);
    expect(second.hash).not.toBe(first.hash);
  });

  it('returns the original transfer when a key is replayed with the same payload', async () => {
    const { store, cash, alice } = await book();
    const request = req(cash, alice, 700);
    const original = postTransfer(store, request);
    const before = snapshot(store);
    const replay = postTransfer(store, { ...request, actor: 'someone-else', at: new Date(Date.now() + 60_000) });
    expect(replay).toEqual(original);
    expect(snapshot(store)).toEqual(before);
  });

  it('replays a key even after the account was closed or the funds are gone', async () => {
    const { store, cash, alice, bob } = await book();
    postTransfer(store, req(cash, alice, 300));
    const spend = req(alice, bob, 300, { kind: 'member_transfer' });
    const original = postTransfer(store, spend);
    expect(postTransfer(store, spend)).toEqual(original);
    postTransfer(store, req(bob, cash, 300, { kind: 'withdrawal' }));
    closeAccount(store, bob.id, 'admin');
    expect(postTransfer(store, spend)).toEqual(original);
  });

  it('refuses a key reused with another payload with IDEMPOTENCY_CONFLICT naming the first differing field', async () => {
    const { store, cash, alice, bob } = await book();
    const request = req(cash, alice, 700);
    postTransfer(store, request);
    expectRefused(store, 'IDEMPOTENCY_CONFLICT', () => postTransfer(store, { ...request, amount: 701 }), { field: 'amount', transferId: 1 });
    expectRefused(store, 'IDEMPOTENCY_CONFLICT', () => postTransfer(store, { ...request, creditAccountId: bob.id }), { field: 'creditAccountId' });
    expectRefused(store, 'IDEMPOTENCY_CONFLICT', () => postTransfer(store, { ...request, memo: 'changed' }), { field: 'memo' });
  });

  it('refuses an amount that is a float, zero, negative or beyond the safe integers with AMOUNT_INVALID', async () => {
    const { store, cash, alice } = await book();
    for (const [amount, reason] of [[12.5, 'fractional'], [0, 'zero'], [-100, 'negative'], [2 ** 53, 'too_large'], [Number.NaN, 'not_a_number']] as const) {
      expectRefused(store, 'AMOUNT_INVALID', () => postTransfer(store, req(cash, alice, amount)), { field: 'amount', reason });
    }
  });

  it('refuses a transfer from an account to itself with SAME_ACCOUNT', async () => {
    const { store, cash } = await book();
    expectRefused(store, 'SAME_ACCOUNT', () => postTransfer(store, req(cash, cash, 100)));
  });

  it('refuses an unknown account with ACCOUNT_NOT_FOUND naming the side', async () => {
    const { store, cash, alice } = await book();
    expectRefused(store, 'ACCOUNT_NOT_FOUND', () => postTransfer(store, req(cash, { ...alice, id: 9_999 }, 100)), { field: 'creditAccountId' });
    expectRefused(store, 'ACCOUNT_NOT_FOUND', () => postTransfer(store, req({ ...alice, id: 9_998 }, cash, 100)), { field: 'debitAccountId' });
  });

  it('refuses a closed account with ACCOUNT_CLOSED', async () => {
    const { store, cash, alice } = await book();
    closeAccount(store, alice.id, 'admin');
    expectRefused(store, 'ACCOUNT_CLOSED', () => postTransfer(store, req(cash, alice, 100)), { field: 'creditAccountId' });
  });

  it('refuses accounts in two currencies with CURRENCY_MISMATCH', async () => {
    const { store, alice } = await book();
    const dollars = openWallet(store, 'carol', 'USD');
    expectRefused(store, 'CURRENCY_MISMATCH', () => postTransfer(store, req(alice, dollars, 100)));
  });

  it('refuses to take a no-overdraft wallet below zero with INSUFFICIENT_FUNDS', async () => {
    const { store, cash, alice, merchant } = await book();
    postTransfer(store, req(cash, alice, 1_000));
    expectRefused(store, 'INSUFFICIENT_FUNDS', () => postTransfer(store, req(alice, merchant, 1_001, { kind: 'payment' })), { accountId: alice.id, available: 1_000 });
    postTransfer(store, req(alice, merchant, 1_000, { kind: 'payment' }));
    expect(balanceOf(store, alice.id).available).toBe(0);
  });

  it('lets an account without the no-overdraft flag go below zero in its normal direction', async () => {
    const { store, cash, merchant } = await book();
    postTransfer(store, req(merchant, cash, 50, { kind: 'settlement' }));
    expect(balanceOf(store, merchant.id).posted).toBe(-50);
  });

  it('refuses a missing key, actor or kind with INVALID_INPUT naming the field', async () => {
    const { store, cash, alice } = await book();
    expectRefused(store, 'INVALID_INPUT', () => postTransfer(store, req(cash, alice, 1, { idempotencyKey: '' })), { field: 'idempotencyKey' });
    expectRefused(store, 'INVALID_INPUT', () => postTransfer(store, req(cash, alice, 1, { actor: ' ' })), { field: 'actor' });
    expectRefused(store, 'INVALID_INPUT', () => postTransfer(store, req(cash, alice, 1, { kind: 'Deposit!' })), { field: 'kind' });
  });
});

describe('linked transfers', () => {
  it('commits a payment and its fee together, sharing the link id of the first', async () => {
    const { store, cash, alice, merchant, fees } = await book();
    postTransfer(store, req(cash, alice, 10_000));
    const [payment, fee] = postLinked(store, [req(alice, merchant, 9_000, { kind: 'payment' }), req(alice, fees, 90, { kind: 'fee' })]);
    expect(payment!.linkId).toBe(payment!.id);
    expect(fee!.linkId).toBe(payment!.id);
    expect(balanceOf(store, alice.id).posted).toBe(910);
  });

  it('commits nothing when one leg is refused, and names the refused leg', async () => {
    const { store, cash, alice, merchant, fees } = await book();
    postTransfer(store, req(cash, alice, 9_000));
    expectRefused(
      store,
      'INSUFFICIENT_FUNDS',
      () => postLinked(store, [req(alice, merchant, 9_000, { kind: 'payment' }), req(alice, fees, 90, { kind: 'fee' })]),
      { index: 1 },
    );
  });

  it('counts earlier legs of the group against later ones', async () => {
    const { store, cash, alice, bob } = await book();
    postTransfer(store, req(cash, alice, 100));
    expectRefused(store, 'INSUFFICIENT_FUNDS', () => postLinked(store, [req(alice, bob, 60, { kind: 'member_transfer' }), req(alice, bob, 60, { kind: 'member_transfer' })]));
  });

  it('replays a linked group as a whole', async () => {
    const { store, cash, alice, merchant, fees } = await book();
    postTransfer(store, req(cash, alice, 10_000));
    const legs = [req(alice, merchant, 1_000, { kind: 'payment' }), req(alice, fees, 10, { kind: 'fee' })];
    const first = postLinked(store, legs);
    const before = snapshot(store);
    expect(postLinked(store, legs)).toEqual(first);
    expect(snapshot(store)).toEqual(before);
  });
});

describe('bulk posting', () => {
  it('posts in chunked commits and counts only new transfers', async () => {
    const { store, cash, alice, bob } = await book();
    const reqs = Array.from({ length: 25 }, (_, i) => req(cash, i % 2 ? alice : bob, 100 + i));
    expect(postBulk(store, reqs, { chunkSize: 10 })).toBe(25);
    expect(postBulk(store, reqs, { chunkSize: 7 })).toBe(0);
    expect(balanceOf(store, alice.id).posted + balanceOf(store, bob.id).posted).toBe(25 * 100 + (24 * 25) / 2);
    expect(verifyLedger(store).checks.every((c) => c.ok)).toBe(true);
  });

  it('re-reads its cached accounts when another connection committed between two chunks', async () => {
    const dir = tempDataDir();
    const key = randomBytes(32);
    const store = await createStore(dir, key);
    const other = await openStore(dir, key);
    try {
      const cash = systemAccount(store, 'branch_cash', 'CNY');
      const alice = openWallet(store, 'alice');
      const writer = new LedgerWriter(store, true);
      inLedgerTransaction(store, (w) => writeMovement(w, req(cash, alice, 500)), writer);
      postTransfer(other, req(alice, cash, 400, { kind: 'withdrawal' }));
      expect(() => inLedgerTransaction(store, (w) => writeMovement(w, req(alice, cash, 200, { kind: 'withdrawal' })), writer)).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_FUNDS' }));
      expect(verifyLedger(store).checks.every((c) => c.ok)).toBe(true);
    } finally {
      other.close();
      store.close();
    }
  });

  it('stops at a refused request, naming its index, with the chunks before it committed', async () => {
    const { store, cash, alice, merchant } = await book();
    const reqs = [req(cash, alice, 100), req(cash, alice, 100), req(alice, merchant, 150, { kind: 'payment' }), req(alice, merchant, 100, { kind: 'payment' })];
    expect(() => postBulk(store, reqs, { chunkSize: 2 })).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_FUNDS', details: expect.objectContaining({ index: 3 }) }));
    expect(balanceOf(store, alice.id).posted).toBe(200);
    expect(store.sqlite.prepare('SELECT count(*) FROM transfers').pluck().get()).toBe(2);
  });
});
