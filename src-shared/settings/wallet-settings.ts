import { z } from 'zod';
import { isKnownCurrency, POINTS_CURRENCY } from '../money';
import { settingsSection } from './define';
import { INPUT_LIMITS } from '../contract/common';

/** Members' wallets and the counter's operations. */
export const walletSettings = settingsSection({
  domain: 'wallets',
  schema: z.object({
    /** Currencies members hold wallets in; a wallet opens at the first operation in a newly enabled one. */
    enabledCurrencies: z
      .array(z.string().max(3).refine((c) => isKnownCurrency(c) && c !== POINTS_CURRENCY, 'an ISO 4217 currency code'))
      .min(1)
      .max(INPUT_LIMITS.list)
      .refine((list) => new Set(list).size === list.length, 'each currency once'),
    /** Fee on a member's payment to a merchant, in basis points of the amount (50 = 0.5%). */
    paymentFeeBps: z.number().int().min(0).max(10_000),
  }),
  defaults: { enabledCurrencies: ['CNY'], paymentFeeBps: 50 },
});
