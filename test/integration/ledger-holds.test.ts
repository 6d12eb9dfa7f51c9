import { describe, expect, it } from 'vitest';
import { balanceOf, expireHolds, placeHold, postHold, postTransfer, verifyLedger, voidHold } from '../../src-main/ledger';
import { book, expectRefused, req, snapshot } from './ledger-fixtures';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function funded(amount: number) {
  const b = await book();
  postTransfer(b.store, req(b.cash, b.alice, amount, { at: T0 }));
  return b;
}

describe('holds', () => {
  it('reserves funds: pending debits count against the available balance', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const hold = placeHold(store, req(alice, merchant, 600, { kind: 'card_auth', at: T0 }));
    expect(hold.state).toBe('pending');
    expect(balanceOf(store, alice.id)).toEqual({ posted: 1_000, pendingDebits: 600, pendingCredits: 0, available: 400 });
    expect(balanceOf(store, merchant.id)).toMatchObject({ posted: 0, pendingCredits: 600 });
    expectRefused(store, 'INSUFFICIENT_FUNDS', () => postTransfer(store, req(alice, merchant, 401, { kind: 'payment' })));
    expectRefused(store, 'INSUFFICIENT_FUNDS', () => placeHold(store, req(alice, merchant, 401, { kind: 'card_auth' })));
  });

  it('posts part of a hold and releases the rest', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const hold = placeHold(store, req(alice, merchant, 600, { kind: 'card_auth' }));
    const post = postHold(store, { holdId: hold.id, amount: 250, idempotencyKey: 'capture-1', actor: 'tina' });
    expect(post).toMatchObject({ state: 'post_pending', pendingId: hold.id, amount: 250, kind: 'card_auth', debitAccountId: alice.id });
    expect(balanceOf(store, alice.id)).toEqual({ posted: 750, pendingDebits: 0, pendingCredits: 0, available: 750 });
    expect(balanceOf(store, merchant.id)).toEqual({ posted: 250, pendingDebits: 0, pendingCredits: 0, available: 250 });
  });

  it('posts the whole hold when no amount is given, and replays the post', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const hold = placeHold(store, req(alice, merchant, 600, { kind: 'card_auth' }));
    const post = postHold(store, { holdId: hold.id, idempotencyKey: 'capture-2', actor: 'tina' });
    expect(post.amount).toBe(600);
    const before = snapshot(store);
    expect(postHold(store, { holdId: hold.id, amount: 600, idempotencyKey: 'capture-2', actor: 'tina' })).toEqual(post);
    expect(snapshot(store)).toEqual(before);
  });

  it('voids a hold, releasing all of it', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const hold = placeHold(store, req(alice, merchant, 600, { kind: 'card_auth' }));
    const voided = voidHold(store, { holdId: hold.id, idempotencyKey: 'void-1', actor: 'tina' });
    expect(voided).toMatchObject({ state: 'void_pending', pendingId: hold.id, amount: 600 });
    expect(balanceOf(store, alice.id)).toEqual({ posted: 1_000, pendingDebits: 0, pendingCredits: 0, available: 1_000 });
    expect(verifyLedger(store).checks.every((c) => c.ok)).toBe(true);
  });

  it('resolves a hold at most once: HOLD_ALREADY_RESOLVED names the resolving transfer', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const hold = placeHold(store, req(alice, merchant, 600, { kind: 'card_auth' }));
    const post = postHold(store, { holdId: hold.id, amount: 100, idempotencyKey: 'capture-3', actor: 'tina' });
    expectRefused(store, 'HOLD_ALREADY_RESOLVED', () => postHold(store, { holdId: hold.id, amount: 100, idempotencyKey: 'capture-4', actor: 'tina' }), { resolvedBy: post.id });
    expectRefused(store, 'HOLD_ALREADY_RESOLVED', () => voidHold(store, { holdId: hold.id, idempotencyKey: 'void-2', actor: 'tina' }), { resolvedBy: post.id });
  });

  it('refuses to post more than the hold with POST_EXCEEDS_HOLD', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const hold = placeHold(store, req(alice, merchant, 600, { kind: 'card_auth' }));
    expectRefused(store, 'POST_EXCEEDS_HOLD', () => postHold(store, { holdId: hold.id, amount: 601, idempotencyKey: 'capture-5', actor: 'tina' }), { holdAmount: 600 });
  });

  it('refuses a transfer that is not a hold with HOLD_NOT_FOUND', async () => {
    const { store, alice, merchant } = await funded(1_000);
    expectRefused(store, 'HOLD_NOT_FOUND', () => postHold(store, { holdId: 1, idempotencyKey: 'capture-6', actor: 'tina' }));
    expectRefused(store, 'HOLD_NOT_FOUND', () => voidHold(store, { holdId: 404, idempotencyKey: 'void-3', actor: 'tina' }));
    const hold = placeHold(store, req(alice, merchant, 10, { kind: 'card_auth' }));
    const post = postHold(store, { holdId: hold.id, idempotencyKey: 'capture-7', actor: 'tina' });
    expectRefused(store, 'HOLD_NOT_FOUND', () => voidHold(store, { holdId: post.id, idempotencyKey: 'void-4', actor: 'tina' }));
  });

  it('refuses to post an expired hold with HOLD_EXPIRED, but lets it be voided', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const hold = placeHold(store, { ...req(alice, merchant, 600, { kind: 'card_auth', at: T0 }), expiresAt: later(30) });
    expectRefused(store, 'HOLD_EXPIRED', () => postHold(store, { holdId: hold.id, idempotencyKey: 'capture-8', actor: 'tina', at: later(30) }));
    expect(voidHold(store, { holdId: hold.id, idempotencyKey: 'void-5', actor: 'tina', at: later(31) }).state).toBe('void_pending');
  });

  it('refuses an expiry that is not after the hold with INVALID_INPUT', async () => {
    const { store, alice, merchant } = await funded(1_000);
    expectRefused(store, 'INVALID_INPUT', () => placeHold(store, { ...req(alice, merchant, 1, { kind: 'card_auth', at: T0 }), expiresAt: T0 }), { field: 'expiresAt' });
  });

  it('voids every expired hold in the expiry job, and only those', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const soon = placeHold(store, { ...req(alice, merchant, 100, { kind: 'card_auth', at: T0 }), expiresAt: later(10) });
    const late = placeHold(store, { ...req(alice, merchant, 200, { kind: 'card_auth', at: T0 }), expiresAt: later(60) });
    const never = placeHold(store, req(alice, merchant, 300, { kind: 'card_auth', at: T0 }));
    expect(expireHolds(store, later(30))).toBe(1);
    expect(expireHolds(store, later(30))).toBe(0);
    expect(balanceOf(store, alice.id).pendingDebits).toBe(500);
    const resolution = store.sqlite.prepare('SELECT pending_id, actor, idempotency_key FROM transfers WHERE state = ?').all('void_pending');
    expect(resolution).toEqual([{ pending_id: soon.id, actor: 'system', idempotency_key: `hold-expiry:${soon.id}` }]);
    expect([late.id, never.id]).not.toContain(soon.id);
  });

  it('refuses a reused key on a hold operation with IDEMPOTENCY_CONFLICT', async () => {
    const { store, alice, merchant } = await funded(1_000);
    const hold = placeHold(store, req(alice, merchant, 600, { kind: 'card_auth' }));
    postHold(store, { holdId: hold.id, amount: 100, idempotencyKey: 'capture-9', actor: 'tina' });
    expectRefused(store, 'IDEMPOTENCY_CONFLICT', () => postHold(store, { holdId: hold.id, amount: 200, idempotencyKey: 'capture-9', actor: 'tina' }), { field: 'amount' });
    expectRefused(store, 'IDEMPOTENCY_CONFLICT', () => voidHold(store, { holdId: hold.id, idempotencyKey: 'capture-9', actor: 'tina' }), { field: 'operation' });
  });
});
