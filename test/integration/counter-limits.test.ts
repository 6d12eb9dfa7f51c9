import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { ADMIN, TELLER, ok } from '../support/temp-data';
import { FINANCE, addMember, counterRouter, depositTo, nextKey, paymentsEarnNoPoints, signInAs, snapshot } from './members-fixtures';

// Limits at the counter (issue 8): a teller takes at most CN¥50,000.00 in one operation, and above
// CN¥10,000.00 a second person (finance or admin, not the one operating) approves with their own
// passphrase at the same workstation. Every refusal leaves the data as it was.

const OVER_THRESHOLD = 1_000_001;
const OVER_TELLER_LIMIT = 5_000_001;
const BY_FINANCE = { username: FINANCE.username, passphrase: FINANCE.passphrase };
const SECOND_TELLER = { username: 'tom', displayName: 'Tom Teller', role: 'teller' as const, passphrase: 'second teller passphrase 9' };

function auditRows(router: Router, action: string) {
  return router.state
    .requireStore()
    .sqlite.prepare('SELECT actor, entity_id, after_json FROM audit_log WHERE action = ? ORDER BY id')
    .all(action)
    .map((row) => {
      const { after_json: after, ...rest } = row as { actor: string; entity_id: string; after_json: string };
      return { ...rest, after: JSON.parse(after) as Record<string, unknown> };
    });
}

/** Every text the database and the data folder hold, to prove a passphrase went into none of them. */
function everythingStored(router: Router, dataDir: string): string {
  const { sqlite } = router.state.requireStore();
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  const rows = tables.map((table) => JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}"`).all()));
  let lockout = '';
  try {
    lockout = readFileSync(join(dataDir, 'lockout.json'), 'utf8');
  } catch {
    // No failed attempt waiting: nothing written.
  }
  return rows.join('\n') + lockout;
}

async function tellerWithMember() {
  const { router, dataDir } = await counterRouter('teller', ['finance']);
  const member = await addMember(router);
  return { router, dataDir, member };
}

afterEach(() => vi.restoreAllMocks());

describe('the per-operation limit of a role', () => {
  it('refuses a teller deposit above CN¥50,000.00 with OVER_LIMIT stating the limit, even approved, and changes nothing', async () => {
    const { router, member } = await tellerWithMember();
    const before = snapshot(router);
    const input = { memberId: member.id, amount: OVER_TELLER_LIMIT, currency: 'CNY', idempotencyKey: nextKey() };
    const refusal = { ok: false, error: { code: 'OVER_LIMIT', details: { field: 'amount', limit: 5_000_000, currency: 'CNY', role: 'teller' } } };
    expect(await router.invoke('wallets.deposit', { ...input, dryRun: true })).toMatchObject(refusal);
    expect(await router.invoke('wallets.deposit', input)).toMatchObject(refusal);
    expect(await router.invoke('wallets.withdraw', { ...input, idempotencyKey: nextKey(), approval: BY_FINANCE })).toMatchObject(refusal);
    expect(snapshot(router)).toEqual(before);
  });

  it('follows the setting: a limit saved for USD binds a teller in USD, and an admin has none by default', async () => {
    const { router } = await counterRouter('admin', ['teller']);
    await ok(router, 'settings.update', { enabledCurrencies: ['CNY', 'USD'], operationLimits: { teller: { CNY: 5_000_000, USD: 100_000 } } });
    const member = await addMember(router);
    await ok(router, 'settings.update', { approvalThresholds: {} });
    expect(await depositTo(router, member.id, 90_000_000)).toMatchObject({ amount: 90_000_000, approvedBy: null });
    await signInAs(router, 'teller');
    const before = snapshot(router);
    const answer = await router.invoke('wallets.deposit', { memberId: member.id, amount: 100_001, currency: 'USD', idempotencyKey: nextKey() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'OVER_LIMIT', details: { limit: 100_000, currency: 'USD' } } });
    expect(snapshot(router)).toEqual(before);
    expect(await depositTo(router, member.id, 100_000, 'USD')).toMatchObject({ amount: 100_000 });
  });
});

