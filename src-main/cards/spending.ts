import type { Allowance } from '../../src-shared/contract/cards';
import { LIMIT_INTERVALS, type IntervalLimit, type LimitInterval, type SpendingLimits } from '../../src-shared/cards/limits';
import { businessZone } from './business-zone';
import { perConnection } from '../store/sql';
import type { SqliteDatabase } from '../store/open-database';
import type { Store } from '../store/store';
import { getCardView, type CardView } from './card-rows';
import { calendarWindows, windowOf, type CalendarInterval, type LimitWindow } from './limit-windows';
import { memberLimitsIn } from './member-limits';
import { parseLimits } from './programs';

// What a card and its member have spent in each limit interval, and what a new authorization may
// still spend. An authorization counts by its `counted_amount` (the amount while held, what was
// captured once captured, 0 once released or declined) and once in the count while that is
// above 0, in the interval its `at` falls in. A card's own limits count the card's
// authorizations; a member's limits count all the member's cards in that currency. Where both
// apply, the stricter wins: an authorization must pass every limit of both.

export type Whose = 'card' | 'member';
type Counted = Exclude<LimitInterval, 'authorization'>;
const COUNTED = ['day', 'week', 'month', 'year', 'lifetime'] as const;

export interface Usage {
  amount: number;
  count: number;
}
export type UsageByInterval = Record<Counted, Usage>;

const NOTHING: Usage = { amount: 0, count: 0 };

/** Whose limits, and what they have spent so far. */
export interface SpendingSource {
  whose: Whose;
  limits: SpendingLimits;
  usage: UsageByInterval;
}

/** Since when each interval sums: its window's start, the beginning for lifetime, or never. */
export type Bounds = Record<Counted, string>;
const FROM_THE_BEGINNING = '';
/** Sorts after every ISO time: an interval without a limit reads no rows. */
const NEVER = '~';

/**
 * What an owner (a card, or a member in a currency) counted per UTC month (card_spend_months and
 * member_spend_months, kept by triggers: migration 0012), and the sum of its authorizations in a
 * range of time (a walk of a partial covering index; the literal `counted_amount > 0` is what
 * lets SQLite choose it).
 */
interface OwnerQueries {
  months: Statement;
  range: Statement;
}

const RANGE = (owner: string) => `SELECT coalesce(sum(counted_amount), 0) AS amount, count(*) AS count
  FROM card_authorizations WHERE ${owner} AND counted_amount > 0 AND at >= @from AND at < @to`;

const statements = perConnection((sqlite) => ({
  card: {
    months: sqlite.prepare('SELECT month, amount, count FROM card_spend_months WHERE card_id = @owner'),
    range: sqlite.prepare(RANGE('card_id = @owner')),
  },
  member: {
    months: sqlite.prepare('SELECT month, amount, count FROM member_spend_months WHERE member_id = @owner AND currency = @currency'),
    range: sqlite.prepare(RANGE('member_id = @owner AND currency = @currency')),
  },
}));

type MonthRow = Usage & { month: string };
type Statement = ReturnType<SqliteDatabase['prepare']>;

const monthStart = (isoMonth: string) => `${isoMonth}-01T00:00:00.000Z`;

/**
 * What an owner counted since `since`. Lifetime is the sum of its months. Any other window is
 * either the rows since its start, or its start month's total onwards less the rows of that
 * month before the start, whichever walks the shorter stretch of time: a year or a month starts
 * within hours of a UTC month's start, a day or a week starts near now.
 */
function usageSince(queries: OwnerQueries, params: Record<string, unknown>, months: readonly MonthRow[], since: string, now: Date): Usage {
  if (since === NEVER) return NOTHING;
  const fromMonth = since === FROM_THE_BEGINNING ? '' : since.slice(0, 7);
  const ranged = (from: string, to: string) => queries.range.get({ ...params, from, to }) as Usage;
  const startOfMonth = monthStart(fromMonth);
  if (since !== FROM_THE_BEGINNING && now.getTime() - Date.parse(since) < Date.parse(since) - Date.parse(startOfMonth)) return ranged(since, NEVER);
  const total = months.filter((m) => m.month >= fromMonth).reduce((sum, m) => ({ amount: sum.amount + m.amount, count: sum.count + m.count }), NOTHING);
  if (since === FROM_THE_BEGINNING) return total;
  const before = ranged(startOfMonth, since);
  return { amount: total.amount - before.amount, count: total.count - before.count };
}

function usageOf(queries: OwnerQueries, params: Record<string, unknown>, bounds: Bounds, now: Date): UsageByInterval {
  const read = COUNTED.some((interval) => bounds[interval] !== NEVER);
  const months = read ? (queries.months.all(params) as MonthRow[]) : [];
  return Object.fromEntries(COUNTED.map((interval) => [interval, usageSince(queries, params, months, bounds[interval], now)])) as UsageByInterval;
}

