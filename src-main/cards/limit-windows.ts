import type { LimitInterval } from '../../src-shared/cards/limits';

// Where each spending-limit interval starts and when it starts over, for a moment in the
// business time zone: a day at local midnight, a week on Monday 00:00, a month on the 1st, a
// year on 1 January. Computed from the zone's own offsets (Intl), so a day on which the clocks
// change is 23 or 25 hours long. (dayjs's tz().add(1, 'day') keeps the offset it started with
// and lands an hour off after such a day.) Answers are UTC ISO strings, the form of the stored
// `at` of an authorization, so a window is a plain string comparison.

/** A calendar interval's window: counted since `since`, starting over at `resetsAt`. */
export interface LimitWindow {
  since: string;
  resetsAt: string;
}

const HOUR = 3_600_000;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(zone, format);
  }
  return format;
}

/** The wall-clock time in `zone` at `instant`, as if it were UTC (ms). */
function wallClock(zone: string, instant: number): number {
  const parts = Object.fromEntries(formatIn(zone).formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) + (instant % 1000 + 1000) % 1000;
}

/** Day starts already found, by zone and date: each is asked for by every authorization that day. */
const dayStarts = new Map<string, number>();
const DAY_STARTS_KEPT = 10_000;

/**
 * The first instant of the local calendar date `date` (a UTC midnight naming that date). Tries
 * the offsets in force a day and a half either side: both fit when midnight comes twice (the
 * earlier wins); neither fits when the clocks jump over midnight, and then the day begins at the
 * jump, which is local midnight under the offset before it.
 */
function startOfLocalDate(zone: string, date: number): number {
  const key = `${zone} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    const before = date - (wallClock(zone, date - 36 * HOUR) - (date - 36 * HOUR));
    const after = date - (wallClock(zone, date + 36 * HOUR) - (date + 36 * HOUR));
    const fits = [before, after].filter((instant) => wallClock(zone, instant) === date);
    start = fits.length === 0 ? before : Math.min(...fits);
    if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start;
}

/** The local calendar date of `instant` in `zone`, as the UTC midnight naming it. */
function localDate(zone: string, instant: number): Date {
  const wall = new Date(wallClock(zone, instant));
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
}

function iso(zone: string, year: number, month: number, day: number): string {
  return new Date(startOfLocalDate(zone, Date.UTC(year, month, day))).toISOString();
}

export type CalendarInterval = 'day' | 'week' | 'month' | 'year';

/** The window of every calendar interval around `now` in `zone`. */
export function calendarWindows(now: Date, zone: string): Record<CalendarInterval, LimitWindow> {
  const date = localDate(zone, now.getTime());
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  // ISO 8601 weeks start on Monday: getUTCDay() is 0 on Sunday.
  const monday = d - ((date.getUTCDay() + 6) % 7);
  return {
    day: { since: iso(zone, y, m, d), resetsAt: iso(zone, y, m, d + 1) },
    week: { since: iso(zone, y, m, monday), resetsAt: iso(zone, y, m, monday + 7) },
    month: { since: iso(zone, y, m, 1), resetsAt: iso(zone, y, m + 1, 1) },
    year: { since: iso(zone, y, 0, 1), resetsAt: iso(zone, y + 1, 0, 1) },
  };
}

/** The window of one calendar interval around `now` in `zone`. */
export function calendarWindow(interval: CalendarInterval, now: Date, zone: string): LimitWindow {
  return calendarWindows(now, zone)[interval];
}

/**
 * Since when an interval counts what was spent: a calendar window's start; lifetime counts
 * everything (the empty string sorts before every time); per authorization counts nothing
 * before the authorization itself (null).
 */
export function windowOf(interval: LimitInterval, now: Date, zone: string): { since: string | null; resetsAt: string | null } {
  if (interval === 'authorization') return { since: null, resetsAt: null };
  if (interval === 'lifetime') return { since: '', resetsAt: null };
  return calendarWindow(interval, now, zone);
}

/** The `YYYY-MM` month `now` falls in, in `zone`: a card is usable through its expiry month there. */
export function monthIn(zone: string, now: Date): string {
  return localDate(zone, now.getTime()).toISOString().slice(0, 7);
}
