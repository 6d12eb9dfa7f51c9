import { z } from 'zod';
import { CURRENCY_DIGITS, isKnownCurrency, POINTS_CURRENCY } from '../money';

// Field shapes more than one settings section uses: a wallet currency, and a value kept per currency.

/** An ISO 4217 currency a member's wallet can hold (not points). */
export const walletCurrencySchema = z.string().max(3).refine((c) => isKnownCurrency(c) && c !== POINTS_CURRENCY, 'an ISO 4217 currency code');

const WALLET_CURRENCIES = Object.keys(CURRENCY_DIGITS).filter((c) => c !== POINTS_CURRENCY) as [string, ...string[]];

/**
 * A value per currency; a currency that is not listed falls back to what the setting says. Its
 * keys are the known currencies, so a map holds at most one entry for each (and needs none).
 */
export function perCurrency<V extends z.ZodType>(value: V) {
  return z.record(z.string().max(3).pipe(z.enum(WALLET_CURRENCIES)), value);
}

/** An amount in the currency's minor units (fen for CNY): a whole number above zero. */
export const minorAmountSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
