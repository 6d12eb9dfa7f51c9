import { z } from 'zod';
import { minorAmountSchema } from '../settings/setting-fields';

// Spending limits (issue 10), on a card and on a member: for each interval an amount limit and/or
// a count limit. Calendar intervals are counted in the business time zone (card settings), weeks
// from Monday. Where a card's and its member's limits both apply, the stricter wins.

export const LIMIT_INTERVALS = ['authorization', 'day', 'week', 'month', 'year', 'lifetime'] as const;
export type LimitInterval = (typeof LIMIT_INTERVALS)[number];

/** At most `amount` minor units and/or `count` approved authorizations in the interval; null: no such limit. */
export const intervalLimitSchema = z.object({
  amount: minorAmountSchema.nullable(),
  count: z.number().int().min(1).max(1_000_000).nullable(),
});
export type IntervalLimit = z.infer<typeof intervalLimitSchema>;

/**
 * The limits of a card or a member, by interval; an interval left out has none. Per
 * authorization only an amount makes sense: every authorization is one.
 */
export const spendingLimitsSchema = z
  .partialRecord(z.enum(LIMIT_INTERVALS), intervalLimitSchema)
  .refine((limits) => limits.authorization?.count == null, { message: 'a count limit per authorization is always 1', path: ['authorization', 'count'] });
export type SpendingLimits = z.infer<typeof spendingLimitsSchema>;

/** No limits at all. */
export const NO_LIMITS: SpendingLimits = {};
