import { z } from 'zod';
import { isKnownCurrency, POINTS_CURRENCY } from '../money';
import { INPUT_LIMITS } from '../contract/common';

// Field shapes more than one settings section uses: a wallet currency, and a value kept per currency.

/** An ISO 4217 currency a member's wallet can hold (not points). */
export const walletCurrencySchema = z.string().max(3).refine((c) => isKnownCurrency(c) && c !== POINTS_CURRENCY, 'an ISO 4217 currency code');

/** A value per currency; a currency that is not listed falls back to what the setting says. */
export function perCurrency<V extends z.ZodType>(value: V) {
  return z.record(walletCurrencySchema, value).refine((map) => Object.keys(map).length <= INPUT_LIMITS.list, `at most ${INPUT_LIMITS.list} currencies`);
}

/** An amount in the currency's minor units (fen for CNY): a whole number above zero. */
export const minorAmountSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
