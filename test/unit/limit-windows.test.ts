import { describe, expect, it } from 'vitest';
import { calendarWindow, monthIn, windowOf } from '../../src-main/cards/limit-windows';

// Spending-limit windows in the business time zone: a day from local midnight, a week from
// Monday, a month from the 1st, a year from 1 January, whatever the zone's clocks do that day.

const at = (iso: string) => new Date(iso);

describe('calendarWindow', () => {
  it('starts a Shanghai day at local midnight, 16:00 UTC the day before', () => {
    expect(calendarWindow('day', at('2024-03-05T15:59:59.000Z'), 'Asia/Shanghai')).toEqual({ since: '2024-03-04T16:00:00.000Z', resetsAt: '2024-03-05T16:00:00.000Z' });
    expect(calendarWindow('day', at('2024-03-05T16:00:00.000Z'), 'Asia/Shanghai')).toEqual({ since: '2024-03-05T16:00:00.000Z', resetsAt: '2024-03-06T16:00:00.000Z' });
  });

  it('gives Berlin the 23-hour day of the spring change and the 25-hour day of the autumn one', () => {
    const spring = calendarWindow('day', at('2024-03-31T12:00:00.000Z'), 'Europe/Berlin');
    expect(spring).toEqual({ since: '2024-03-30T23:00:00.000Z', resetsAt: '2024-03-31T22:00:00.000Z' });
    const autumn = calendarWindow('day', at('2024-10-27T12:00:00.000Z'), 'Europe/Berlin');
    expect(autumn).toEqual({ since: '2024-10-26T22:00:00.000Z', resetsAt: '2024-10-27T23:00:00.000Z' });
    expect(Date.parse(spring.resetsAt) - Date.parse(spring.since)).toBe(23 * 3_600_000);
    expect(Date.parse(autumn.resetsAt) - Date.parse(autumn.since)).toBe(25 * 3_600_000);
  });

  it('keeps New York on its fall-back day until 05:00 UTC the next morning', () => {
    expect(calendarWindow('day', at('2024-11-04T04:59:59.000Z'), 'America/New_York')).toEqual({ since: '2024-11-03T04:00:00.000Z', resetsAt: '2024-11-04T05:00:00.000Z' });
    expect(calendarWindow('day', at('2024-11-04T05:00:00.000Z'), 'America/New_York').since).toBe('2024-11-04T05:00:00.000Z');
  });

  it('starts a day at the jump where the clocks skip midnight (Santiago, September 2024)', () => {
    expect(calendarWindow('day', at('2024-09-08T12:00:00.000Z'), 'America/Santiago')).toEqual({ since: '2024-09-08T04:00:00.000Z', resetsAt: '2024-09-09T03:00:00.000Z' });
  });

  it('starts a week on Monday: Sunday 23:59:59 is last week, Monday 00:00 the new one', () => {
    // 2024-03-10 is a Sunday; Shanghai is UTC+8.
    expect(calendarWindow('week', at('2024-03-10T15:59:59.000Z'), 'Asia/Shanghai')).toEqual({ since: '2024-03-03T16:00:00.000Z', resetsAt: '2024-03-10T16:00:00.000Z' });
    expect(calendarWindow('week', at('2024-03-10T16:00:00.000Z'), 'Asia/Shanghai')).toEqual({ since: '2024-03-10T16:00:00.000Z', resetsAt: '2024-03-17T16:00:00.000Z' });
  });

  it('starts a month on the 1st and a year on 1 January, across a year end', () => {
    const newYear = at('2024-12-31T16:00:00.000Z');
    expect(calendarWindow('month', newYear, 'Asia/Shanghai')).toEqual({ since: '2024-12-31T16:00:00.000Z', resetsAt: '2025-01-31T16:00:00.000Z' });
    expect(calendarWindow('year', newYear, 'Asia/Shanghai')).toEqual({ since: '2024-12-31T16:00:00.000Z', resetsAt: '2025-12-31T16:00:00.000Z' });
    expect(calendarWindow('month', at('2024-12-31T15:59:59.000Z'), 'Asia/Shanghai').since).toBe('2024-11-30T16:00:00.000Z');
    expect(calendarWindow('month', at('2024-03-15T00:00:00.000Z'), 'Europe/Berlin')).toEqual({ since: '2024-02-29T23:00:00.000Z', resetsAt: '2024-03-31T22:00:00.000Z' });
  });
});

describe('windowOf', () => {
  it('counts lifetime from the beginning and per authorization nothing before it, neither resetting', () => {
    expect(windowOf('lifetime', at('2024-03-05T00:00:00.000Z'), 'UTC')).toEqual({ since: '', resetsAt: null });
    expect(windowOf('authorization', at('2024-03-05T00:00:00.000Z'), 'UTC')).toEqual({ since: null, resetsAt: null });
  });
});

describe('monthIn', () => {
  it('names the month of the zone, not of UTC', () => {
    expect(monthIn('Asia/Shanghai', at('2027-03-31T16:00:00.000Z'))).toBe('2027-04');
    expect(monthIn('America/New_York', at('2027-04-01T03:00:00.000Z'))).toBe('2027-03');
  });
});
