import { AppError } from '../../src-shared/errors';

// Parameter checks every report shares, each a coded error that names the field.

/** An instant a report is taken at: not in the future (the books cannot say yet), default now. */
export function pastInstant(value: string | undefined, field: string, now: Date): string {
  if (value === undefined) return now.toISOString();
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new AppError('INVALID_INPUT', `${field} "${value}" is not a date and time.`, { field, reason: 'not_a_time' });
  if (at.getTime() > now.getTime()) {
    throw new AppError('INVALID_INPUT', `${field} ${value} is in the future; a report can only state what has happened.`, { field, reason: 'future' });
  }
  return at.toISOString();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A period [from, to): `to` defaults to now and is capped at now (a day picked to its end still
 * reads as today); `from` defaults to `defaultDays` before `to` and must not be in the future.
 */
export function reportPeriod(params: { from?: string; to?: string }, now: Date, defaultDays = 30): { from: string; to: string } {
  const from = params.from === undefined ? undefined : pastInstant(params.from, 'from', now);
  const toAt = params.to === undefined ? now : new Date(params.to);
  if (Number.isNaN(toAt.getTime())) throw new AppError('INVALID_INPUT', `to "${params.to}" is not a date and time.`, { field: 'to', reason: 'not_a_time' });
  const to = new Date(Math.min(toAt.getTime(), now.getTime())).toISOString();
  return { from: from ?? new Date(new Date(to).getTime() - defaultDays * DAY_MS).toISOString(), to };
}
