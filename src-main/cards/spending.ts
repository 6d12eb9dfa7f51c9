import type { Allowance } from '../../src-shared/contract/cards';
import { LIMIT_INTERVALS, type IntervalLimit, type LimitInterval, type SpendingLimits } from '../../src-shared/cards/limits';
import { businessTimeZone, cardSettings } from '../../src-shared/settings/card-settings';
import { readSetting } from '../settings/settings-service';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { getCardView, type CardView } from './card-rows';
import { calendarWindow, windowOf } from './limit-windows';
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
const CALENDAR = ['day', 'week', 'month', 'year'] as const;

export interface Usage {
  amount: number;
  count: number;
}
export type UsageByInterval = Record<Counted, Usage>;

/** Whose limits, and what they have spent so far. */
export interface SpendingSource {
  whose: Whose;
  limits: SpendingLimits;
  usage: UsageByInterval;
}

/** Where the calendar windows start at `now`, and since when the sums must read to fill them all. */
export interface Windows {
  day: string;
  week: string;
  month: string;
  year: string;
  since: string;
}

// One walk of a partial covering index each (migration 0012): the literal `counted_amount > 0`
// is what lets SQLite choose them.
const SUMS = `coalesce(sum(CASE WHEN at >= @day THEN counted_amount END), 0) AS day_amount, count(CASE WHEN at >= @day THEN 1 END) AS day_count,
  coalesce(sum(CASE WHEN at >= @week THEN counted_amount END), 0) AS week_amount, count(CASE WHEN at >= @week THEN 1 END) AS week_count,
  coalesce(sum(CASE WHEN at >= @month THEN counted_amount END), 0) AS month_amount, count(CASE WHEN at >= @month THEN 1 END) AS month_count,
  coalesce(sum(CASE WHEN at >= @year THEN counted_amount END), 0) AS year_amount, count(CASE WHEN at >= @year THEN 1 END) AS year_count,
  coalesce(sum(counted_amount), 0) AS lifetime_amount, count(*) AS lifetime_count`;

const statements = perConnection((sqlite) => ({
  card: sqlite.prepare(`SELECT ${SUMS} FROM card_authorizations WHERE card_id = @owner AND counted_amount > 0 AND at >= @since`),
  member: sqlite.prepare(`SELECT ${SUMS} FROM card_authorizations WHERE member_id = @owner AND currency = @currency AND counted_amount > 0 AND at >= @since`),
}));

type SumsRow = Record<`${Counted}_${'amount' | 'count'}`, number>;

function toUsage(row: SumsRow): UsageByInterval {
  const usage = (interval: Counted): Usage => ({ amount: row[`${interval}_amount`], count: row[`${interval}_count`] });
  return { day: usage('day'), week: usage('week'), month: usage('month'), year: usage('year'), lifetime: usage('lifetime') };
}

/**
 * The calendar windows at `now` in `zone`. `needed` are the intervals whose sums will be read:
 * the sums start at the earliest of their windows (lifetime: the beginning), so a card with only
 * a daily limit reads one day of its history.
 */
export function windowsAt(now: Date, zone: string, needed: readonly LimitInterval[]): Windows {
  const starts = Object.fromEntries(CALENDAR.map((interval) => [interval, calendarWindow(interval, now, zone).since])) as Record<(typeof CALENDAR)[number], string>;
  const counted = needed.filter((interval) => interval !== 'authorization');
  const since = counted.includes('lifetime') || counted.length === 0 ? '' : counted.map((interval) => starts[interval as (typeof CALENDAR)[number]]).sort()[0]!;
  return { ...starts, since };
}

/** Every interval that has a limit in any of `limits`. */
export function limitedIntervals(...limits: SpendingLimits[]): LimitInterval[] {
  return LIMIT_INTERVALS.filter((interval) => limits.some((l) => l[interval] !== undefined));
}

export function cardUsage(store: Store, cardId: number, windows: Windows): UsageByInterval {
  return toUsage(statements(store.sqlite).card.get({ ...windows, owner: cardId }) as SumsRow);
}

export function memberUsage(store: Store, memberId: number, currency: string, windows: Windows): UsageByInterval {
  return toUsage(statements(store.sqlite).member.get({ ...windows, owner: memberId, currency }) as SumsRow);
}

const NOTHING: Usage = { amount: 0, count: 0 };

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
export function allowances(sources: readonly SpendingSource[], now: Date, zone: string): Allowance[] {
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

/** The zone the limits count their calendar in (card settings; unset: the workstation's). */
export function limitZone(store: Store): string {
  return businessTimeZone(readSetting(store, cardSettings, 'businessTimeZone'));
}

const NO_USAGE: UsageByInterval = { day: NOTHING, week: NOTHING, month: NOTHING, year: NOTHING, lifetime: NOTHING };

/**
 * The card's and its member's limits with what each has spent, read only as far back as their
 * limited intervals reach (`all`: every interval, for the allowance); nothing is read when
 * neither has a limit.
 */
export function spendingSources(store: Store, card: CardView, now: Date, zone: string, all = false): SpendingSource[] {
  const cardLimits = parseLimits(card.limits);
  const memberLimits = memberLimitsIn(store, card.member_id, card.currency);
  const needed = all ? LIMIT_INTERVALS : limitedIntervals(cardLimits, memberLimits);
  if (needed.length === 0) return [{ whose: 'card', limits: cardLimits, usage: NO_USAGE }, { whose: 'member', limits: memberLimits, usage: NO_USAGE }];
  const windows = windowsAt(now, zone, needed);
  return [
    { whose: 'card', limits: cardLimits, usage: cardUsage(store, card.id, windows) },
    { whose: 'member', limits: memberLimits, usage: memberUsage(store, card.member_id, card.currency, windows) },
  ];
}

/** cards.allowance: what is left to spend on the card in each interval, now. */
export function cardAllowance(store: Store, cardId: number, now: Date): Allowance[] {
  const zone = limitZone(store);
  return allowances(spendingSources(store, getCardView(store, cardId), now, zone, true), now, zone);
}
