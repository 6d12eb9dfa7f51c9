import { describe, expect, it } from 'vitest';
import type { SpendingLimits } from '../../src-shared/contract/cards';
import { ok } from '../support/temp-data';
import { cardSnapshot } from './cards-fixtures';
import { activeCard, authorize, cardDesk, expectDeclined, terminalInput, type CardDesk } from './cards-terminal-fixtures';
import { nextKey } from './members-fixtures';

// Spending limits at the terminal: the card's and the member's, by amount and by count, per
// authorization, day, week, month, year and lifetime in the business time zone. Every limit of
// both must hold (the stricter wins); a decline names the interval and whose limit it was.

/** A desk in `zone` at `start` whose card has `limits`. */
async function deskIn(zone: string, start: string, limits: SpendingLimits): Promise<CardDesk> {
  const desk = await cardDesk(start, 1_000_000, limits);
  await ok(desk.router, 'settings.update', { businessTimeZone: zone });
  return desk;
}

async function expectLimit(desk: CardDesk, amount: number, interval: string, limitedBy: 'card' | 'member' = 'card') {
  const { error, row } = await expectDeclined(desk.router, terminalInput(desk.card, amount), 'LIMIT_EXCEEDED');
  expect(error.details).toMatchObject({ interval, limitedBy });
  expect(row.decline_interval).toBe(interval);
}

describe('limits at interval boundaries (business time zone)', () => {
  it('counts a Shanghai day to 23:59:59 and starts a new one at 00:00:00', async () => {
    // 2024-03-05 00:00 in Shanghai is 2024-03-04T16:00Z.
    const desk = await deskIn('Asia/Shanghai', '2024-03-04T16:00:00.000Z', { day: { amount: 10_000, count: null } });
    await authorize(desk, 6_000);
    desk.at('2024-03-05T15:59:59.000Z');
    await expectLimit(desk, 4_001, 'day');
    await authorize(desk, 4_000);
    desk.at('2024-03-05T16:00:00.000Z');
    await authorize(desk, 10_000);
  });

  it('counts a week from Monday 00:00: Sunday 23:59:59 is still the old week', async () => {
    // Monday 2024-03-04 00:00 Shanghai; Sunday 2024-03-10 23:59:59 is 15:59:59Z.
    const desk = await deskIn('Asia/Shanghai', '2024-03-03T16:00:00.000Z', { week: { amount: null, count: 2 } });
    await authorize(desk, 100);
    desk.at('2024-03-10T15:59:59.000Z');
    await authorize(desk, 100);
    await expectLimit(desk, 100, 'week');
    desk.at('2024-03-10T16:00:00.000Z');
    await authorize(desk, 100);
  });

  it('counts a month to its last second and a year to 31 December', async () => {
    const desk = await deskIn('Asia/Shanghai', '2024-03-31T15:00:00.000Z', { month: { amount: 5_000, count: null }, year: { amount: 8_000, count: null } });
    await authorize(desk, 5_000);
    desk.at('2024-03-31T15:59:59.000Z');
    await expectLimit(desk, 1, 'month');
    desk.at('2024-03-31T16:00:00.000Z');
    await authorize(desk, 3_000);
    await expectLimit(desk, 1, 'year');
    desk.at('2024-12-31T16:00:00.000Z');
    await authorize(desk, 5_000);
  });

  it('counts the 23-hour day of Berlin\'s spring change: 23:59:59 CEST is still that day', async () => {
    // 2024-03-31 runs from 23:00Z the day before to 22:00Z (the clocks go from +1 to +2 at 02:00).
    const desk = await deskIn('Europe/Berlin', '2024-03-30T23:00:00.000Z', { day: { amount: 10_000, count: null } });
    await authorize(desk, 10_000);
    desk.at('2024-03-31T21:59:59.000Z');
    await expectLimit(desk, 1, 'day');
    desk.at('2024-03-31T22:00:00.000Z');
    await authorize(desk, 10_000);
  });

  it('counts the 25-hour day of New York\'s fall-back: 23:30 EST is still that day', async () => {
    // 2024-11-03 runs from 04:00Z to 05:00Z the next day.
    const desk = await deskIn('America/New_York', '2024-11-03T04:00:00.000Z', { day: { amount: null, count: 1 } });
    await authorize(desk, 500);
    desk.at('2024-11-04T04:30:00.000Z');
    await expectLimit(desk, 500, 'day');
    desk.at('2024-11-04T05:00:00.000Z');
    await authorize(desk, 500);
  });
});

describe('limits by amount and by count', () => {
  it('refuses one authorization above the per-authorization amount, whatever was spent before', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000, { authorization: { amount: 5_000, count: null } });
    await expectLimit(desk, 5_001, 'authorization');
    await authorize(desk, 5_000);
    await authorize(desk, 5_000);
  });

  it('counts approvals against a daily count, and a declined or voided one not at all', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000, { day: { amount: null, count: 2 } });
    const first = await authorize(desk, 100);
    await desk.router.invoke('cards.authorize', terminalInput(desk.card, 100, { cvv: desk.card.cvv === '000' ? '001' : '000' }));
    await authorize(desk, 100);
    await expectLimit(desk, 100, 'day');
    await ok(desk.router, 'cards.void', { authorizationId: first.authorization.id, idempotencyKey: nextKey() });
    await authorize(desk, 100);
  });

  it('counts a captured authorization at its captured amount against a lifetime amount', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000, { lifetime: { amount: 10_000, count: null } });
    const held = await authorize(desk, 8_000);
    await expectLimit(desk, 2_001, 'lifetime');
    await ok(desk.router, 'cards.capture', { authorizationId: held.authorization.id, amount: 3_000, idempotencyKey: nextKey() });
    desk.at('2026-01-01T00:00:00.000Z');
    await authorize(desk, 7_000);
    await expectLimit(desk, 1, 'lifetime');
  });
});

