import { z } from 'zod';
import { channel } from './define';
import { currencyCodeSchema, idSchema, INPUT_LIMITS, isoTimeSchema, pageFields } from './common';
import { memberRefSchema } from './members';
import { idempotencyKeySchema } from './ledger';
import { POINT_MOVES, POINT_RULES } from '../points/moves';
import { loyaltyRulesSchema, savedLoyaltySchema, tierIdSchema } from '../settings/loyalty-settings';

// Member tiers and the points scheme (issue 9). Points are a ledger currency (PTS): each member's
// points account is a no-overdraft liability like a wallet, and points also live in lots, each
// earned once with its own expiry; a spend takes from the lot that expires first and records
// which lots it took from (its lineage). Point amounts are whole points; money is minor units.

export { POINT_MOVES, POINT_RULES, type PointMove, type PointRule } from '../points/moves';

/** A lot's state: earned but not yet spendable (pending window), live, used up, expired, or taken back by a refund. */
export const LOT_STATES = ['pending', 'live', 'spent', 'expired', 'revoked'] as const;

export const pointLotSchema = z.object({
  id: z.number().int(),
  rule: z.enum(POINT_RULES),
  /** The loyalty rules version that earned it. */
  rulesVersion: z.number().int(),
  amount: z.number().int(),
  remaining: z.number().int(),
  earnedAt: isoTimeSchema,
  /** When it can be spent (later than earnedAt only inside the pending window). */
  spendableAt: isoTimeSchema,
  /** Null: never expires. */
  expiresAt: isoTimeSchema.nullable(),
  state: z.enum(LOT_STATES),
  /** The receipt of the payment, the referred member, the review's reference or the adjustment's reason. */
  source: z.string().nullable(),
  /** When the payment that earned it was refunded; its points no longer qualify. */
  revokedAt: isoTimeSchema.nullable(),
  /** Points a refund could not take back because they were spent and the balance was short. */
  shortfall: z.number().int(),
});
export type PointLot = z.infer<typeof pointLotSchema>;

export const tierStatusSchema = z.object({
  /** The tier held now. */
  tier: tierIdSchema,
  since: isoTimeSchema.nullable(),
  /** The tier an admin set as the lowest the member can hold; null: none. */
  floor: tierIdSchema.nullable(),
  /** Points earned in the rolling window, refunded ones left out. */
  qualifying: z.number().int(),
  windowMonths: z.number().int(),
  /** The tier the qualifying points and the floor give now; lower than `tier` until the daily downgrade runs. */
  due: tierIdSchema,
  next: z.object({ tier: tierIdSchema, threshold: z.number().int(), needed: z.number().int() }).nullable(),
  /**
   * What keeps the tier held: when qualifying points will fall below its threshold as earnings
   * leave the window (null: not within the window, or kept by the floor), and how many points
   * earned before then would keep it.
   */
  keep: z.object({ threshold: z.number().int(), lapsesAt: isoTimeSchema.nullable(), toKeep: z.number().int() }),
});
export type TierStatus = z.infer<typeof tierStatusSchema>;

export const pointsSummarySchema = z.object({
  member: memberRefSchema,
  /** Every point held: the PTS account's balance, equal to the sum of the live lots. */
  balance: z.number().int(),
  /** What can be redeemed now: the balance less points still in their pending window, and less points past their expiry that the next expiry run removes. */
  spendable: z.number().int(),
  /** Points still in their pending window (a payment's, when the rules set one). */
  pending: z.number().int(),
  /** Points refunds could not take back (already spent): recorded, never dropped. */
  shortfall: z.number().int(),
  tier: tierStatusSchema,
  /** The next expiries, by day: what each day's expiry will remove. */
  upcomingExpiries: z.array(z.object({ date: isoTimeSchema, points: z.number().int() })),
  /** Wallet money that came from redeemed points and has not been spent yet, per currency: payments from it earn no points. */
  redeemedCredit: z.array(z.object({ currency: z.string(), amount: z.number().int() })),
  rulesVersion: z.number().int(),
});
export type PointsSummary = z.infer<typeof pointsSummarySchema>;

export const pointsHistoryRowSchema = z.object({
  transferId: z.number().int(),
  at: isoTimeSchema,
  move: z.enum(POINT_MOVES),
  /** For an earning: the rule. */
  rule: z.enum(POINT_RULES).nullable(),
  /** Signed: + earned or given back, − spent, expired or taken back. */
  points: z.number().int(),
  balanceAfter: z.number().int(),
  /** The receipt, referred member, review reference, or the reason staff gave. */
  detail: z.string().nullable(),
  actor: z.string(),
  /** Which lots the move took from or gave back to, and how much of each. */
  lineage: z.array(z.object({ lotId: z.number().int(), points: z.number().int() })),
  /** A redemption: what it paid into the wallet, and whether it was reversed. */
  redemption: z.object({ currency: z.string(), amount: z.number().int(), reversed: z.boolean() }).nullable(),
});
export type PointsHistoryRow = z.infer<typeof pointsHistoryRowSchema>;

export const monthlyPointsSchema = z.object({ month: z.string(), earned: z.number().int(), spent: z.number().int(), expired: z.number().int() });

export const redemptionSchema = z.object({
  transferIds: z.array(z.number().int()),
  member: memberRefSchema,
  /** What was asked to be redeemed. */
  pointsRequested: z.number().int(),
  /** The whole units' worth actually redeemed; the rest stays as points. */
  pointsRedeemed: z.number().int(),
  pointsKept: z.number().int(),
  currency: z.string(),
  /** Paid into the wallet, minor units. */
  amount: z.number().int(),
  pointsBalanceAfter: z.number().int(),
  walletBalanceAfter: z.number().int(),
  lineage: z.array(z.object({ lotId: z.number().int(), points: z.number().int(), expiresAt: isoTimeSchema.nullable() })),
  at: isoTimeSchema,
});
export type Redemption = z.infer<typeof redemptionSchema>;

