import { describe, expect, it } from 'vitest';
import { balanceOf, closeAccount, placeHold, postHold, postTransfer, reverseTransfer, transferDetail, voidHold } from '../../src-main/ledger';
import { book, expectRefused, req, snapshot } from './ledger-fixtures';

const reversal = (transferId: number, idempotencyKey: string) => ({ transferId, reason: 'keyed the wrong amount', idempotencyKey, actor: 'fiona' });

describe('reversing a transfer', () => {
  it('posts the opposite movement, linked both ways', async () => {
    const { store, cash, alice } = await book();
    const deposit = postTransfer(store, req(cash, alice, 5_000));
    const undo = reverseTransfer(store, reversal(deposit.id, 'rev-1'));
    expect(undo).toMatchObject({ state: 'reversal', kind: 'reversal', reversesId: deposit.id, debitAccountId: alice.id, creditAccountId: cash.id, amount: 5_000, memo: 'keyed the wrong amount', actor: 'fiona' });
    expect(balanceOf(store, alice.id).posted).toBe(0);
    expect(transferDetail(store, deposit.id).reversal).toEqual(undo);
    expect(transferDetail(store, undo.id).reverses).toEqual(deposit);
  });

  it('reverses a posted hold by its post', async () => {
    const { store, cash, alice, merchant } = await book();
    postTransfer(store, req(cash, alice, 1_000));
    const hold = placeHold(store, req(alice, merchant, 400, { kind: 'card_auth' }));
    const post = postHold(store, { holdId: hold.id, idempotencyKey: 'cap-1', actor: 'tina' });
    reverseTransfer(store, reversal(post.id, 'rev-2'));
    expect(balanceOf(store, alice.id).posted).toBe(1_000);
    expect(transferDetail(store, hold.id).resolution).toEqual(post);
  });

  it('reverses a transfer once: ALREADY_REVERSED names the reversal, and the same key replays it', async () => {
    const { store, cash, alice } = await book();
    const deposit = postTransfer(store, req(cash, alice, 5_000));
    const undo = reverseTransfer(store, reversal(deposit.id, 'rev-3'));
    expectRefused(store, 'ALREADY_REVERSED', () => reverseTransfer(store, reversal(deposit.id, 'rev-4')), { reversedBy: undo.id });
    const before = snapshot(store);
    expect(reverseTransfer(store, reversal(deposit.id, 'rev-3'))).toEqual(undo);
    expect(snapshot(store)).toEqual(before);
  });

  it('refuses to reverse a hold, a void or a reversal with REVERSAL_NOT_ALLOWED', async () => {
    const { store, cash, alice, merchant } = await book();
    const deposit = postTransfer(store, req(cash, alice, 1_000));
    const hold = placeHold(store, req(alice, merchant, 400, { kind: 'card_auth' }));
    expectRefused(store, 'REVERSAL_NOT_ALLOWED', () => reverseTransfer(store, reversal(hold.id, 'rev-5')), { state: 'pending' });
    const voided = voidHold(store, { holdId: hold.id, idempotencyKey: 'void-1', actor: 'tina' });
    expectRefused(store, 'REVERSAL_NOT_ALLOWED', () => reverseTransfer(store, reversal(voided.id, 'rev-6')), { state: 'void_pending' });
    const undo = reverseTransfer(store, reversal(deposit.id, 'rev-7'));
    expectRefused(store, 'REVERSAL_NOT_ALLOWED', () => reverseTransfer(store, reversal(undo.id, 'rev-8')), { state: 'reversal' });
  });

  it('refuses an unknown transfer with TRANSFER_NOT_FOUND', async () => {
    const { store } = await book();
    expectRefused(store, 'TRANSFER_NOT_FOUND', () => reverseTransfer(store, reversal(77, 'rev-9')), { field: 'transferId' });
  });

  it('refuses a reversal that would overdraw the wallet with INSUFFICIENT_FUNDS', async () => {
    const { store, cash, alice, merchant } = await book();
    const deposit = postTransfer(store, req(cash, alice, 1_000));
    postTransfer(store, req(alice, merchant, 600, { kind: 'payment' }));
    expectRefused(store, 'INSUFFICIENT_FUNDS', () => reverseTransfer(store, reversal(deposit.id, 'rev-10')), { accountId: alice.id });
  });

  it('refuses a reversal onto a closed account with ACCOUNT_CLOSED', async () => {
    const { store, cash, alice, bob } = await book();
    postTransfer(store, req(cash, alice, 1_000));
    const gift = postTransfer(store, req(alice, bob, 1_000, { kind: 'member_transfer' }));
    closeAccount(store, alice.id, 'admin');
    expectRefused(store, 'ACCOUNT_CLOSED', () => reverseTransfer(store, reversal(gift.id, 'rev-11')));
  });

  it('refuses an empty reason with INVALID_INPUT', async () => {
    const { store, cash, alice } = await book();
    const deposit = postTransfer(store, req(cash, alice, 1_000));
    expectRefused(store, 'INVALID_INPUT', () => reverseTransfer(store, { ...reversal(deposit.id, 'rev-12'), reason: '  ' }), { field: 'reason' });
  });
});
