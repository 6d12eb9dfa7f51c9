import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { holdExpiryTask } from '../../src-main/ledger/hold-expiry';
import { ok } from '../support/temp-data';
import { cardSnapshot } from './cards-fixtures';
import { authorize, cardDesk, walletOf, type CardDesk } from './cards-terminal-fixtures';
import { nextKey } from './members-fixtures';

// Resolving an authorization, once: a capture posts all of its hold or part (releasing the rest)
// and earns points like a counter payment; a void releases it; past its hold days it expires
// through the due task. Every refusal has its code and changes nothing.

async function expectRefused(router: Router, channel: 'cards.capture' | 'cards.void', input: { authorizationId: number; amount?: number; idempotencyKey: string }, code: string) {
  const before = cardSnapshot(router);
  const answer = await router.invoke(channel, input);
  expect(answer.ok ? null : answer.error.code).toBe(code);
  expect(cardSnapshot(router)).toEqual(before);
}

async function points(desk: CardDesk) {
  return (await ok(desk.router, 'points.summary', { memberId: desk.member.id })).balance;
}

describe('cards.capture', () => {
  it('captures the whole hold: the wallet pays the merchant, the amount counts, and the payment earns points', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 12_300);
    const captured = await ok(desk.router, 'cards.capture', { authorizationId: authorization.id, idempotencyKey: nextKey() });

    expect(captured).toMatchObject({ status: 'captured', capturedAmount: 12_300, holdId: authorization.holdId });
    expect(await walletOf(desk.router, desk.member.id)).toMatchObject({ balance: 87_700, available: 87_700, pending: 0 });
    const post = await ok(desk.router, 'ledger.transfer', { id: captured.resolvedBy! });
    expect(post.transfer).toMatchObject({ state: 'post_pending', amount: 12_300, pendingId: authorization.holdId, kind: 'payment' });
    // α = 1 point per 1.00 paid at Standard.
    expect(await points(desk)).toBe(123);
    const { sqlite } = desk.router.state.requireStore();
    expect(sqlite.prepare('SELECT counted_amount FROM card_authorizations WHERE id = ?').pluck().get(authorization.id)).toBe(12_300);
  });

  it('captures part of the hold and releases the rest', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 10_000);
    const captured = await ok(desk.router, 'cards.capture', { authorizationId: authorization.id, amount: 4_000, idempotencyKey: nextKey() });
    expect(captured).toMatchObject({ status: 'captured', amount: 10_000, capturedAmount: 4_000 });
    expect(await walletOf(desk.router, desk.member.id)).toMatchObject({ balance: 96_000, available: 96_000, pending: 0 });
    expect(await points(desk)).toBe(40);
    const allowance = await ok(desk.router, 'cards.allowance', { cardId: desk.card.card.id });
    expect(allowance.find((a) => a.interval === 'day')).toMatchObject({ amountUsed: 4_000, countUsed: 1 });
  });

  it('answers a retried capture with the same result, and refuses its key for another amount', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 5_000);
    const request = { authorizationId: authorization.id, amount: 2_000, idempotencyKey: nextKey() };
    const first = await ok(desk.router, 'cards.capture', request);
    const before = cardSnapshot(desk.router);
    expect(await ok(desk.router, 'cards.capture', request)).toEqual(first);
    expect(cardSnapshot(desk.router)).toEqual(before);
    await expectRefused(desk.router, 'cards.capture', { ...request, amount: 3_000 }, 'IDEMPOTENCY_CONFLICT');
  });

  it('refuses more than was authorized with CAPTURE_EXCEEDS_AUTHORIZATION', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 5_000);
    await expectRefused(desk.router, 'cards.capture', { authorizationId: authorization.id, amount: 5_001, idempotencyKey: nextKey() }, 'CAPTURE_EXCEEDS_AUTHORIZATION');
  });

  it('refuses a second capture, and a void after a capture, with AUTHORIZATION_RESOLVED', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 5_000);
    await ok(desk.router, 'cards.capture', { authorizationId: authorization.id, amount: 1_000, idempotencyKey: nextKey() });
    await expectRefused(desk.router, 'cards.capture', { authorizationId: authorization.id, amount: 1_000, idempotencyKey: nextKey() }, 'AUTHORIZATION_RESOLVED');
    await expectRefused(desk.router, 'cards.void', { authorizationId: authorization.id, idempotencyKey: nextKey() }, 'AUTHORIZATION_RESOLVED');
  });

  it('refuses a declined authorization and an unknown one', async () => {
    const desk = await cardDesk();
    const declined = await desk.router.invoke('cards.authorize', { pan: desk.card.pan, expiry: desk.card.expiry, cvv: desk.card.cvv === '000' ? '001' : '000', amount: 1_000, merchant: 'Tea House', idempotencyKey: nextKey() });
    const id = declined.ok ? 0 : (declined.error.details as { authorizationId: number }).authorizationId;
    await expectRefused(desk.router, 'cards.capture', { authorizationId: id, idempotencyKey: nextKey() }, 'AUTHORIZATION_RESOLVED');
    await expectRefused(desk.router, 'cards.void', { authorizationId: 999, idempotencyKey: nextKey() }, 'AUTHORIZATION_NOT_FOUND');
  });

  it('refuses a capture past the hold days with AUTHORIZATION_EXPIRED, even before the expiry task ran', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 5_000);
    desk.at(authorization.holdExpiresAt!);
    await expectRefused(desk.router, 'cards.capture', { authorizationId: authorization.id, idempotencyKey: nextKey() }, 'AUTHORIZATION_EXPIRED');
  });
});

