import { z } from 'zod';
import { INPUT_LIMITS, nameSchema } from '../contract/common';
import { settingsSection } from './define';

// The points scheme and member tiers (issue 9): how points are earned, how long they live, what
// they are worth, and the tiers they lead to. One key, `loyalty`, holds all of it, because the
// parts are judged together (thresholds in order, a rate that fits every tier) and each save is
// one numbered version that every lot names. Saved through points.updateRules, never
// settings.update, so that the save also moves members' tiers as the preview showed.

/** A tier's stable id; its name is what people read. */
export const tierIdSchema = z.string().max(24).regex(/^[a-z][a-z0-9_]{0,23}$/, 'lowercase letters, digits or underscore');

/** A factor kept in hundredths (150 = ×1.5), so that no float ever multiplies points. */
const hundredthsSchema = z.number().int().min(0).max(100_000);

export const tierSchema = z.object({
  id: tierIdSchema,
  /** Null: the tier's translated default name (standard, gold, diamond, vip), or its id. */
  name: nameSchema(40).nullable(),
  /** Qualifying points from which a member holds the tier; the first tier starts at 0. */
  threshold: z.number().int().min(0).max(1_000_000_000),
  /** The payment fee rate of the tier in basis points; null: the currency's rate (Settings → fees). */
  paymentFeeBps: z.number().int().min(0).max(10_000).nullable(),
  /** Points earned are multiplied by this, in hundredths (100 = ×1). */
  multiplier: hundredthsSchema,
});
export type Tier = z.infer<typeof tierSchema>;

export const CAP_PERIODS = ['day', 'week', 'month'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** At most `count` records per member per calendar period (the workstation's time zone; weeks start on Monday); null: no cap. */
const capSchema = z.object({ count: z.number().int().min(1).max(10_000), period: z.enum(CAP_PERIODS) }).nullable();

export const loyaltyRulesSchema = z
  .object({
    /** α: points per 1.00 of a payment (before its fee), in hundredths (100 = 1 point per 1.00). */
    pointsPerUnitPaid: hundredthsSchema,
    /** β: points for a referral, to the member who referred. */
    pointsPerReferral: z.number().int().min(0).max(1_000_000),
    /** γ: points for a review. */
    pointsPerReview: z.number().int().min(0).max(1_000_000),
    referralCap: capSchema,
    reviewCap: capSchema,
    /** Whether a tier's multiplier applies to referral and review points too (it always applies to payments). */
    multiplyAllRules: z.boolean(),
    /** Days before points from a payment can be spent, so a refund inside them costs nothing; 0: at once. */
    pendingDays: z.number().int().min(0).max(365),
    /** Months a lot lives from when it was earned; null: points never expire. */
    expiryMonths: z.number().int().min(1).max(120).nullable(),
    /** Points that make 1.00 of a currency (one whole unit) when redeemed; only whole units are redeemed. */
    pointsPerRedemptionUnit: z.number().int().min(1).max(1_000_000),
    /** The rolling window, in months, whose earnings count towards a tier. */
    tierWindowMonths: z.number().int().min(1).max(120),
    /** From the lowest to the highest; thresholds strictly rising, the first 0. */
    tiers: z.array(tierSchema).min(1).max(8),
  })
  .superRefine((rules, ctx) => {
    const ids = new Set<string>();
    rules.tiers.forEach((tier, index) => {
      if (ids.has(tier.id)) ctx.addIssue({ code: 'custom', path: ['tiers', index, 'id'], message: 'each tier id once', params: { reason: 'tier_id_repeated' } });
      ids.add(tier.id);
      if (index === 0 && tier.threshold !== 0) ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'threshold'], message: 'the first tier starts at 0', params: { reason: 'first_tier_not_zero' } });
      const previous = rules.tiers[index - 1];
      if (previous && tier.threshold <= previous.threshold) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'threshold'], message: 'each threshold above the one before', params: { reason: 'threshold_not_rising' } });
      }
    });
  });
export type LoyaltyRules = z.infer<typeof loyaltyRulesSchema>;

/** The rules as saved: each save is a new version, which the lots it creates name. */
export const savedLoyaltySchema = z.object({ version: z.number().int().min(0), rules: loyaltyRulesSchema });
export type SavedLoyalty = z.infer<typeof savedLoyaltySchema>;

export const DEFAULT_TIERS: Tier[] = [
  { id: 'standard', name: null, threshold: 0, paymentFeeBps: null, multiplier: 100 },
  { id: 'gold', name: null, threshold: 100, paymentFeeBps: 40, multiplier: 125 },
  { id: 'diamond', name: null, threshold: 500, paymentFeeBps: 30, multiplier: 150 },
  { id: 'vip', name: null, threshold: 1000, paymentFeeBps: 20, multiplier: 200 },
];

export const DEFAULT_LOYALTY_RULES: LoyaltyRules = {
  pointsPerUnitPaid: 100,
  pointsPerReferral: 10,
  pointsPerReview: 1,
  referralCap: { count: 5, period: 'month' },
  reviewCap: { count: 5, period: 'day' },
  multiplyAllRules: false,
  pendingDays: 0,
  expiryMonths: 12,
  pointsPerRedemptionUnit: 100,
  tierWindowMonths: 12,
  tiers: DEFAULT_TIERS,
};

export const loyaltySettings = settingsSection({
  domain: 'points',
  schema: z.object({
    /**
     * The points scheme and tiers, with the version each save gets. Defaults: 1 point per 1.00
     * paid, 10 per referral (at most 5 a month), 1 per review (at most 5 a day), spendable at
     * once, lots living 12 months, 100 points = 1.00, tiers by points earned in 12 months:
     * Standard, Gold from 100 (fee 0.4%, ×1.25), Diamond from 500 (0.3%, ×1.5), VIP from 1000 (0.2%, ×2).
     */
    loyalty: savedLoyaltySchema,
  }),
  defaults: { loyalty: { version: 0, rules: DEFAULT_LOYALTY_RULES } },
  editedAt: '/admin/loyalty',
});

/** The most names a tier-change preview lists; the counts are always whole. */
export const TIER_PREVIEW_LIMIT = INPUT_LIMITS.list * 2;
