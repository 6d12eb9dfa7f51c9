import { z } from 'zod';
import { channel } from './define';
import { currencyCodeSchema, emptyInput, idSchema, isoTimeSchema, pageFields, transferHistoryFields, timeRangeInOrder } from './common';

// The ledger as the renderer and the CLI see it: accounts with their running totals and
// balances, transfers with their hold and reversal links, and the trial balance.

export const ACCOUNT_KINDS = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const OWNER_TYPES = ['system', 'member'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];
/** posted: moved money; pending: a hold; post_pending / void_pending: resolve a hold; reversal: undoes a transfer. */
export const TRANSFER_STATES = ['posted', 'pending', 'post_pending', 'void_pending', 'reversal'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

const minor = z.number().int();
/** Running totals, kept per account and summed per currency. */
const totalsFields = { debitsPosted: minor, creditsPosted: minor, debitsPending: minor, creditsPending: minor };

export const accountSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  currency: z.string(),
  ownerType: z.enum(OWNER_TYPES),
  ownerId: z.number().int().nullable(),
  /** Set on the operator's own accounts (`branch_cash`, `fee_income`, …). */
  systemRole: z.string().nullable(),
  noOverdraft: z.boolean(),
  closed: z.boolean(),
  ...totalsFields,
  createdAt: isoTimeSchema,
  closedAt: isoTimeSchema.nullable(),
});
export type Account = z.infer<typeof accountSchema>;

/** In the account's normal direction: credits − debits for liability, equity and income; debits − credits otherwise. */
export const balanceSchema = z.object({
  posted: minor,
  pendingDebits: minor,
  pendingCredits: minor,
  /** Posted balance less pending outflows: what can still be spent or withdrawn. */
  available: minor,
});
export type Balance = z.infer<typeof balanceSchema>;

export const accountWithBalanceSchema = accountSchema.extend({ balance: balanceSchema });
export type AccountWithBalance = z.infer<typeof accountWithBalanceSchema>;

export const transferSchema = z.object({
  id: z.number().int(),
  idempotencyKey: z.string(),
  debitAccountId: z.number().int(),
  creditAccountId: z.number().int(),
  amount: minor,
  currency: z.string(),
  kind: z.string(),
  state: z.enum(TRANSFER_STATES),
  /** For a post or void: the hold it resolves. */
  pendingId: z.number().int().nullable(),
  /** For a reversal: the transfer it undoes. */
  reversesId: z.number().int().nullable(),
  /** Transfers committed together share the id of the first one. */
  linkId: z.number().int().nullable(),
  memo: z.string().nullable(),
  actor: z.string(),
  causeRef: z.string().nullable(),
  createdAt: isoTimeSchema,
  expiresAt: isoTimeSchema.nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type Transfer = z.infer<typeof transferSchema>;

export const currencyTotalsSchema = z.object({
  currency: z.string(),
  ...totalsFields,
  balanced: z.boolean(),
});
export type CurrencyTotals = z.infer<typeof currencyTotalsSchema>;

export const trialBalanceSchema = z.object({
  currencies: z.array(currencyTotalsSchema),
  accounts: z.array(accountWithBalanceSchema),
  transferCount: z.number().int(),
  /** The journal's chain head: the hash of the newest transfer. */
  head: z.string(),
});
export type TrialBalance = z.infer<typeof trialBalanceSchema>;

const accountRefSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const transferDetailSchema = z.object({
  transfer: transferSchema,
  debitAccount: accountRefSchema,
  creditAccount: accountRefSchema,
  /** The hold this transfer posts or voids. */
  hold: transferSchema.nullable(),
  /** The post or void that resolved this hold. */
  resolution: transferSchema.nullable(),
  /** The transfer this reversal undoes. */
  reverses: transferSchema.nullable(),
  /** The reversal that undid this transfer. */
  reversal: transferSchema.nullable(),
});
export type TransferDetail = z.infer<typeof transferDetailSchema>;

export const accountsInput = z.object({
  currency: currencyCodeSchema.optional(),
  kind: z.enum(ACCOUNT_KINDS).optional(),
  ownerType: z.enum(OWNER_TYPES).optional(),
  ...pageFields(1000, 200),
});

export const trialBalanceInput = z.object({
  currency: currencyCodeSchema.optional(),
  /** Which accounts to list one by one; the per-currency totals always cover every account. */
  ownerType: z.enum(OWNER_TYPES).optional(),
});

export const accountTransfersInput = z.object({
  accountId: idSchema,
  ...transferHistoryFields,
}).superRefine(timeRangeInOrder);

/** Prefixes of the keys Paydesk makes itself (teller legs, hold expiry, previews, card terminal steps); callers may not use them. */
export const RESERVED_KEY_PREFIXES = ['wallet:', 'hold-expiry:', 'preview:', 'card:'] as const;
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((key) => !RESERVED_KEY_PREFIXES.some((prefix) => key.startsWith(prefix)), 'this key prefix is reserved for Paydesk itself');

export const reverseInput = z.object({
  transferId: idSchema,
  reason: z.string().trim().min(1).max(500),
  idempotencyKey: idempotencyKeySchema,
});

export const ledgerChannels = {
  'ledger.accounts': channel({
    input: accountsInput,
    output: z.object({ rows: z.array(accountWithBalanceSchema), total: z.number().int() }),
    access: 'ledger.read',
  }),
  'ledger.trialBalance': channel({ input: trialBalanceInput, output: trialBalanceSchema, access: 'ledger.read' }),
  'ledger.transfer': channel({ input: z.object({ id: idSchema }), output: transferDetailSchema, access: 'ledger.read' }),
  'ledger.accountTransfers': channel({
    input: accountTransfersInput,
    output: z.object({ rows: z.array(transferSchema), total: z.number().int() }),
    access: 'ledger.read',
  }),
  /** The expiry job: voids every hold whose expiry has passed. */
  'ledger.expireHolds': channel({
    input: emptyInput,
    output: z.object({ voided: z.number().int() }),
    access: 'ledger.reverse',
    invalidates: ['wallets.summary', 'wallets.history', 'ledger.accounts', 'ledger.trialBalance', 'ledger.accountTransfers', 'ledger.transfer', 'ledger.journal', 'ledger.journalFacets', 'ledger.journalTransfer'],
  }),
  /** Undoes a posted transfer with an opposite one; the signed-in person is the actor. */
  'ledger.reverse': channel({
    input: reverseInput,
    output: transferSchema,
    access: 'ledger.reverse',
    invalidates: ['wallets.summary', 'wallets.history', 'wallets.receipt', 'ledger.accounts', 'ledger.trialBalance', 'ledger.accountTransfers', 'ledger.transfer', 'ledger.journal', 'ledger.journalFacets', 'ledger.journalTransfer', 'audit.list'],
  }),
};
