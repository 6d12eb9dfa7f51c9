import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { windowOf } from '../../src-main/cards/limit-windows';
import { ok } from '../support/temp-data';
import { activeCard, authorize, cardDesk } from './cards-terminal-fixtures';
import { nextKey } from './members-fixtures';

// The month totals the spending limits read (migration 0012's triggers) give the same usage as
// summing the authorizations themselves, whatever mix of approvals, captures (whole or part),
// voids and expiries lies behind them, across month and year ends, for the card and for the
// member with two cards; and verify agrees with the totals.

const DAY = 86_400_000;
const ZONE = 'America/New_York';
const START = Date.parse('2023-11-20T10:00:00.000Z');

type Fate = 'held' | 'capture' | 'part' | 'void';

describe('month totals behind the spending limits', () => {
  it('give the usage a sum of the authorizations gives, in every interval, at moments around month and year ends', async () => {
    const desk = await cardDesk('2023-11-20T10:00:00.000Z', 900_000);
    const second = await activeCard(desk.router, desk.member.id, desk.program.id);
    const { sqlite } = desk.router.state.requireStore();
    // Business days in a zone behind UTC, so calendar months and UTC months differ by hours.
    await ok(desk.router, 'settings.update', { businessTimeZone: ZONE });
    const plan = fc.sample(fc.record({ day: fc.integer({ min: 0, max: 80 }), hour: fc.integer({ min: 0, max: 23 }), amount: fc.integer({ min: 1, max: 5_000 }), fate: fc.constantFrom<Fate>('held', 'capture', 'part', 'void'), second: fc.boolean() }), { numRuns: 60, seed: 42 });
    for (const step of plan.sort((a, b) => a.day * 24 + a.hour - (b.day * 24 + b.hour))) {
      desk.at(new Date(START + step.day * DAY + step.hour * 3_600_000).toISOString());
      const { authorization } = await authorize(desk, step.amount, {}, step.second ? second : desk.card);
      const id = authorization.id;
      if (step.fate === 'capture') await ok(desk.router, 'cards.capture', { authorizationId: id, idempotencyKey: nextKey() });
      if (step.fate === 'part') await ok(desk.router, 'cards.capture', { authorizationId: id, amount: Math.ceil(step.amount / 3), idempotencyKey: nextKey() });
      if (step.fate === 'void') await ok(desk.router, 'cards.void', { authorizationId: id, idempotencyKey: nextKey() });
    }

    // The allowance shows the usage of whoever limits an interval: the card while only it is
    // read, then the member (both cards) once only the member has limits.
    const owners = [
      { sql: 'card_id = ?', args: [desk.card.card.id] },
      { sql: 'member_id = ? AND currency = ?', args: [desk.member.id, 'CNY'], limits: true },
    ];
    for (const owner of owners) {
      if (owner.limits) {
        const wide = { amount: 1_000_000_000, count: 1_000_000 };
        await ok(desk.router, 'cards.setMemberLimits', { memberId: desk.member.id, currency: 'CNY', limits: { day: wide, week: wide, month: wide, year: wide, lifetime: wide } });
      }
      for (const moment of ['2023-12-01T04:59:59.999Z', '2023-12-01T05:00:00.000Z', '2023-12-31T23:30:00.000Z', '2024-01-01T05:00:00.000Z', '2024-01-15T12:00:00.000Z', '2024-02-09T20:00:00.000Z']) {
        desk.at(moment);
        const allowance = await ok(desk.router, 'cards.allowance', { cardId: desk.card.card.id });
        for (const row of allowance.filter((a) => a.interval !== 'authorization')) {
          // The window's start as the limits compute it (its own tests prove it); the sum is the question here.
          const since = windowOf(row.interval, desk.now(), ZONE).since ?? '';
          const brute = sqlite
            .prepare(`SELECT coalesce(sum(counted_amount), 0) AS amount, count(*) AS count FROM card_authorizations WHERE ${owner.sql} AND counted_amount > 0 AND at >= ?`)
            .get(...owner.args, since) as { amount: number; count: number };
          expect({ owner: owner.sql, moment, interval: row.interval, amount: row.amountUsed, count: row.countUsed }).toEqual({ owner: owner.sql, moment, interval: row.interval, ...brute });
        }
      }
    }
    const report = await ok(desk.router, 'system.verify', {});
    expect(report.checks.find((check) => check.name === 'cards.spendMonths')).toMatchObject({ ok: true });
  });
});
