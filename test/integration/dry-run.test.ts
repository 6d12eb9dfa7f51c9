import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { ok, setUpRouter } from '../support/temp-data';
import { snapshot } from './members-fixtures';

// The router's one dry-run path: a previewable channel called with `dryRun: true` runs its real
// handler under its own permission and rolls back, answering the receipt a teller confirms. Every
// case compares the rows a posting would touch before and after.

const FINANCE = { username: 'fiona', displayName: 'Fiona Finance', role: 'finance' as const, passphrase: 'finance passphrase 2026' };

let phone = 0;
async function addMember(router: Router, name = '张三') {
  phone += 1;
  return ok(router, 'members.create', { name, phone: `1380000${String(phone).padStart(4, '0')}` });
}

async function memberWithBalance(router: Router, amount: number) {
  const member = await addMember(router);
  await ok(router, 'wallets.deposit', { memberId: member.id, amount, currency: 'CNY', idempotencyKey: `seed-${member.id}` });
  return member;
}

type CounterChannel = 'wallets.deposit' | 'wallets.withdraw' | 'wallets.pay' | 'wallets.transfer';

async function expectRefusedWithNothingWritten(router: Router, channel: CounterChannel, input: object, code: string, field?: string) {
  const before = snapshot(router);
  const answer = await router.call(channel, { ...input, dryRun: true });
  expect(answer).toMatchObject({ ok: false, error: { code, ...(field ? { details: { field } } : {}) } });
  expect(snapshot(router)).toEqual(before);
}