/** Where each interval in `needed` starts, given the calendar `windows` of now; the others are not read. */
function boundsOf(windows: Record<CalendarInterval, LimitWindow>, needed: readonly LimitInterval[]): Bounds {
  const bound = (interval: Counted) => (!needed.includes(interval) ? NEVER : interval === 'lifetime' ? FROM_THE_BEGINNING : windows[interval].since);
  return Object.fromEntries(COUNTED.map((interval) => [interval, bound(interval)])) as Bounds;
}

/** Every interval that has a limit in `limits`. */
function limitedIntervals(limits: SpendingLimits): LimitInterval[] {
  return LIMIT_INTERVALS.filter((interval) => limits[interval] !== undefined);
}

function cardUsage(store: Store, cardId: number, bounds: Bounds, now: Date): UsageByInterval {
  return usageOf(statements(store.sqlite).card, { owner: cardId }, bounds, now);
}

function memberUsage(store: Store, memberId: number, currency: string, bounds: Bounds, now: Date): UsageByInterval {
  return usageOf(statements(store.sqlite).member, { owner: memberId, currency }, bounds, now);
}

function usedIn(source: SpendingSource, interval: LimitInterval): Usage {
  return interval === 'authorization' ? NOTHING : source.usage[interval];
}

/** The first limit (interval by interval, the card's before the member's) that `amount` more would pass. */
export interface LimitBreach {
  interval: LimitInterval;
  whose: Whose;
  limit: 'amount' | 'count';
}

function breachOf(limit: IntervalLimit | undefined, used: Usage, amount: number): LimitBreach['limit'] | null {
  if (!limit) return null;
  if (limit.amount !== null && used.amount + amount > limit.amount) return 'amount';
  if (limit.count !== null && used.count + 1 > limit.count) return 'count';
  return null;
}

export function firstBreach(sources: readonly SpendingSource[], amount: number): LimitBreach | null {
  for (const interval of LIMIT_INTERVALS) {
    for (const source of sources) {
      const limit = breachOf(source.limits[interval], usedIn(source, interval), amount);
      if (limit) return { interval, whose: source.whose, limit };
    }
  }
  return null;
}

/** Of the sources limiting `measure` in `interval`, the one with the least left (the card's on a tie). */
function strictest(sources: readonly SpendingSource[], interval: LimitInterval, measure: keyof Usage): { source: SpendingSource; limit: number; remaining: number } | null {
  let best: { source: SpendingSource; limit: number; remaining: number } | null = null;
  for (const source of sources) {
    const limit = source.limits[interval]?.[measure];
    if (limit === null || limit === undefined) continue;
    const remaining = Math.max(0, limit - usedIn(source, interval)[measure]);
    if (!best || remaining < best.remaining) best = { source, limit, remaining };
  }
  return best;
}

/**
 * What is left in each interval, the card's and the member's limits taken together: for the
 * amount and for the count, the limit with the least left and what its owner has used. An
 * interval without a limit shows what the card has used.
 */
function allowances(sources: readonly SpendingSource[], now: Date, zone: string): Allowance[] {
  const card = sources.find((s) => s.whose === 'card')!;
  return LIMIT_INTERVALS.map((interval) => {
    const amount = strictest(sources, interval, 'amount');
    const count = interval === 'authorization' ? null : strictest(sources, interval, 'count');
    return {
      interval,
      amountLimit: amount?.limit ?? null,
      amountUsed: usedIn(amount?.source ?? card, interval).amount,
      amountRemaining: amount?.remaining ?? null,
      countLimit: count?.limit ?? null,
      countUsed: usedIn(count?.source ?? card, interval).count,
      countRemaining: count?.remaining ?? null,
      limitedBy: (amount ?? count)?.source.whose ?? null,
      resetsAt: windowOf(interval, now, zone).resetsAt,
    };
  });
}

/**
 * The card's and its member's limits with what each has spent in the intervals its own limits
 * name (`all`: every interval, for the allowance); a source without limits reads nothing.
 */
export function spendingSources(store: Store, card: CardView, now: Date, zone: string, all = false): SpendingSource[] {
  const cardLimits = parseLimits(card.limits);
  const memberLimits = memberLimitsIn(store, card.member_id, card.currency);
  const windows = calendarWindows(now, zone);
  const boundsFor = (limits: SpendingLimits) => boundsOf(windows, all ? LIMIT_INTERVALS : limitedIntervals(limits));
  return [
    { whose: 'card', limits: cardLimits, usage: cardUsage(store, card.id, boundsFor(cardLimits), now) },
    { whose: 'member', limits: memberLimits, usage: memberUsage(store, card.member_id, card.currency, boundsFor(memberLimits), now) },
  ];
}

/** cards.allowance: what is left to spend on the card in each interval, now. */
export function cardAllowance(store: Store, cardId: number, now: Date): Allowance[] {
  const zone = businessZone(store);
  return allowances(spendingSources(store, getCardView(store, cardId), now, zone, true), now, zone);
}
