import type { Router } from '../../src-main/api/router';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey, signInAs } from './members-fixtures';

// A branch that has done a bit of everything, so every table holds at least three rows where
// Paydesk can write three: staff of three roles, three saved settings (USD enabled too), members
// registered, renamed, frozen and closed, deposits, a payment with its fee, a transfer and its
// reversal, and the audit rows of all of it. The admin and the teller each work in sessions of
// their own, so there are checkpoints opening and closing three sessions. Points too: lots from
// a payment, a referral and reviews, a redemption whose credit is spent, tiers and floors, and a
// refund of spent points.

export async function busyBranch(): Promise<{ router: Router; dataDir: string }> {
  const { router, dataDir } = await counterRouter('admin', ['teller', 'finance']);
  await ok(router, 'settings.update', { idleLockMinutes: 15 });
  await ok(router, 'settings.update', { paymentFeeBps: 60, enabledCurrencies: ['CNY', 'USD'] });
  const a = await addMember(router, { name: '张三丰', idDocumentNumber: '110101199003074512' });
  const b = await addMember(router, { name: '李四' });
  const c = await addMember(router, { name: 'Alice Smith', email: 'alice@example.com' });
  const d = await addMember(router, { name: '王五' });
  await signInAs(router, 'teller');
  await depositTo(router, a.id, 10_000);
  await ok(router, 'wallets.pay', { memberId: a.id, amount: 3_333, currency: 'CNY', merchant: 'Tea House', idempotencyKey: nextKey() });
  const moved = await ok(router, 'wallets.transfer', { fromMemberId: a.id, toMemberId: b.id, amount: 100, currency: 'CNY', idempotencyKey: nextKey() });
  await depositTo(router, c.id, 500, 'USD');
  const earned = await earnAndSpendPoints(router, a.id, b.id);
  await signInAs(router, 'admin');
  await ok(router, 'wallets.reverse', { transferId: moved.transferIds[0]!, reason: 'wrong member', idempotencyKey: nextKey() });
  await ok(router, 'points.setTierFloor', { memberId: b.id, floor: 'diamond', reason: 'corporate account' });
  await ok(router, 'points.setTierFloor', { memberId: c.id, floor: 'gold', reason: 'long-standing member' });
  // The refund takes back 100 points of which 44 are left: a shortfall of 56 on the lot.
  await ok(router, 'wallets.reverse', { transferId: earned.transferIds[0]!, reason: 'goods returned', idempotencyKey: nextKey() });
  await ok(router, 'members.update', { id: b.id, name: '赵钱孙' });
  await ok(router, 'members.freeze', { id: c.id, reason: 'card reported lost' });
  await ok(router, 'members.close', { id: d.id, reason: 'moved away' });
  await depositTo(router, b.id, 2_500);
  return { router, dataDir };
}

/** At the counter (teller): points earned four ways, redeemed, and the redeemed credit spent by a payment and a withdrawal. */
async function earnAndSpendPoints(router: Router, a: number, b: number) {
  await ok(router, 'points.recordReferral', { referrerId: a, referredId: b, idempotencyKey: nextKey() });
  await ok(router, 'points.recordReview', { memberId: a, reference: 'R-1', idempotencyKey: nextKey() });
  await ok(router, 'points.recordReview', { memberId: b, reference: 'R-2', idempotencyKey: nextKey() });
  await depositTo(router, a, 20_000);
  const earned = await ok(router, 'wallets.pay', { memberId: a, amount: 10_000, currency: 'CNY', merchant: 'Book Shop', idempotencyKey: nextKey() });
  await ok(router, 'points.redeem', { memberId: a, points: 100, currency: 'CNY', idempotencyKey: nextKey() });
  await ok(router, 'wallets.pay', { memberId: a, amount: 50, currency: 'CNY', merchant: 'Kiosk', idempotencyKey: nextKey() });
  await ok(router, 'wallets.withdraw', { memberId: a, amount: 30, currency: 'CNY', idempotencyKey: nextKey() });
  return earned;
}