describe('cards.void', () => {
  it('releases the hold: the wallet is whole again and the amount no longer counts; a capture after it is AUTHORIZATION_RESOLVED', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 7_000);
    const request = { authorizationId: authorization.id, idempotencyKey: nextKey() };
    const voided = await ok(desk.router, 'cards.void', request);
    expect(voided).toMatchObject({ status: 'voided', capturedAmount: 0 });
    expect(await ok(desk.router, 'ledger.transfer', { id: voided.resolvedBy! })).toMatchObject({ transfer: { state: 'void_pending', pendingId: authorization.holdId } });
    expect(await walletOf(desk.router, desk.member.id)).toMatchObject({ balance: 100_000, available: 100_000, pending: 0 });
    expect(await ok(desk.router, 'cards.void', request)).toEqual(voided);
    expect(await points(desk)).toBe(0);
    await expectRefused(desk.router, 'cards.capture', { authorizationId: authorization.id, idempotencyKey: nextKey() }, 'AUTHORIZATION_RESOLVED');
  });
});

describe('cards.expireAuthorizations (due task)', () => {
  it('expires a held authorization past its hold days with the ledger\'s own key, before the ledger\'s run', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 6_000);
    const kept = await authorize(desk, 1_000);
    await ok(desk.router, 'cards.capture', { authorizationId: kept.authorization.id, idempotencyKey: nextKey() });

    desk.at('2024-03-11T08:59:59.999Z');
    const early = await ok(desk.router, 'jobs.runDue', {});
    expect(early.find((o) => o.task === 'cards.expireAuthorizations')).toEqual({ task: 'cards.expireAuthorizations', counts: { expired: 0 }, error: null });

    desk.at('2024-03-11T09:00:00.000Z');
    const outcomes = await ok(desk.router, 'jobs.runDue', {});
    expect(outcomes.slice(0, 2)).toEqual([
      { task: 'cards.expireAuthorizations', counts: { expired: 1 }, error: null },
      { task: 'ledger.expireHolds', counts: { voided: 0 }, error: null },
    ]);
    const expired = await ok(desk.router, 'cards.getAuthorization', { authorizationId: authorization.id });
    expect(expired).toMatchObject({ status: 'expired', capturedAmount: 0 });
    expect(await ok(desk.router, 'ledger.transfer', { id: expired.resolvedBy! })).toMatchObject({ transfer: { state: 'void_pending', idempotencyKey: `hold-expiry:${authorization.holdId}` } });
    expect(await walletOf(desk.router, desk.member.id)).toMatchObject({ balance: 99_000, available: 99_000, pending: 0 });
    const allowance = await ok(desk.router, 'cards.allowance', { cardId: desk.card.card.id });
    expect(allowance.find((a) => a.interval === 'lifetime')).toMatchObject({ amountUsed: 1_000, countUsed: 1 });
    await expectRefused(desk.router, 'cards.capture', { authorizationId: authorization.id, idempotencyKey: nextKey() }, 'AUTHORIZATION_RESOLVED');
    const again = await ok(desk.router, 'jobs.runDue', {});
    expect(again[0]).toEqual({ task: 'cards.expireAuthorizations', counts: { expired: 0 }, error: null });
  });

  it('heals an authorization whose hold the ledger\'s expiry already voided', async () => {
    const desk = await cardDesk();
    const { authorization } = await authorize(desk, 6_000);
    desk.at('2024-03-12T00:00:00.000Z');
    const store = desk.router.state.requireStore();
    expect(holdExpiryTask.run(store, 'system', desk.now())).toEqual({ voided: 1 });
    const outcomes = await ok(desk.router, 'jobs.runDue', {});
    expect(outcomes[0]).toEqual({ task: 'cards.expireAuthorizations', counts: { expired: 1 }, error: null });
    const healed = await ok(desk.router, 'cards.getAuthorization', { authorizationId: authorization.id });
    expect(healed).toMatchObject({ status: 'expired' });
    expect(await ok(desk.router, 'ledger.transfer', { id: healed.resolvedBy! })).toMatchObject({ transfer: { idempotencyKey: `hold-expiry:${authorization.holdId}` } });
  });
});