describe('a second person above the approval threshold', () => {
  it('takes CN¥10,000.00 exactly without approval', async () => {
    const { router, member } = await tellerWithMember();
    expect(await depositTo(router, member.id, 1_000_000)).toMatchObject({ approvedBy: null, approvalRequired: false });
  });

  it('answers a dry run above the threshold with approvalRequired, and refuses to post it without approval with APPROVAL_REQUIRED', async () => {
    const { router, member } = await tellerWithMember();
    const input = { memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey() };
    const before = snapshot(router);
    expect(await ok(router, 'wallets.deposit', { ...input, dryRun: true })).toMatchObject({ amount: OVER_THRESHOLD, approvalRequired: true, approvedBy: null });
    const answer = await router.invoke('wallets.deposit', input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', details: { field: 'approval', threshold: 1_000_000, currency: 'CNY' } } });
    for (const channel of ['wallets.withdraw', 'wallets.pay', 'wallets.transfer'] as const) {
      const payee = channel === 'wallets.transfer' ? { fromMemberId: member.id, toMemberId: member.id + 1 } : { memberId: member.id };
      const refused = await router.call(channel, { ...payee, amount: OVER_THRESHOLD, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
      expect(refused, channel).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    }
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a wrong approver passphrase with AUTH_FAILED at the passphrase field, counts it toward the approver\'s lockout, and changes nothing', async () => {
    const { router, dataDir, member } = await tellerWithMember();
    const before = snapshot(router);
    const answer = await router.invoke('wallets.deposit', {
      memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: { username: FINANCE.username, passphrase: 'not the passphrase' },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', details: { field: 'approval.passphrase', attemptsLeft: 4 } } });
    expect(snapshot(router)).toEqual(before);
    const lockout = JSON.parse(readFileSync(join(dataDir, 'lockout.json'), 'utf8')) as { accounts: Record<string, { failures: number }> };
    expect(lockout.accounts[FINANCE.username]).toMatchObject({ failures: 1 });
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: BY_FINANCE });
    // A right passphrase forgives the attempt, as an unlock does.
    expect(JSON.parse(readFileSync(join(dataDir, 'lockout.json'), 'utf8'))).toMatchObject({ accounts: {} });
  });

  it('refuses the operator approving their own operation with SELF_APPROVAL, without checking the passphrase', async () => {
    const { router, dataDir, member } = await tellerWithMember();
    const before = snapshot(router);
    const answer = await router.invoke('wallets.deposit', {
      memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: { username: TELLER.username, passphrase: TELLER.passphrase },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL', details: { field: 'approval.username' } } });
    expect(snapshot(router)).toEqual(before);
    expect(everythingStored(router, dataDir)).not.toContain(TELLER.passphrase);
  });

  it('refuses another teller as approver with APPROVER_NOT_ALLOWED, their role read from their certificate', async () => {
    const { router, member } = await tellerWithMember();
    await signInAs(router, 'admin');
    await ok(router, 'staff.add', SECOND_TELLER);
    // A key holder's edit of the staff table's role column grants nothing.
    router.state.requireStore().sqlite.prepare(`UPDATE staff SET role = 'finance' WHERE username = ?`).run(SECOND_TELLER.username);
    await signInAs(router, 'teller');
    const before = snapshot(router);
    const answer = await router.invoke('wallets.deposit', {
      memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: { username: SECOND_TELLER.username, passphrase: SECOND_TELLER.passphrase },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_ALLOWED', details: { field: 'approval.username', role: 'teller' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a disabled approver as an unlock refuses them (AUTH_FAILED: their keyslot is gone), and changes nothing', async () => {
    const { router, member } = await tellerWithMember();
    await signInAs(router, 'admin');
    await ok(router, 'staff.disable', { username: FINANCE.username });
    await signInAs(router, 'teller');
    const before = snapshot(router);
    const answer = await router.invoke('wallets.deposit', { memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: BY_FINANCE });
    expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', details: { field: 'approval.passphrase' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('posts an approved deposit: the receipt and the audit row name the approver, and the passphrase is stored and logged nowhere', async () => {
    const { router, dataDir, member } = await tellerWithMember();
    const logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log'), vi.spyOn(console, 'info')];
    const receipt = await ok(router, 'wallets.deposit', { memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: BY_FINANCE });
    expect(receipt).toMatchObject({ amount: OVER_THRESHOLD, teller: { username: TELLER.username }, approvedBy: { username: FINANCE.username, displayName: FINANCE.displayName }, approvalRequired: false });
    expect(await ok(router, 'wallets.receipt', { receiptNumber: receipt.receiptNumber })).toMatchObject({ approvedBy: { username: FINANCE.username, displayName: FINANCE.displayName } });
    expect(auditRows(router, 'wallet.approve')).toEqual([
      {
        actor: TELLER.username,
        entity_id: receipt.receiptNumber,
        after: { operation: 'deposit', amount: OVER_THRESHOLD, currency: 'CNY', approvedBy: FINANCE.username, transferIds: receipt.transferIds },
      },
    ]);
    expect(everythingStored(router, dataDir)).not.toContain(FINANCE.passphrase);
    for (const spy of logged) expect(JSON.stringify(spy.mock.calls)).not.toContain(FINANCE.passphrase);
  });

  it('replays an approved operation\'s key with its first receipt, and verify finds the receipts in order', async () => {
    const { router, member } = await tellerWithMember();
    const input = { memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: BY_FINANCE };
    const first = await ok(router, 'wallets.deposit', input);
    const before = snapshot(router);
    expect(await ok(router, 'wallets.deposit', input)).toEqual(first);
    expect(snapshot(router)).toEqual(before);
    await signInAs(router, 'admin');
    expect(await ok(router, 'system.verify', {})).toMatchObject({ ok: true });
  });
});

describe('verify', () => {
  it('names a receipt whose approver was swapped outside Paydesk, against the audit log', async () => {
    const { router, member } = await tellerWithMember();
    const receipt = await ok(router, 'wallets.deposit', { memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: BY_FINANCE });
    await signInAs(router, 'admin');
    const check = async () => (await ok(router, 'system.verify', {})).checks.find((c) => c.name === 'wallets.approvals');
    expect(await check()).toMatchObject({ ok: true, counts: { approved: 1 } });
    const { sqlite } = router.state.requireStore();
    sqlite.exec('DROP TRIGGER wallet_receipts_no_update');
    sqlite.prepare(`UPDATE wallet_receipts SET approver = 'admin', approver_name = 'Ada Admin' WHERE receipt_number = ?`).run(receipt.receiptNumber);
    expect(await check()).toMatchObject({ ok: false, firstViolation: 'wallet_receipts#1', detail: expect.stringContaining(`receipt ${receipt.receiptNumber}'s approver differs`) });
  });

  it('names an approval cleared from its receipt, and one written onto a receipt nobody approved', async () => {
    const { router, member } = await tellerWithMember();
    const approved = await ok(router, 'wallets.deposit', { memberId: member.id, amount: OVER_THRESHOLD, currency: 'CNY', idempotencyKey: nextKey(), approval: BY_FINANCE });
    const plain = await ok(router, 'wallets.deposit', { memberId: member.id, amount: 1_000, currency: 'CNY', idempotencyKey: nextKey() });
    await signInAs(router, 'admin');
    const check = async () => (await ok(router, 'system.verify', {})).checks.find((c) => c.name === 'wallets.approvals');
    const { sqlite } = router.state.requireStore();
    sqlite.exec('DROP TRIGGER wallet_receipts_no_update');
    const setApprover = sqlite.prepare('UPDATE wallet_receipts SET approver = ?, approver_name = ? WHERE receipt_number = ?');

    setApprover.run(null, null, approved.receiptNumber);
    expect(await check()).toMatchObject({ ok: false, detail: expect.stringContaining(approved.receiptNumber) });
    setApprover.run(BY_FINANCE.username, 'Finance', approved.receiptNumber);
    setApprover.run('admin', 'Ada Admin', plain.receiptNumber);
    expect(await check()).toMatchObject({ ok: false, detail: expect.stringContaining(plain.receiptNumber) });
  });
});

describe('reversals above the threshold', () => {
  it('need a second person as counter operations do, and the reversal\'s receipt and audit row name them', async () => {
    const { router } = await counterRouter('finance');
    await signInAs(router, 'admin');
    const member = await addMember(router);
    const original = await ok(router, 'wallets.deposit', { memberId: member.id, amount: 2_000_000, currency: 'CNY', idempotencyKey: nextKey(), approval: { username: FINANCE.username, passphrase: FINANCE.passphrase } });
    await signInAs(router, 'finance');
    const reverse = { transferId: original.transferIds[0]!, reason: 'Counted twice', idempotencyKey: nextKey() };
    expect(await ok(router, 'wallets.reverse', { ...reverse, dryRun: true })).toMatchObject({ approvalRequired: true });
    const before = snapshot(router);
    expect(await router.invoke('wallets.reverse', reverse)).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(await router.invoke('wallets.reverse', { ...reverse, approval: BY_FINANCE })).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } });
    expect(snapshot(router)).toEqual(before);
    const reversal = await ok(router, 'wallets.reverse', { ...reverse, approval: { username: ADMIN.username, passphrase: ADMIN.passphrase } });
    expect(reversal).toMatchObject({ operation: 'reversal', amount: 2_000_000, teller: { username: FINANCE.username }, approvedBy: { username: ADMIN.username, displayName: ADMIN.displayName } });
    expect(auditRows(router, 'wallet.reverse').at(-1)).toMatchObject({ actor: FINANCE.username, after: { reversalReceipt: reversal.receiptNumber, approvedBy: ADMIN.username } });
  });

  it('take a small operation back without approval', async () => {
    const { router } = await counterRouter('finance', ['teller']);
    await signInAs(router, 'teller');
    const member = await addMember(router);
    const original = await depositTo(router, member.id, 500_000);
    await signInAs(router, 'finance');
    const reversal = await ok(router, 'wallets.reverse', { transferId: original.transferIds[0]!, reason: 'Wrong member', idempotencyKey: nextKey() });
    expect(reversal).toMatchObject({ approvedBy: null, approvalRequired: false });
  });
});

describe('the payment fee per currency', () => {
  it('charges each currency its own rate and the general rate where it has none', async () => {
    const { router } = await counterRouter('admin');
    // The first payment's points would make the member Gold, whose own rate would then apply.
    await paymentsEarnNoPoints(router);
    await ok(router, 'settings.update', { enabledCurrencies: ['CNY', 'USD'], paymentFeeBpsByCurrency: { USD: 30 } });
    const member = await addMember(router);
    await depositTo(router, member.id, 100_000, 'USD');
    await depositTo(router, member.id, 100_000, 'CNY');
    const pay = (currency: string) => ok(router, 'wallets.pay', { memberId: member.id, amount: 10_000, currency, merchant: '星巴克', idempotencyKey: nextKey() });
    expect(await pay('USD')).toMatchObject({ fee: 30, total: 10_030 });
    expect(await pay('CNY')).toMatchObject({ fee: 50, total: 10_050 });
  });

  it('keeps charging the single rate a folder saved before rates per currency existed', async () => {
    const { router } = await counterRouter('admin');
    // What such a folder holds: one saved paymentFeeBps row, and no paymentFeeBpsByCurrency.
    await ok(router, 'settings.update', { paymentFeeBps: 80 });
    expect(router.state.requireStore().sqlite.prepare(`SELECT key FROM settings ORDER BY key`).pluck().all()).toEqual(['paymentFeeBps']);
    const member = await addMember(router);
    await depositTo(router, member.id, 100_000);
    expect(await ok(router, 'wallets.pay', { memberId: member.id, amount: 10_000, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() })).toMatchObject({ fee: 80 });
    expect(await ok(router, 'settings.get', {})).toMatchObject({ paymentFeeBps: 80, paymentFeeBpsByCurrency: {} });
  });
});
