import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../src-shared/luhn';
import { jobResult } from '../support/jobs';
import { ok } from '../support/temp-data';
import { cardSnapshot, issueCard } from './cards-fixtures';
import { authorize, cardDesk, expectDeclined, terminalInput, walletOf } from './cards-terminal-fixtures';
import { nextKey } from './members-fixtures';

// The card terminal's authorization: the card, its state, expiry and CVV, the member, the limits
// and the wallet are checked in that order; an approval holds the amount on the wallet, a decline
// is kept in the card's activity with its code and moves nothing.

/** A Luhn-valid number under the test BIN that no card has. */
function unknownPan(card: { pan: string }): string {
  for (let n = 0; ; n++) {
    const body = `42424200${String(n).padStart(7, '0')}`;
    const pan = body + String(luhnCheckDigit(body));
    if (pan !== card.pan) return pan;
  }
}

describe('cards.authorize', () => {
  it('approves: holds the amount on the wallet for the hold days, counts it, and lists it in the activity', async () => {
    const desk = await cardDesk();
    const spaced = desk.card.pan.replace(/(\d{4})(?=\d)/g, '$1 ');
    const answer = await authorize(desk, 12_345, { pan: spaced });

    expect(answer.authorization).toMatchObject({ cardId: desk.card.card.id, status: 'held', amount: 12_345, currency: 'CNY', merchant: 'Tea House', declineCode: null, capturedAmount: 0 });
    expect(answer.authorization.maskedPan).toBe(desk.card.card.maskedPan);
    expect(answer.authorization.holdExpiresAt).toBe('2024-03-11T09:00:00.000Z');
    expect(answer.availableAfter).toBe(100_000 - 12_345);
    expect(await walletOf(desk.router, desk.member.id)).toMatchObject({ balance: 100_000, available: 87_655, pending: 12_345 });

    const hold = await ok(desk.router, 'ledger.transfer', { id: answer.authorization.holdId! });
    expect(hold.creditAccount.name).toBe('Merchant settlement payable');
    expect(hold.transfer).toMatchObject({ state: 'pending', amount: 12_345, kind: 'payment', causeRef: `card-auth:${answer.authorization.id}` });

    const activity = await ok(desk.router, 'cards.activity', { cardId: desk.card.card.id });
    expect(activity.total).toBe(1);
    expect(activity.rows[0]).toEqual(answer.authorization);
    expect(await ok(desk.router, 'cards.getAuthorization', { authorizationId: answer.authorization.id })).toEqual(answer.authorization);
  });

  it('answers a retried key with the first approval, without a second hold, and refuses it for another amount', async () => {
    const desk = await cardDesk();
    const input = terminalInput(desk.card, 5_000);
    const first = await ok(desk.router, 'cards.authorize', input);
    const before = cardSnapshot(desk.router);
    const again = await ok(desk.router, 'cards.authorize', input);
    expect(again.authorization).toEqual(first.authorization);
    expect(cardSnapshot(desk.router)).toEqual(before);

    const other = await desk.router.invoke('cards.authorize', { ...input, amount: 5_001 });
    expect(other).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT', details: { field: 'amount' } } });
    expect(cardSnapshot(desk.router)).toEqual(before);
  });

  it('finds a card issued before a rekey by the fingerprint of its day, its CVV unchanged', async () => {
    const desk = await cardDesk();
    const keyBefore = Buffer.from(desk.router.state.requireStore().masterKey);
    await jobResult(desk.router, 'keys.rekey', {});
    expect(desk.router.state.requireStore().masterKey.equals(keyBefore)).toBe(false);
    const answer = await authorize(desk, 1_000);
    expect(answer.authorization).toMatchObject({ cardId: desk.card.card.id, status: 'held' });
  });

  it('previews in a dry run: the answer of an approval, and nothing written', async () => {
    const desk = await cardDesk();
    const before = cardSnapshot(desk.router);
    const preview = await desk.router.call('cards.authorize', { ...terminalInput(desk.card, 2_000), dryRun: true });
    expect(preview).toMatchObject({ ok: true, value: { authorization: { status: 'held', amount: 2_000 }, availableAfter: 98_000 } });
    const declined = await desk.router.call('cards.authorize', { ...terminalInput(desk.card, 2_000, { cvv: desk.card.cvv === '000' ? '001' : '000' }), dryRun: true });
    expect(declined).toMatchObject({ ok: false, error: { code: 'CVV_MISMATCH' } });
    expect(cardSnapshot(desk.router)).toEqual(before);
  });
});

