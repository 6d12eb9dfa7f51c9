import { minorDigits } from '../../src-shared/money';
import { loyaltySettings, type CapPeriod, type SavedLoyalty, type Tier } from '../../src-shared/settings/loyalty-settings';
import { readSetting } from '../settings/settings-service';
import { perConnection } from '../store/sql';
import type { SqliteDatabase } from '../store/open-database';
import type { Store } from '../store/store';

// The loyalty rules as saved, and the arithmetic they define. Points are whole numbers; factors
// are hundredths; every product is taken in BigInt and rounded down once, at the end, so a member
// is never given a fraction of a point and no float ever touches one.

const storedRules = perConnection((sqlite) => sqlite.prepare<[], string>(`SELECT value_json FROM settings WHERE key = 'loyalty'`).pluck());
/** The rules last parsed on each connection, with the stored text they came from. */
const parsedRules = new WeakMap<SqliteDatabase, { stored: string | undefined; saved: SavedLoyalty }>();

/**
 * The rules in force. Every payment, redemption and record reads them: the stored text is
 * compared with what was parsed last on this connection, and parsed again (and checked by the
 * schema) only when it changed.
 */
export function savedLoyalty(store: Store): SavedLoyalty {
  const stored = storedRules(store.sqlite).get();
  const last = parsedRules.get(store.sqlite);
  if (last && last.stored === stored) return last.saved;
  const saved = readSetting(store, loyaltySettings, 'loyalty');
  parsedRules.set(store.sqlite, { stored, saved });
  return saved;
}

/** The points a payment earns: α per whole 1.00 of the amount (its fee aside), times the tier's multiplier, rounded down. */
export function paymentPoints(pointsPerUnitPaid: number, multiplier: number, amount: number, currency: string): number {
  const unit = 10n ** BigInt(minorDigits(currency));
  return Number((BigInt(amount) * BigInt(pointsPerUnitPaid) * BigInt(multiplier)) / (unit * 10_000n));
}

/** A fixed number of points times a multiplier in hundredths, rounded down. */
export function multiplied(points: number, multiplier: number): number {
  return Number((BigInt(points) * BigInt(multiplier)) / 100n);
}

export function tierById(tiers: readonly Tier[], id: string): Tier | undefined {
  return tiers.find((tier) => tier.id === id);
}

/** `months` calendar months later (the 31st of a shorter month becomes its last day), as ISO text. */
export function addMonths(at: Date, months: number): Date {
  const result = new Date(at.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}

/** The start of the calendar period holding `at`, in the workstation's time zone (weeks start on Monday). */
export function periodStart(at: Date, period: CapPeriod): Date {
  const start = new Date(at.getFullYear(), at.getMonth(), period === 'month' ? 1 : at.getDate());
  if (period === 'week') start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  return start;
}