describe('dry run of a teller operation', () => {
  it('previews a deposit with the balance after, and writes nothing', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 10_000);
    const before = snapshot(router);
    const preview = await ok(router, 'wallets.deposit', { memberId: member.id, amount: 2_550, currency: 'CNY', idempotencyKey: 'preview-key', dryRun: true });
    expect(preview).toMatchObject({ operation: 'deposit', currency: 'CNY', amount: 2_550, fee: 0, total: 2_550, balanceAfter: 12_550, availableAfter: 12_550 });
    expect(snapshot(router)).toEqual(before);
  });

  it('previews a payment with the fee from the fee setting, matching what posting then does', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 100_000);
    const request = { memberId: member.id, amount: 12_345, currency: 'CNY', merchant: '全家便利店' };
    const before = snapshot(router);
    const preview = await ok(router, 'wallets.pay', { ...request, idempotencyKey: 'pay-1', dryRun: true });
    expect(snapshot(router)).toEqual(before);
    // 0.5 % of 123.45 is 0.61725, rounded half up to 0.62.
    expect(preview).toMatchObject({ operation: 'payment', currency: 'CNY', amount: 12_345, fee: 62, total: 12_407, balanceAfter: 87_593, availableAfter: 87_593 });
    // The dry run left the key unused: posting with it moves the money, with the previewed numbers.
    const receipt = await ok(router, 'wallets.pay', { ...request, idempotencyKey: 'pay-1' });
    expect(receipt).toEqual({ ...preview, at: receipt.at, receiptNumber: receipt.receiptNumber, transferIds: receipt.transferIds });
    expect(snapshot(router).receipts).toHaveLength(before.receipts.length + 1);
  });

  it("previews a withdrawal and a transfer from the payer's side", async () => {
    const { router } = await setUpRouter();
    const payer = await memberWithBalance(router, 5_000);
    const payee = await addMember(router, '李四');
    const before = snapshot(router);
    expect(await ok(router, 'wallets.withdraw', { memberId: payer.id, amount: 1_000, currency: 'CNY', idempotencyKey: 'preview-key', dryRun: true })).toMatchObject({
      total: 1_000,
      balanceAfter: 4_000,
    });
    expect(await ok(router, 'wallets.transfer', { fromMemberId: payer.id, toMemberId: payee.id, amount: 5_000, currency: 'CNY', idempotencyKey: 'preview-key', dryRun: true })).toMatchObject({
      total: 5_000,
      balanceAfter: 0,
      availableAfter: 0,
    });
    expect(snapshot(router)).toEqual(before);
  });

  it('leaves a wallet in a newly enabled currency unopened', async () => {
    const { router } = await setUpRouter();
    const member = await addMember(router);
    await ok(router, 'settings.update', { enabledCurrencies: ['CNY', 'HKD'] });
    const before = snapshot(router);
    expect(await ok(router, 'wallets.deposit', { memberId: member.id, amount: 100, currency: 'HKD', idempotencyKey: 'preview-key', dryRun: true })).toMatchObject({ balanceAfter: 100 });
    expect(snapshot(router)).toEqual(before);
    const summary = await ok(router, 'wallets.summary', { memberId: member.id });
    expect(summary.wallets.find((wallet) => wallet.currency === 'HKD')?.accountId).toBeNull();
  });

  it('refuses more than the available balance with INSUFFICIENT_FUNDS', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 1_000);
    await expectRefusedWithNothingWritten(router, 'wallets.withdraw', { memberId: member.id, amount: 1_001, currency: 'CNY', idempotencyKey: 'preview-key' }, 'INSUFFICIENT_FUNDS');
  });

  it('refuses a payment whose fee takes it past the balance with INSUFFICIENT_FUNDS', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 10_000);
    await expectRefusedWithNothingWritten(router, 'wallets.pay', { memberId: member.id, amount: 10_000, currency: 'CNY', merchant: 'Shop', idempotencyKey: 'preview-key' }, 'INSUFFICIENT_FUNDS');
  });

  it('refuses a debit from a frozen member with MEMBER_FROZEN', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 1_000);
    await ok(router, 'members.freeze', { id: member.id, reason: 'card reported stolen' });
    await expectRefusedWithNothingWritten(router, 'wallets.withdraw', { memberId: member.id, amount: 10, currency: 'CNY', idempotencyKey: 'preview-key' }, 'MEMBER_FROZEN', 'memberId');
  });

  it('refuses zero, negative and fractional amounts with AMOUNT_INVALID', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 1_000);
    for (const amount of [0, -5, 12.5]) {
      await expectRefusedWithNothingWritten(router, 'wallets.deposit', { memberId: member.id, amount, currency: 'CNY', idempotencyKey: 'preview-key' }, 'AMOUNT_INVALID', 'amount');
    }
  });

  it('refuses a currency that is not enabled with CURRENCY_DISABLED', async () => {
    const { router } = await setUpRouter();
    const member = await addMember(router);
    await expectRefusedWithNothingWritten(router, 'wallets.deposit', { memberId: member.id, amount: 100, currency: 'USD', idempotencyKey: 'preview-key' }, 'CURRENCY_DISABLED', 'currency');
  });

  it('refuses a transfer to the same member with SAME_ACCOUNT', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 1_000);
    await expectRefusedWithNothingWritten(router, 'wallets.transfer', { fromMemberId: member.id, toMemberId: member.id, amount: 10, currency: 'CNY', idempotencyKey: 'preview-key' }, 'SAME_ACCOUNT', 'toMemberId');
  });

  it('refuses an unknown member with MEMBER_NOT_FOUND', async () => {
    const { router } = await setUpRouter();
    await expectRefusedWithNothingWritten(router, 'wallets.deposit', { memberId: 999, amount: 100, currency: 'CNY', idempotencyKey: 'preview-key' }, 'MEMBER_NOT_FOUND', 'memberId');
  });

  it('refuses a preview of an operation the role may not post with FORBIDDEN', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 1_000);
    await ok(router, 'staff.add', FINANCE);
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: FINANCE.username, passphrase: FINANCE.passphrase });
    await expectRefusedWithNothingWritten(router, 'wallets.deposit', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: 'preview-key' }, 'FORBIDDEN');
  });

  it('answers the first receipt for a key already posted, and writes nothing', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 1_000);
    const posted = await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: 'w-1' });
    const before = snapshot(router);
    const replay = await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: 'w-1', dryRun: true });
    expect(replay).toMatchObject({ receiptNumber: posted.receiptNumber, balanceAfter: 900 });
    expect(snapshot(router)).toEqual(before);
  });

  it('posts as usual with dryRun: false', async () => {
    const { router } = await setUpRouter();
    const member = await addMember(router);
    const receipt = await ok(router, 'wallets.deposit', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: 'd-1', dryRun: false });
    expect(await ok(router, 'wallets.receipt', { receiptNumber: receipt.receiptNumber })).toMatchObject({ amount: 100, availableAfter: null });
  });

  it('refuses dryRun on a channel that is not previewable with INVALID_INPUT naming dryRun, and changes nothing', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 1_000);
    const before = snapshot(router);
    const answer = await router.call('members.freeze', { id: member.id, reason: 'test', dryRun: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'dryRun' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a dryRun that is not a boolean with INVALID_INPUT naming dryRun, and changes nothing', async () => {
    const { router } = await setUpRouter();
    const member = await memberWithBalance(router, 1_000);
    const before = snapshot(router);
    const answer = await router.call('wallets.deposit', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: 'd-2', dryRun: 'yes' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'dryRun' } } });
    expect(snapshot(router)).toEqual(before);
  });
});
