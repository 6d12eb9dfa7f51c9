import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey } from './members-fixtures';

// The members and wallets checks of `verify`, against rows changed behind the services' back
// (as someone holding the key and a SQLCipher shell could).

async function checks(router: Router) {
  const report = await ok(router, 'system.verify', {});
  return Object.fromEntries(report.checks.filter((c) => c.name.startsWith('members.') || c.name.startsWith('wallets.')).map((c) => [c.name, c]));
}

async function busyCounter() {
  const { router } = await counterRouter();
  const a = await addMember(router, { name: '张三丰' });
  const b = await addMember(router, { name: '李四' });
  await depositTo(router, a.id, 10_000);
  const payment = await ok(router, 'wallets.pay', { memberId: a.id, amount: 3_333, currency: 'CNY', merchant: 'm', idempotencyKey: nextKey() });
  await ok(router, 'wallets.transfer', { fromMemberId: a.id, toMemberId: b.id, amount: 100, currency: 'CNY', idempotencyKey: nextKey() });
  return { router, a, b, payment, sqlite: router.state.requireStore().sqlite };
}

describe('verify: members and wallets', () => {
  it('passes after registrations, operations, a rename and a closing', async () => {
    const { router, b } = await busyCounter();
    await ok(router, 'members.update', { id: b.id, name: '李四光' });
    const c = await addMember(router);
    await ok(router, 'members.close', { id: c.id, reason: 'left' });
    const found = await checks(router);
    expect(Object.keys(found)).toEqual(['members.wallets', 'members.audited', 'members.wallet_links', 'members.search.trigrams', 'members.search.grams', 'wallets.receipts', 'wallets.journal', 'wallets.approvals']);
    expect(Object.values(found).every((check) => check.ok)).toBe(true);
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
  });

  it('names the receipt whose amount no longer matches its transfers', async () => {
    const { router, sqlite, payment } = await busyCounter();
    sqlite.exec('DROP TRIGGER wallet_receipts_no_update');
    sqlite.prepare('UPDATE wallet_receipts SET fee = fee + 1 WHERE receipt_number = ?').run(payment.receiptNumber);
    const id = sqlite.prepare('SELECT id FROM wallet_receipts WHERE receipt_number = ?').pluck().get(payment.receiptNumber);
    const found = await checks(router);
    expect(found['wallets.receipts']).toMatchObject({ ok: false, firstViolation: `wallet_receipts#${id}` });
    expect((await ok(router, 'system.verify', {})).ok).toBe(false);
  });

  it('names the member whose wallet points at an account that is not theirs', async () => {
    const { router, sqlite, b } = await busyCounter();
    sqlite.prepare(`UPDATE member_wallets SET account_id = (SELECT id FROM accounts WHERE code = '1000-CNY') WHERE member_id = ?`).run(b.id);
    expect((await checks(router))['members.wallets']).toMatchObject({ ok: false, firstViolation: `members#${b.id}` });
  });

  it('writes nothing, so a backup taken meanwhile still matches the live data', async () => {
    const { router, sqlite } = await busyCounter();
    const changes = () => sqlite.prepare('SELECT total_changes() AS n').get();
    const before = changes();
    await ok(router, 'system.verify', {});
    expect(changes()).toEqual(before);
  });
});
