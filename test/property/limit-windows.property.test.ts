import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarWindow } from '../../src-main/cards/limit-windows';

// The limit windows' invariants over random moments in zones with and without clock changes
// (including one whose clocks skip midnight, and one half an hour off UTC): a window holds its
// moment, the next window starts where it ends, and it starts on the calendar's boundary.

const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Adelaide', 'Asia/Kolkata', 'UTC'] as const;
const INTERVALS = ['day', 'week', 'month', 'year'] as const;

/** The wall clock in `zone` at `iso`: [year, month, day, weekday (0 Sunday), hour, minute]. */
function wall(zone: string, iso: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return [Number(part('year')), Number(part('month')), Number(part('day')), ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')), Number(part('hour')), Number(part('minute'))];
}

const moments = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });

describe('calendarWindow (property)', () => {
  it('holds its moment, and the window after it starts where it ends', () => {
    fc.assert(
      fc.property(moments, fc.constantFrom(...ZONES), fc.constantFrom(...INTERVALS), (now, zone, interval) => {
        const window = calendarWindow(interval, now, zone);
        expect(window.since <= now.toISOString() && now.toISOString() < window.resetsAt).toBe(true);
        expect(calendarWindow(interval, new Date(window.resetsAt), zone).since).toBe(window.resetsAt);
        expect(calendarWindow(interval, new Date(Date.parse(window.resetsAt) - 1), zone).since).toBe(window.since);
      }),
      { numRuns: 2_000 },
    );
  });

  it('starts at the first minute of a day (a Monday for weeks, the 1st for months, 1 January for years)', () => {
    fc.assert(
      fc.property(moments, fc.constantFrom(...ZONES), fc.constantFrom(...INTERVALS), (now, zone, interval) => {
        const { since } = calendarWindow(interval, now, zone);
        const [, month, day, weekday, hour] = wall(zone, since);
        const [, , dayBefore] = wall(zone, new Date(Date.parse(since) - 1).toISOString());
        expect(dayBefore).not.toBe(day);
        // Midnight itself, or the hour the clocks jumped to where they skip it.
        expect(hour).toBeLessThanOrEqual(1);
        if (interval === 'week') expect(weekday).toBe(1);
        if (interval === 'month' || interval === 'year') expect(day).toBe(1);
        if (interval === 'year') expect(month).toBe(1);
      }),
      { numRuns: 2_000 },
    );
  });
});