describe('the books after card payments', () => {
  it('verify finds nothing wrong after authorizations captured, partly captured, voided, declined and expired', async () => {
    const desk = await cardDesk();
    await ok(desk.router, 'cards.setMemberLimits', { memberId: desk.member.id, currency: 'CNY', limits: { day: { amount: 50_000, count: null } } });
    const partly = await authorize(desk, 5_000);
    await ok(desk.router, 'cards.capture', { authorizationId: partly.authorization.id, amount: 3_000, idempotencyKey: nextKey() });
    const voided = await authorize(desk, 2_000);
    await ok(desk.router, 'cards.void', { authorizationId: voided.authorization.id, idempotencyKey: nextKey() });
    await authorize(desk, 1_000);
    await desk.router.invoke('cards.authorize', { pan: desk.card.pan, expiry: desk.card.expiry, cvv: desk.card.cvv === '000' ? '001' : '000', amount: 5, merchant: 'Tea House', idempotencyKey: nextKey() });
    desk.at('2024-03-20T00:00:00.000Z');
    await ok(desk.router, 'jobs.runDue', {});
    const report = await ok(desk.router, 'system.verify', {});
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  });

  it('spends redeemed credit first, as a counter payment does: points only on the rest, and verify agrees', async () => {
    const desk = await cardDesk();
    const first = await authorize(desk, 50_000);
    await ok(desk.router, 'cards.capture', { authorizationId: first.authorization.id, idempotencyKey: nextKey() });
    expect(await points(desk)).toBe(500);
    await ok(desk.router, 'points.redeem', { memberId: desk.member.id, points: 500, currency: 'CNY', idempotencyKey: nextKey() });
    const second = await authorize(desk, 1_000);
    await ok(desk.router, 'cards.capture', { authorizationId: second.authorization.id, idempotencyKey: nextKey() });
    // 5.00 of the 10.00 was credit; the 500 points earned first made the member Diamond (×1.5): 7 points on 5.00.
    const summary = await ok(desk.router, 'points.summary', { memberId: desk.member.id });
    expect(summary.balance).toBe(7);
    expect(summary.redeemedCredit).toEqual([]);
    const report = await ok(desk.router, 'system.verify', {});
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  });
});
