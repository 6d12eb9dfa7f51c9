import { AppError } from './errors';

// Money is an integer count of minor units (fen, cents, yen, fils). The only ways in and out are
// parseAmount (decimal text → minor units) and formatAmount (minor units → localized text); no
// floating-point arithmetic ever touches an amount.

/** Minor-unit digits per ISO 4217 (list one, "Minor unit" column); PTS is Paydesk's points unit. */
export const CURRENCY_DIGITS: Readonly<Record<string, number>> = {
  CNY: 2, HKD: 2, MOP: 2, TWD: 2, USD: 2, EUR: 2, GBP: 2, CHF: 2, CAD: 2, AUD: 2, NZD: 2, SGD: 2,
  MYR: 2, THB: 2, PHP: 2, IDR: 2, INR: 2, PKR: 2, BDT: 2, LKR: 2, NPR: 2, MNT: 2, KZT: 2, RUB: 2,
  SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, TRY: 2, AED: 2, SAR: 2, QAR: 2, ILS: 2, EGP: 2,
  ZAR: 2, NGN: 2, KES: 2, BRL: 2, MXN: 2, ARS: 2, COP: 2, PEN: 2, MAD: 2,
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XAF: 0, XOF: 0, PYG: 0,
  KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3, LYD: 3, IQD: 3,
  PTS: 0,
};

/** Points are a unit of the ledger, not money: Intl has no symbol for them. */
export const POINTS_CURRENCY = 'PTS';

export function isKnownCurrency(currency: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_DIGITS, currency);
}

export function minorDigits(currency: string): number {
  const digits = CURRENCY_DIGITS[currency];
  if (digits === undefined) throw new AppError('INVALID_INPUT', `Unknown currency ${currency}.`, { field: 'currency' });
  return digits;
}

export interface ParseAmountOptions {
  /** Refunds and adjustments may be negative; amounts typed at the counter may not. */
  allowNegative?: boolean;
  allowZero?: boolean;
  /** The input field named in the error (default `amount`). */
  field?: string;
}

function amountInvalid(reason: string, message: string, field: string): AppError {
  return new AppError('AMOUNT_INVALID', message, { field, reason });
}

const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function splitDecimal(body: string, field: string): { whole: string; fraction: string } {
  if (/e/i.test(body)) throw amountInvalid('exponent', `"${body}" uses exponent notation; write the digits out.`, field);
  const match = PLAIN.exec(body) ?? GROUPED.exec(body);
  if (!match) throw amountInvalid('not_a_number', `"${body}" is not a decimal amount.`, field);
  return { whole: match[1]!.replaceAll(',', ''), fraction: match[2] ?? '' };
}

/**
 * Decimal text → integer minor units. Accepts "12", "12.3", "12.30", "1,234.56" (commas only in
 * groups of three) and, when allowed, a leading minus. Refuses numbers (pass the text the person
 * typed, not a float), exponents, NaN, more decimals than the currency has, and anything beyond
 * Number.MAX_SAFE_INTEGER minor units.
 */
export function parseAmount(text: unknown, currency: string, options: ParseAmountOptions = {}): number {
  const field = options.field ?? 'amount';
  const digits = minorDigits(currency);
  if (typeof text !== 'string') {
    throw amountInvalid('not_text', `Amounts are parsed from text, not ${typeof text === 'number' ? 'a floating-point number' : typeof text}.`, field);
  }
  const trimmed = text.trim();
  if (trimmed === '') throw amountInvalid('empty', 'The amount is empty.', field);
  const negative = trimmed.startsWith('-');
  if (negative && !options.allowNegative) throw amountInvalid('negative', 'The amount may not be negative.', field);
  const { whole, fraction } = splitDecimal(negative ? trimmed.slice(1) : trimmed, field);
  if (fraction.length > digits) {
    throw amountInvalid('too_many_decimals', `${currency} has ${digits} decimal place${digits === 1 ? '' : 's'}; "${trimmed}" has ${fraction.length}.`, field);
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  if (minor > MAX_SAFE) throw amountInvalid('too_large', `"${trimmed}" is larger than Paydesk can hold exactly.`, field);
  if (minor === 0n && !options.allowZero) throw amountInvalid('zero', 'The amount must be more than zero.', field);
  const value = Number(minor);
  return negative && value !== 0 ? -value : value;
}

/**
 * For amounts that arrive as numbers (IPC, services): a positive safe integer of minor units.
 * A float such as 12.5 is refused rather than rounded.
 */
export function assertMinorUnits(value: unknown, field = 'amount'): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw amountInvalid('not_a_number', `${field} must be a whole number of minor units.`, field);
  if (!Number.isInteger(value)) throw amountInvalid('fractional', `${field} must be whole minor units (got ${value}).`, field);
  if (!Number.isSafeInteger(value)) throw amountInvalid('too_large', `${field} is beyond the exact integer range.`, field);
  if (value <= 0) throw amountInvalid(value === 0 ? 'zero' : 'negative', `${field} must be more than zero.`, field);
  return value;
}

/** Minor units → plain decimal text ("-1234.50"), exact for every safe integer. */
export function toDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw amountInvalid('too_large', 'The amount is not an exact integer.', 'amount');
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const magnitude = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + magnitude;
  return `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}

export interface FormatAmountOptions {
  /** false prints only the grouped number ("1,234.50"), e.g. for input fields and CSV. */
  withCurrency?: boolean;
}

// Making an Intl.NumberFormat costs far more than using one; a report PDF formats tens of
// thousands of amounts, so each locale and currency's formatter is made once.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, currency: string | null, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency ?? ''}|${digits}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      ...(currency !== null ? { style: 'currency', currency } : { style: 'decimal' }),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, formatter);
  }
  return formatter;
}

/**
 * Minor units → text in the reader's locale. Intl formats the exact decimal string (ECMA-402
 * treats a numeric string as an exact decimal), so large amounts never pass through a float.
 */
export function formatAmount(minor: number, currency: string, locale: string, options: FormatAmountOptions = {}): string {
  const digits = minorDigits(currency);
  const withCurrency = options.withCurrency ?? true;
  const asCurrency = withCurrency && currency !== POINTS_CURRENCY;
  const formatter = numberFormat(locale, asCurrency ? currency : null, digits);
  const text = formatter.format(toDecimalString(minor, currency) as Intl.StringNumericLiteral);
  return withCurrency && !asCurrency ? `${text} ${POINTS_CURRENCY}` : text;
}
