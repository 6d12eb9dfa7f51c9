import { toDecimalString } from '../../../../src-shared/money';
import { checkAmount } from '../../ui/AmountField';

// The Settings form shows stored integers as the text a person types, and reads that text back
// exactly: a rate in basis points as a percentage with two decimals (50 → "0.50"), an amount in
// minor units as a decimal in major units (5000000 fen → "50000.00"). In both the digits are the
// same integer with the decimal point moved, so no floating-point number ever holds a value.

/** Basis points per percent: a percentage with two decimals is a whole number of basis points. */
const PERCENT_DECIMALS = 2;
/** More whole digits than any rate could have; longer text is not read as a number at all. */
const PERCENT_MAX_WHOLE_DIGITS = 9;
const PERCENT = /^(\d*)(?:\.(\d*))?\s*%?$/;

export type PercentProblem = 'empty' | 'format' | 'decimals';
export type PercentCheck = { bps: number; problem: null } | { bps: null; problem: PercentProblem };

/** Whole basis points → the percentage as typed in the form: 50 → "0.50", 1250 → "12.50". */
export function percentText(bps: number): string {
  const digits = String(Math.abs(bps)).padStart(PERCENT_DECIMALS + 1, '0');
  const sign = bps < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -PERCENT_DECIMALS)}.${digits.slice(-PERCENT_DECIMALS)}`;
}

/** A typed percentage ("0.5", "0.50", "12", "1.25 %") → whole basis points, or why it is not one. */
export function checkPercent(text: string): PercentCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { bps: null, problem: 'empty' };
  const match = PERCENT.exec(trimmed);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '') || whole.length > PERCENT_MAX_WHOLE_DIGITS) return { bps: null, problem: 'format' };
  if (fraction.length > PERCENT_DECIMALS) return { bps: null, problem: 'decimals' };
  return { bps: Number(whole + fraction.padEnd(PERCENT_DECIMALS, '0')), problem: null };
}

/** Minor units → the amount as typed in the form, in major units; no value (no limit) is blank. */
export function amountText(minor: number | undefined, currency: string): string {
  return minor === undefined ? '' : toDecimalString(minor, currency);
}

export type OptionalAmountCheck = { minor: number | undefined; problem: null } | { minor: null; problem: string };

/** A typed amount in major units → minor units (the shared parseAmount); blank means no value. */
export function checkOptionalAmount(text: string, currency: string): OptionalAmountCheck {
  if (text.trim() === '') return { minor: undefined, problem: null };
  return checkAmount(text, currency);
}
