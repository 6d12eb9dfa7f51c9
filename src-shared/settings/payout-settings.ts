import { z } from 'zod';
import { settingsSection } from './define';
import { minorAmountSchema, perCurrency } from './setting-fields';

// CSV batch payouts (issue 11): how much one item may pay, and above what batch total a second
// approver is needed. Amounts are minor units per currency.

export const payoutSettings = settingsSection({
  domain: 'payouts',
  schema: z.object({
    /**
     * The most one row of a payout file may pay, per currency, in minor units; a larger row is
     * AMOUNT_OVER_LIMIT. A currency left out has no limit. Default: CN¥50,000.00 (5,000,000 fen).
     */
    payoutItemLimits: perCurrency(minorAmountSchema),
    /**
     * Per currency, in minor units: a batch whose total is above this needs a second approver
     * (two people, neither the maker). A currency left out needs one approver. Default: none.
     */
    payoutSecondApprovalAbove: perCurrency(minorAmountSchema),
  }),
  defaults: { payoutItemLimits: { CNY: 5_000_000 }, payoutSecondApprovalAbove: {} },
});

export type PayoutSettings = z.output<typeof payoutSettings.schema>;
