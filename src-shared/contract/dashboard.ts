import { z } from 'zod';
import { channel } from './define';
import { isoTimeSchema } from './common';
import { BATCH_STATUSES } from './payouts';
import { CARD_STATES } from './cards';

// The dashboard: the home screen's figures, each from an index or a running total (never a pass
// over the journal), and each only for a role that may see what it sums. A figure the role may
// not see is null, so the screen draws what it got and nothing else.

/** How many weeks the new-members trend covers, this week last. */
export const DASHBOARD_WEEKS = 12;
/** How many batches waiting for approval the dashboard names; the count is always whole. */
export const DASHBOARD_WAITING_SHOWN = 5;
/** Points whose lot expires within this many days count as expiring soon. */
export const DASHBOARD_EXPIRING_DAYS = 30;

export const dashboardInput = z
  .object({
    /** Where this month starts in the reader's time zone (default: the first of the month, UTC). */
    monthStart: isoTimeSchema.optional(),
    /** Where this week starts in the reader's time zone (default: this Monday, UTC); the trend's weeks end with it. */
    weekStart: isoTimeSchema.optional(),
  })
  .strict();

const amountByCurrency = z.object({ currency: z.string(), amount: z.number().int() });

export const dashboardSummarySchema = z.object({
  at: isoTimeSchema,
  /** What the operator owes members: the sum of member wallets per currency, points apart (ledger.read). */
  walletLiabilities: z.array(amountByCurrency).nullable(),
  /** Payout batches made this month, by status and currency (payouts.read). */
  payoutsThisMonth: z
    .object({
      from: isoTimeSchema,
      rows: z.array(z.object({ status: z.enum(BATCH_STATUSES), currency: z.string(), batches: z.number().int(), total: z.number().int() })),
    })
    .nullable(),
  /** Batches submitted and waiting for a second person's approval (payouts.approve). */
  waitingApproval: z
    .object({
      count: z.number().int(),
      batches: z.array(
        z.object({
          id: z.number().int(),
          fileName: z.string(),
          maker: z.string(),
          makerName: z.string().nullable(),
          currency: z.string(),
          total: z.number().int(),
          items: z.number().int(),
          submittedAt: isoTimeSchema.nullable(),
        }),
      ),
    })
    .nullable(),
  /** Every member once, by the tier they hold, in the rules' order (members.read). */
  members: z
    .object({
      total: z.number().int(),
      byTier: z.array(z.object({ tier: z.string(), name: z.string().nullable(), members: z.number().int() })),
    })
    .nullable(),
  /** Members registered in each of the last DASHBOARD_WEEKS weeks, oldest first (members.read). */
  newMembersPerWeek: z.array(z.object({ weekStart: isoTimeSchema, members: z.number().int() })).nullable(),
  /** Points members hold, and what of it expires within DASHBOARD_EXPIRING_DAYS days (reports.ledger). */
  points: z.object({ outstanding: z.number().int(), expiringSoon: z.number().int(), expiringBy: isoTimeSchema }).nullable(),
  /** Cards by state (cards.read). */
  cardsByState: z.array(z.object({ state: z.enum(CARD_STATES), cards: z.number().int() })).nullable(),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const dashboardChannels = {
  /** The home screen's figures for the signed-in role. */
  'dashboard.summary': channel({ input: dashboardInput, output: dashboardSummarySchema, access: 'session' }),
};
