import { z } from 'zod';
import { INPUT_LIMITS } from '../contract/common';
import { settingsSection } from './define';
import { perCurrency, walletCurrencySchema } from './setting-fields';

/** A fee rate in basis points of the amount (50 = 0.5%). */
const feeBpsSchema = z.number().int().min(0).max(10_000);

/** Members' wallets and the counter's operations. */
export const walletSettings = settingsSection({
  domain: 'wallets',
  schema: z.object({
    /** Currencies members hold wallets in; a wallet opens at the first operation in a newly enabled one. */
    enabledCurrencies: z
      .array(walletCurrencySchema)
      .min(1)
      .max(INPUT_LIMITS.list)
      .refine((list) => new Set(list).size === list.length, 'each currency once'),
    /**
     * Fee on a member's payment to a merchant, in basis points of the amount (50 = 0.5%), for every
     * currency without its own rate in paymentFeeBpsByCurrency. Default 50 (0.5%). Before rates per
     * currency existed this was the only rate, so a folder that saved it keeps charging the same.
     */
    paymentFeeBps: feeBpsSchema,
    /** Fee on a payment in one currency, in basis points, overriding paymentFeeBps for it (e.g. { "USD": 30 }). Default: none. */
    paymentFeeBpsByCurrency: perCurrency(feeBpsSchema),
  }),
  defaults: { enabledCurrencies: ['CNY'], paymentFeeBps: 50, paymentFeeBpsByCurrency: {} },
});
