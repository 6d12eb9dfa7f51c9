import { z } from 'zod';
import { parseAmount } from '../money';
import { channel } from './define';
import { currencyCodeSchema, emptyInput, idSchema, INPUT_LIMITS, pageFields, RANGE_REVERSED_REASON, timeRangeFields, timeRangeInOrder } from './common';
import { accountSchema, transferSchema } from './ledger';
import { memberRefSchema } from './members';

// The journal browser: every transfer, newest first, filtered by account, member, kind, actor,
// time and amount; and one transfer opened with its legs, the transfers linked to it, its receipt
// and its place in the hash chain. Auditors and finance read here; nothing here changes anything.

/** The most rows a page holds, and the count beyond which a total is given as "more than". */
export const JOURNAL_PAGE_MAX = 500;
export const JOURNAL_COUNT_CAP = 10_000;

/** The reason an INVALID_INPUT carries when an amount range is given without the currency that reads it. */
export const AMOUNT_NEEDS_CURRENCY_REASON = 'amount_needs_currency';

/** An amount as the person typed it, in major units ("1,250.50"); the main process reads it with parseAmount. */
const amountText = z.string().trim().min(1).max(32);

/** Reads both ends in the currency's units; an end that does not parse is left to the service, which names it AMOUNT_INVALID. */
function amountBounds(range: { currency?: string; minAmount?: string; maxAmount?: string }): { min?: number; max?: number } {
  const read = (text: string | undefined, field: string) => {
    if (text === undefined || range.currency === undefined) return undefined;
    try {
      return parseAmount(text, range.currency, { field });
    } catch {
      return undefined;
    }
  };
  return { min: read(range.minAmount, 'minAmount'), max: read(range.maxAmount, 'maxAmount') };
}

/**
 * An amount range needs its currency (100 means CN¥100.00 or 100 points), and its maximum may not
 * be below its minimum: it would match nothing, which reads as "there is no such transfer".
 */
function amountRangeInOrder(range: { currency?: string; minAmount?: string; maxAmount?: string }, ctx: z.RefinementCtx): void {
  const amountGiven = range.minAmount !== undefined || range.maxAmount !== undefined;
  if (amountGiven && range.currency === undefined) {
    ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an amount range needs a currency', params: { reason: AMOUNT_NEEDS_CURRENCY_REASON } });
    return;
  }
  const { min, max } = amountBounds(range);
  if (min !== undefined && max !== undefined && max < min) {
    ctx.addIssue({ code: 'custom', path: ['maxAmount'], message: 'the largest amount is below the smallest', params: { reason: RANGE_REVERSED_REASON } });
  }
}

export const journalFilterFields = {
  /** A chart-of-accounts code: transfers with this account on either side. */
  accountCode: z.string().trim().min(1).max(INPUT_LIMITS.code).optional(),
  /** A member number (spaces and dashes allowed): transfers touching any of the member's wallets. */
  memberNumber: z.string().trim().min(1).max(INPUT_LIMITS.code).optional(),
  kind: z.string().min(1).max(INPUT_LIMITS.code).optional(),
  /** The staff member (user name) who posted it, or `system`. */
  actor: z.string().min(1).max(INPUT_LIMITS.code).optional(),
  ...timeRangeFields,
  currency: currencyCodeSchema.optional(),
  minAmount: amountText.optional(),
  maxAmount: amountText.optional(),
};

export const journalInput = z
  .object({
    ...journalFilterFields,
    /** Keyset paging: only transfers older than this one (the last row of the page before). */
    beforeId: idSchema.optional(),
    ...pageFields(JOURNAL_PAGE_MAX, 50),
  })
  .superRefine(timeRangeInOrder)
  .superRefine(amountRangeInOrder);
export type JournalQuery = z.output<typeof journalInput>;

/** An account as the journal names it: its code, its role or owner, and the member whose wallet it is. */
export const journalAccountSchema = accountSchema
  .pick({ id: true, code: true, name: true, kind: true, currency: true, ownerType: true, systemRole: true })
  .extend({ member: memberRefSchema.nullable() });
export type JournalAccount = z.infer<typeof journalAccountSchema>;

export const journalPageSchema = z.object({
  rows: z.array(transferSchema),
  /** Every account the page's rows name, once. */
  accounts: z.array(journalAccountSchema),
  /**
   * How many transfers match. Counting reads at most JOURNAL_COUNT_CAP + 1 rows of the index that
   * drives the filter; when it stops there, `totalExact` is false and the total is "at least".
   */
  total: z.number().int(),
  totalExact: z.boolean(),
});
export type JournalPage = z.infer<typeof journalPageSchema>;

/** What the filter bar offers: the kinds, actors and currencies the journal holds. */
export const journalFacetsSchema = z.object({
  kinds: z.array(z.string()),
  actors: z.array(z.string()),
  currencies: z.array(z.string()),
});

/**
 * How another transfer relates to the one opened:
 * hold: the hold this one posts or voids; resolution: the post or void of this hold;
 * reverses: what this reversal undoes; reversal: what undid this one;
 * linked: committed together with it (a payment and its fee).
 */
export const TRANSFER_RELATIONS = ['hold', 'resolution', 'reverses', 'reversal', 'linked'] as const;
export type TransferRelation = (typeof TRANSFER_RELATIONS)[number];

export const chainLinkSchema = z.object({
  /** The transfer's position in the journal (its id). */
  sequence: z.number().int(),
  prevHash: z.string(),
  hash: z.string(),
  /** SHA-256(previous hash ‖ this row) recomputed now equals the stored hash. */
  hashMatches: z.boolean(),
  /** The previous row's stored hash (the genesis hash for the first row) is this row's previous hash. */
  previousMatches: z.boolean(),
});
export type ChainLink = z.infer<typeof chainLinkSchema>;

export const journalTransferSchema = z.object({
  transfer: transferSchema,
  debitAccount: journalAccountSchema,
  creditAccount: journalAccountSchema,
  related: z.array(z.object({ relation: z.enum(TRANSFER_RELATIONS), transfer: transferSchema })),
  /** The wallet operation's receipt it was posted under, if a teller operation posted it. */
  receipt: z.object({ receiptNumber: z.string(), operation: z.string() }).nullable(),
  chain: chainLinkSchema,
});
export type JournalTransfer = z.infer<typeof journalTransferSchema>;

export const journalChannels = {
  'ledger.journal': channel({ input: journalInput, output: journalPageSchema, access: 'ledger.read' }),
  'ledger.journalFacets': channel({ input: emptyInput, output: journalFacetsSchema, access: 'ledger.read' }),
  'ledger.journalTransfer': channel({ input: z.object({ id: idSchema }), output: journalTransferSchema, access: 'ledger.read' }),
};