describe('cards.authorize declines', () => {
  it('declines an unknown number with CARD_NOT_FOUND, keeping only its masked form and no card', async () => {
    const desk = await cardDesk();
    const pan = unknownPan(desk.card);
    const { row } = await expectDeclined(desk.router, terminalInput(desk.card, 1_000, { pan }), 'CARD_NOT_FOUND');
    expect(row).toMatchObject({ card_id: null, masked_pan: `424242••••••${pan.slice(-4)}` });
    const short = await expectDeclined(desk.router, terminalInput(desk.card, 1_000, { pan: '1234-5678' }), 'CARD_NOT_FOUND');
    expect(short.row.masked_pan).toBe('••••••••');
  });

  it('declines an inactive, a frozen and a cancelled card with CARD_NOT_ACTIVE', async () => {
    const desk = await cardDesk();
    const inactive = await issueCard(desk.router, desk.member.id, desk.program.id);
    await expectDeclined(desk.router, terminalInput(inactive, 1_000), 'CARD_NOT_ACTIVE');
    await ok(desk.router, 'cards.freeze', { cardId: desk.card.card.id });
    const { row } = await expectDeclined(desk.router, terminalInput(desk.card, 1_000), 'CARD_NOT_ACTIVE');
    expect(row).toMatchObject({ card_id: desk.card.card.id, masked_pan: desk.card.card.maskedPan });
    await ok(desk.router, 'cards.cancel', { cardId: desk.card.card.id, reason: 'lost' });
    await expectDeclined(desk.router, terminalInput(desk.card, 1_000), 'CARD_NOT_ACTIVE');
  });

  it('declines a wrong expiry, and a card past its expiry month in the business zone, with CARD_EXPIRED', async () => {
    const desk = await cardDesk();
    const [month, year] = desk.card.expiry.split('/');
    const wrong = `${month}/${String(Number(year) + 1).padStart(2, '0')}`;
    await expectDeclined(desk.router, terminalInput(desk.card, 1_000, { expiry: wrong }), 'CARD_EXPIRED');

    // Issued March 2024 for 36 months: usable through March 2027, Shanghai time.
    expect(desk.card.card.expiryMonth).toBe('2027-03');
    await ok(desk.router, 'settings.update', { businessTimeZone: 'Asia/Shanghai' });
    desk.at('2027-03-31T15:59:59.000Z');
    await authorize(desk, 1_000);
    desk.at('2027-03-31T16:00:00.000Z');
    await expectDeclined(desk.router, terminalInput(desk.card, 1_000), 'CARD_EXPIRED');
  });

  it('declines a wrong CVV with CVV_MISMATCH', async () => {
    const desk = await cardDesk();
    const cvv = String((Number(desk.card.cvv) + 1) % 1000).padStart(3, '0');
    await expectDeclined(desk.router, terminalInput(desk.card, 1_000, { cvv }), 'CVV_MISMATCH');
  });

  it('declines a frozen member with MEMBER_NOT_ACTIVE', async () => {
    const desk = await cardDesk();
    await ok(desk.router, 'members.freeze', { id: desk.member.id, reason: 'fraud check' });
    await expectDeclined(desk.router, terminalInput(desk.card, 1_000), 'MEMBER_NOT_ACTIVE');
  });

  it('declines more than the wallet has available, holds counted, with INSUFFICIENT_FUNDS', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 10_000);
    await authorize(desk, 6_000);
    const { error } = await expectDeclined(desk.router, terminalInput(desk.card, 4_001), 'INSUFFICIENT_FUNDS');
    expect(error.details).toMatchObject({ available: 4_000 });
    await authorize(desk, 4_000);
  });

  it('declines with LIMIT_EXCEEDED naming the interval and whose limit', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000, { day: { amount: 5_000, count: null } });
    const { error, row } = await expectDeclined(desk.router, terminalInput(desk.card, 5_001), 'LIMIT_EXCEEDED');
    expect(error.details).toMatchObject({ interval: 'day', limitedBy: 'card', limit: 'amount' });
    expect(row.decline_interval).toBe('day');
  });

  it('checks in order: a frozen card with a wrong CVV is CARD_NOT_ACTIVE, an active one CVV_MISMATCH before the member', async () => {
    const desk = await cardDesk();
    const cvv = String((Number(desk.card.cvv) + 1) % 1000).padStart(3, '0');
    await ok(desk.router, 'members.freeze', { id: desk.member.id, reason: 'fraud check' });
    await expectDeclined(desk.router, terminalInput(desk.card, 1_000, { cvv }), 'CVV_MISMATCH');
    await ok(desk.router, 'cards.freeze', { cardId: desk.card.card.id });
    await expectDeclined(desk.router, terminalInput(desk.card, 1_000, { cvv }), 'CARD_NOT_ACTIVE');
  });

  it('answers a retried decline with the same code and no second row', async () => {
    const desk = await cardDesk();
    const input = terminalInput(desk.card, 1_000, { cvv: desk.card.cvv === '123' ? '124' : '123' });
    const { row } = await expectDeclined(desk.router, input, 'CVV_MISMATCH');
    const before = cardSnapshot(desk.router);
    const again = await desk.router.invoke('cards.authorize', input);
    expect(again).toMatchObject({ ok: false, error: { code: 'CVV_MISMATCH', details: { authorizationId: row.id } } });
    expect(cardSnapshot(desk.router)).toEqual(before);
  });

  it('keeps every attempt in the activity, newest first, a page at a time', async () => {
    const desk = await cardDesk();
    await authorize(desk, 1_000);
    await desk.router.invoke('cards.authorize', terminalInput(desk.card, 1_000, { cvv: desk.card.cvv === '999' ? '998' : '999' }));
    await authorize(desk, 3_000);
    const page = await ok(desk.router, 'cards.activity', { cardId: desk.card.card.id, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => [row.amount, row.status])).toEqual([[3_000, 'held'], [1_000, 'declined']]);
    expect(page.rows[1]).toMatchObject({ declineCode: 'CVV_MISMATCH', holdId: null, holdExpiresAt: null });
    const rest = await ok(desk.router, 'cards.activity', { cardId: desk.card.card.id, offset: 2, limit: 2 });
    expect(rest.rows.map((row) => row.amount)).toEqual([1_000]);
    const unknown = await desk.router.invoke('cards.activity', { cardId: 999 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CARD_NOT_FOUND' } });
    expect(await desk.router.invoke('cards.getAuthorization', { authorizationId: 999 })).toMatchObject({ ok: false, error: { code: 'AUTHORIZATION_NOT_FOUND' } });
  });

  it('refuses a new key for nothing else: each attempt needs its own key', async () => {
    const desk = await cardDesk();
    const key = nextKey();
    await authorize(desk, 1_000, { idempotencyKey: key });
    const again = await desk.router.invoke('cards.authorize', terminalInput(desk.card, 1_000, { idempotencyKey: key, merchant: 'Other Shop' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT', details: { field: 'merchant' } } });
  });
});
