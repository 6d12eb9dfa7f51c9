import { minorDigits } from '../../src-shared/money';
import { loyaltySettings, type CapPeriod, type SavedLoyalty, type Tier } from '../../src-shared/settings/loyalty-settings';
import { readSetting } from '../settings/settings-service';
import type { Store } from '../store/store';

// The loyalty rules as saved, and the arithmetic they define. Points are whole numbers; factors
// are hundredths; every product is taken in BigInt and rounded down once, at the end, so a member
// is never given a fraction of a point and no float ever touches one.

export function savedLoyalty(store: Store): SavedLoyalty {
  return readSetting(store, loyaltySettings, 'loyalty');
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