describe('card and member limits: the stricter wins', () => {
  it('declines by the member\'s limit over all their cards when it is stricter than the card\'s', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000, { day: { amount: 50_000, count: null } });
    await ok(desk.router, 'cards.setMemberLimits', { memberId: desk.member.id, currency: 'CNY', limits: { day: { amount: 10_000, count: null } } });
    const second = await activeCard(desk.router, desk.member.id, desk.program.id);
    await authorize(desk, 6_000, {}, second);
    await expectLimit(desk, 4_001, 'day', 'member');
    await authorize(desk, 4_000);
  });

  it('declines by the card\'s limit when it is the stricter, though the member has room', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000, { week: { amount: 3_000, count: null } });
    await ok(desk.router, 'cards.setMemberLimits', { memberId: desk.member.id, currency: 'CNY', limits: { week: { amount: 10_000, count: null } } });
    await authorize(desk, 3_000);
    await expectLimit(desk, 1, 'week', 'card');
  });

  it('shows the remaining allowance per interval with the stricter source and when it resets', async () => {
    const desk = await deskIn('Asia/Shanghai', '2024-03-05T02:00:00.000Z', { day: { amount: 20_000, count: 5 }, month: { amount: 100_000, count: null } });
    await ok(desk.router, 'cards.setMemberLimits', { memberId: desk.member.id, currency: 'CNY', limits: { day: { amount: 10_000, count: null }, authorization: { amount: 8_000, count: null } } });
    await authorize(desk, 3_000);
    const allowance = await ok(desk.router, 'cards.allowance', { cardId: desk.card.card.id });
    const byInterval = Object.fromEntries(allowance.map((a) => [a.interval, a]));
    expect(byInterval.authorization).toEqual({ interval: 'authorization', amountLimit: 8_000, amountUsed: 0, amountRemaining: 8_000, countLimit: null, countUsed: 0, countRemaining: null, limitedBy: 'member', resetsAt: null });
    expect(byInterval.day).toEqual({ interval: 'day', amountLimit: 10_000, amountUsed: 3_000, amountRemaining: 7_000, countLimit: 5, countUsed: 1, countRemaining: 4, limitedBy: 'member', resetsAt: '2024-03-05T16:00:00.000Z' });
    expect(byInterval.month).toMatchObject({ amountLimit: 100_000, amountRemaining: 97_000, limitedBy: 'card', resetsAt: '2024-03-31T16:00:00.000Z' });
    expect(byInterval.lifetime).toEqual({ interval: 'lifetime', amountLimit: null, amountUsed: 3_000, amountRemaining: null, countLimit: null, countUsed: 1, countRemaining: null, limitedBy: null, resetsAt: null });
  });
});

describe('member limits', () => {
  it('lists the member\'s currencies, saves limits per currency and audits them before and after', async () => {
    const desk = await cardDesk();
    expect(await ok(desk.router, 'cards.memberLimits', { memberId: desk.member.id })).toEqual([{ currency: 'CNY', limits: {}, updatedAt: null, updatedBy: null }]);
    const limits = { month: { amount: 200_000, count: 30 } };
    await ok(desk.router, 'cards.setMemberLimits', { memberId: desk.member.id, currency: 'CNY', limits });
    const saved = await ok(desk.router, 'cards.setMemberLimits', { memberId: desk.member.id, currency: 'CNY', limits: { day: { amount: 5_000, count: null } } });
    expect(saved).toEqual({ currency: 'CNY', limits: { day: { amount: 5_000, count: null } }, updatedAt: desk.now().toISOString(), updatedBy: 'admin' });
    expect(await ok(desk.router, 'cards.memberLimits', { memberId: desk.member.id })).toEqual([saved]);
    const { sqlite } = desk.router.state.requireStore();
    const audit = sqlite.prepare(`SELECT entity_type, entity_id, before_json, after_json FROM audit_log WHERE action = 'card.memberLimits' ORDER BY id`).all();
    expect(audit).toEqual([
      { entity_type: 'member_card_limits', entity_id: `${desk.member.id}:CNY`, before_json: null, after_json: JSON.stringify({ limits }) },
      { entity_type: 'member_card_limits', entity_id: `${desk.member.id}:CNY`, before_json: JSON.stringify({ limits }), after_json: JSON.stringify({ limits: { day: { amount: 5_000, count: null } } }) },
    ]);
  });

  it('refuses an unknown member and a disabled currency, changing nothing', async () => {
    const desk = await cardDesk();
    const before = cardSnapshot(desk.router);
    expect(await desk.router.invoke('cards.setMemberLimits', { memberId: 999, currency: 'CNY', limits: {} })).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND' } });
    expect(await desk.router.invoke('cards.setMemberLimits', { memberId: desk.member.id, currency: 'JPY', limits: {} })).toMatchObject({ ok: false, error: { code: 'CURRENCY_DISABLED' } });
    expect(await desk.router.invoke('cards.memberLimits', { memberId: 999 })).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND' } });
    expect(cardSnapshot(desk.router)).toEqual(before);
  });
});
