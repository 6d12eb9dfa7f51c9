import { z } from 'zod';
import { channel } from './define';
import { isoTimeSchema } from './common';

// Deterministic demo data (`paydesk demo`). It writes members, wallets, transfers and receipts in
// one go, so only an admin may load it, whatever the transport.

export const loadDemoInput = z.object({
  members: z.number().int().min(0).max(1_000_000).default(1_000),
  transfers: z.number().int().min(0).max(10_000_000).default(10_000),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
});

export const demoSummarySchema = z.object({
  members: z.number().int(),
  frozen: z.number().int(),
  transfers: z.number().int(),
  receipts: z.number().int(),
  /** Sum of every member wallet, in minor units. */
  walletTotal: z.number().int(),
  from: isoTimeSchema,
  to: isoTimeSchema,
  /** The points in play: what was recorded and earned, redeemed (and reversed), refunded and expired, and the tiers the final review lowered. */
  points: z.object({
    referrals: z.number().int(),
    reviews: z.number().int(),
    paymentsEarning: z.number().int(),
    redemptions: z.number().int(),
    redemptionsReversed: z.number().int(),
    expiredLots: z.number().int(),
    refunds: z.number().int(),
    lotsExpiredAtEnd: z.number().int(),
    tiersLowered: z.number().int(),
  }),
  /** The cards in play: programs, cards issued and where they stand, authorizations and what became of them, members' bank cards. */
  cards: z.object({
    programs: z.number().int(),
    issued: z.number().int(),
    active: z.number().int(),
    frozen: z.number().int(),
    cancelled: z.number().int(),
    replaced: z.number().int(),
    authorizations: z.number().int(),
    captured: z.number().int(),
    voided: z.number().int(),
    declined: z.number().int(),
    bankCards: z.number().int(),
  }),
  /** The payout batches in play: how many, and what became of the paid one's items; the draft's rows with errors. */
  payouts: z.object({
    batches: z.number().int(),
    paid: z.number().int(),
    sent: z.number().int(),
    settled: z.number().int(),
    returned: z.number().int(),
    draftErrors: z.number().int(),
  }),
});

export const demoChannels = {
  /** Fills a data folder that holds no members yet; the signed-in admin is the teller of every receipt. */
  'demo.load': channel({
    input: loadDemoInput,
    output: demoSummarySchema,
    access: 'demo.load',
    invalidates: ['cards.list', 'cards.memberCards', 'cards.programs', 'bankCards.list', 'points.summary', 'points.lots', 'points.history', 'points.monthly', 'members.search', 'wallets.summary', 'wallets.history', 'ledger.accounts', 'ledger.trialBalance', 'ledger.accountTransfers', 'ledger.journal', 'ledger.journalFacets', 'audit.list', 'payouts.list', 'payouts.funding', 'staff.list'],
  }),
};