/** What an earning or an adjustment answers: the lot it made (or the lots it took from) and the balance after. */
export const pointsChangeSchema = z.object({
  transferId: z.number().int(),
  points: z.number().int(),
  lot: pointLotSchema.nullable(),
  balanceAfter: z.number().int(),
  /** When the member's tier rose with it. */
  tierChanged: z.object({ from: tierIdSchema, to: tierIdSchema }).nullable(),
});
export type PointsChange = z.infer<typeof pointsChangeSchema>;

export const tierChangePreviewSchema = z.object({
  up: z.number().int(),
  down: z.number().int(),
  /** The first members who would move, highest qualifying points first. */
  members: z.array(z.object({ member: memberRefSchema, from: tierIdSchema, to: tierIdSchema, qualifying: z.number().int() })),
});
export type TierChangePreview = z.infer<typeof tierChangePreviewSchema>;

const memberInput = z.object({ memberId: idSchema });
const reasonSchema = z.string().trim().min(1).max(INPUT_LIMITS.text);

export const redeemInput = z.object({ memberId: idSchema, points: z.number(), currency: currencyCodeSchema, idempotencyKey: idempotencyKeySchema });
export type RedeemRequest = z.output<typeof redeemInput>;
export const referralInput = z.object({ referrerId: idSchema, referredId: idSchema, idempotencyKey: idempotencyKeySchema });
export type ReferralRequest = z.output<typeof referralInput>;
export const reviewInput = z.object({ memberId: idSchema, reference: z.string().trim().min(1).max(INPUT_LIMITS.code), idempotencyKey: idempotencyKeySchema });
export type ReviewRequest = z.output<typeof reviewInput>;
export const adjustInput = z.object({ memberId: idSchema, points: z.number(), reason: reasonSchema, idempotencyKey: idempotencyKeySchema });
export type AdjustRequest = z.output<typeof adjustInput>;
export const reverseRedemptionInput = z.object({ transferId: idSchema, reason: reasonSchema, idempotencyKey: idempotencyKeySchema });
export type ReverseRedemptionRequest = z.output<typeof reverseRedemptionInput>;
export const tierFloorInput = z.object({ memberId: idSchema, floor: tierIdSchema.nullable(), reason: reasonSchema });

/** What moving points makes stale: the member's points, their wallets (a redemption pays in), the lists and the books. */
const POINTS_MOVED = [
  'points.summary', 'points.lots', 'points.history', 'points.monthly', 'members.search', 'wallets.summary', 'wallets.history',
  'ledger.accounts', 'ledger.trialBalance', 'ledger.accountTransfers', 'ledger.journal', 'ledger.journalFacets', 'audit.list',
] as const;

export const pointsChannels = {
  'points.summary': channel({ input: memberInput, output: pointsSummarySchema, access: 'members.read' }),
  /** Every lot of the member, soonest expiry first, the spent and expired ones after. */
  'points.lots': channel({ input: memberInput, output: z.array(pointLotSchema), access: 'members.read' }),
  'points.history': channel({
    input: z.object({ memberId: idSchema, ...pageFields(500, 50) }),
    output: z.object({ rows: z.array(pointsHistoryRowSchema), total: z.number().int() }),
    access: 'members.read',
  }),
  /** Points earned, spent and expired per calendar month, the last `months` of them, oldest first (the points tab's chart). */
  'points.monthly': channel({ input: z.object({ memberId: idSchema, months: z.number().int().min(1).max(36).default(12) }), output: z.array(monthlyPointsSchema), access: 'members.read' }),
  /** Points to wallet credit at the redemption rate, whole units only; a dry run is the dialog's live preview. */
  'points.redeem': channel({ input: redeemInput, output: redemptionSchema, access: 'points.redeem', previewable: true, invalidates: POINTS_MOVED }),
  /** Gives the redeemed points back to the lots they came from, with their original expiry, and takes the credit back from the wallet. */
  'points.reverseRedemption': channel({ input: reverseRedemptionInput, output: pointsChangeSchema, access: 'ledger.reverse', invalidates: POINTS_MOVED }),
  /** Member A referred member B: β points to A, once per referred member. */
  'points.recordReferral': channel({ input: referralInput, output: pointsChangeSchema, access: 'points.record', previewable: true, invalidates: POINTS_MOVED }),
  'points.recordReview': channel({ input: reviewInput, output: pointsChangeSchema, access: 'points.record', previewable: true, invalidates: POINTS_MOVED }),
  /** A manual correction, + as a new lot or − from the lots that expire first, with the reason staff give. */
  'points.adjust': channel({ input: adjustInput, output: pointsChangeSchema, access: 'points.adjust', previewable: true, invalidates: POINTS_MOVED }),
  /** The lowest tier the member may hold, whatever their points; null removes it. */
  'points.setTierFloor': channel({ input: tierFloorInput, output: tierStatusSchema, access: 'points.tierFloor', invalidates: POINTS_MOVED }),
  'points.rules': channel({ input: z.object({}).strict(), output: savedLoyaltySchema, access: 'session' }),
  /**
   * Saves new rules as the next version and moves every member to the tier they give, up or
   * down, at once; a dry run answers who would move without saving (the Loyalty screen's preview).
   */
  'points.updateRules': channel({
    input: z.object({ rules: loyaltyRulesSchema }),
    output: z.object({ saved: savedLoyaltySchema, changes: tierChangePreviewSchema }),
    access: 'settings.manage',
    previewable: true,
    invalidates: [...POINTS_MOVED, 'points.rules', 'settings.get', 'settings.overview'],
  }),
};
