import { describe, expect, it } from 'vitest';
import { postTransfer, systemAccount } from '../../src-main/ledger';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey, signInAs, snapshot } from './members-fixtures';

describe('reversing a wallet operation', () => {
  it('undoes a deposit with a reason, links both receipts and records it in the audit log', async () => {
    const { router } = await counterRouter('teller', ['finance']);
    const member = await addMember(router);
    const deposit = await depositTo(router, member.id, 8_000);
    await signInAs(router, 'finance');
    const reversal = await ok(router, 'wallets.reverse', { transferId: deposit.transferIds[0]!, reason: 'keyed the wrong member', idempotencyKey: 'rev-1' });
    expect(reversal).toMatchObject({
      operation: 'reversal',
      direction: 'out',
      teller: { username: 'fiona' },
      member: { id: member.id },
      amount: 8_000,
      total: 8_000,
      balanceAfter: 0,
      reason: 'keyed the wrong member',
      reverses: { receiptNumber: deposit.receiptNumber, operation: 'deposit' },
      reversedBy: null,
    });
    expect((await ok(router, 'wallets.receipt', { receiptNumber: deposit.receiptNumber })).reversedBy).toBe(reversal.receiptNumber);
    const history = await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY' });
    expect(history.rows.map((r) => [r.kind, r.reversed])).toEqual([['reversal', false], ['deposit', true]]);
    const audit = await ok(router, 'audit.list', { action: 'wallet.reverse' });
    expect(audit.rows).toMatchObject([{ actor: 'fiona', entityType: 'receipt', entityId: deposit.receiptNumber, after: { reversalReceipt: reversal.receiptNumber, reason: 'keyed the wrong member' } }]);
  });

  it('undoes a payment together with its fee, whichever of the two transfers is named', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    await depositTo(router, member.id, 10_000);
    const payment = await ok(router, 'wallets.pay', { memberId: member.id, amount: 3_333, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
    const reversal = await ok(router, 'wallets.reverse', { transferId: payment.transferIds[1]!, reason: 'goods returned', idempotencyKey: nextKey() });
    expect(reversal).toMatchObject({ direction: 'in', amount: 3_333, fee: 17, total: 3_350, balanceAfter: 10_000, merchant: 'm' });
    expect(reversal.transferIds).toHaveLength(2);
  });

  it('returns the same receipt when the reversal is replayed with its key', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    const deposit = await depositTo(router, member.id, 500);
    const input = { transferId: deposit.transferIds[0]!, reason: 'duplicate', idempotencyKey: 'rev-9' };
    const first = await ok(router, 'wallets.reverse', input);
    const before = snapshot(router);
    expect(await ok(router, 'wallets.reverse', input)).toEqual(first);
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a reversal by a teller with FORBIDDEN and changes nothing', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    const deposit = await depositTo(router, member.id, 500);
    const before = snapshot(router);
    const answer = await router.invoke('wallets.reverse', { transferId: deposit.transferIds[0]!, reason: 'oops', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'ledger.reverse' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a second reversal with ALREADY_REVERSED and changes nothing', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    const deposit = await depositTo(router, member.id, 500);
    const first = await ok(router, 'wallets.reverse', { transferId: deposit.transferIds[0]!, reason: 'duplicate', idempotencyKey: nextKey() });
    const before = snapshot(router);
    const again = await router.invoke('wallets.reverse', { transferId: deposit.transferIds[0]!, reason: 'duplicate', idempotencyKey: nextKey() });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_REVERSED', details: { field: 'transferId', reversedBy: first.receiptNumber } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses to reverse a reversal with REVERSAL_NOT_ALLOWED and changes nothing', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    const deposit = await depositTo(router, member.id, 500);
    const reversal = await ok(router, 'wallets.reverse', { transferId: deposit.transferIds[0]!, reason: 'duplicate', idempotencyKey: nextKey() });
    const before = snapshot(router);
    const answer = await router.invoke('wallets.reverse', { transferId: reversal.transferIds[0]!, reason: 'undo the undo', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'REVERSAL_NOT_ALLOWED', details: { field: 'transferId' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses an unknown transfer with TRANSFER_NOT_FOUND, and one no wallet operation made with REVERSAL_NOT_ALLOWED', async () => {
    const { router } = await counterRouter();
    const store = router.state.requireStore();
    const funding = postTransfer(store, {
      idempotencyKey: 'equity-1',
      debitAccountId: systemAccount(store, 'branch_cash', 'CNY').id,
      creditAccountId: systemAccount(store, 'owner_equity', 'CNY').id,
      amount: 1_000_000,
      kind: 'capital',
      actor: 'admin',
    });
    const before = snapshot(router);
    const unknown = await router.invoke('wallets.reverse', { transferId: 999, reason: 'x', idempotencyKey: nextKey() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'TRANSFER_NOT_FOUND', details: { field: 'transferId' } } });
    const foreign = await router.invoke('wallets.reverse', { transferId: funding.id, reason: 'x', idempotencyKey: nextKey() });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'REVERSAL_NOT_ALLOWED', details: { field: 'transferId' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses to reverse a deposit the member already spent with INSUFFICIENT_FUNDS and changes nothing', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    const deposit = await depositTo(router, member.id, 1_000);
    await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 600, currency: 'CNY', idempotencyKey: nextKey() });
    const before = snapshot(router);
    const answer = await router.invoke('wallets.reverse', { transferId: deposit.transferIds[0]!, reason: 'x', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS' } });
    expect(snapshot(router)).toEqual(before);
  });

  it("corrects a frozen member's deposit, since a reversal is the operator's own correction", async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    const deposit = await depositTo(router, member.id, 1_000);
    await ok(router, 'members.freeze', { id: member.id, reason: 'review' });
    expect(await ok(router, 'wallets.reverse', { transferId: deposit.transferIds[0]!, reason: 'counterfeit notes', idempotencyKey: nextKey() })).toMatchObject({ balanceAfter: 0 });
  });

  it('leaves the ledger and audit chain verifiable after operations and reversals', async () => {
    const { router } = await counterRouter();
    const a = await addMember(router);
    const b = await addMember(router);
    await depositTo(router, a.id, 10_000);
    const transfer = await ok(router, 'wallets.transfer', { fromMemberId: a.id, toMemberId: b.id, amount: 2_000, currency: 'CNY', idempotencyKey: nextKey() });
    await ok(router, 'wallets.reverse', { transferId: transfer.transferIds[0]!, reason: 'wrong payee', idempotencyKey: nextKey() });
    const report = await ok(router, 'system.verify', {});
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
  it('refuses ledger.reverse on one leg of a teller operation with REVERSAL_NOT_ALLOWED, naming its receipt, and changes nothing', async () => {
    const { router } = await counterRouter('teller', ['finance']);
    const member = await addMember(router);
    await depositTo(router, member.id, 10_000);
    const payment = await ok(router, 'wallets.pay', { memberId: member.id, amount: 1_000, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
    await signInAs(router, 'finance');
    const before = snapshot(router);
    const answer = await router.invoke('ledger.reverse', { transferId: payment.transferIds[0]!, reason: 'only the payment', idempotencyKey: 'rev-leg' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'REVERSAL_NOT_ALLOWED', details: { field: 'transferId', receiptNumber: payment.receiptNumber } } });
    expect(snapshot(router)).toEqual(before);
    const whole = await ok(router, 'wallets.reverse', { transferId: payment.transferIds[0]!, reason: 'the whole payment', idempotencyKey: 'rev-whole' });
    expect(whole).toMatchObject({ operation: 'reversal', total: 1_000 + payment.fee });
  });
});
