import { z } from 'zod';
import { parseSystemMemo, SYSTEM_MEMO_MESSAGE, SYSTEM_MEMO_REASON } from '../system-memo';
import { channel } from './define';
import { currencyCodeSchema, idSchema, INPUT_LIMITS, isoTimeSchema, nameSchema, passphraseSchema, transferHistoryFields, timeRangeInOrder, usernameSchema } from './common';
import { memberRefSchema, walletCounterpartySchema } from './members';
import { idempotencyKeySchema, reverseInput } from './ledger';

// Teller operations on member wallets. Amounts are integer minor units; the service, not the
// schema, judges them, so a float, zero or negative amount answers AMOUNT_INVALID like every
// other money path. Every operation answers with a receipt that can be fetched again later.
// The four counter operations are previewable: with `dryRun: true` the router runs them and rolls
// back, so the confirmation shows the main process's fee, total and balance after.
// Above the counter's approval threshold (settings.approvalThresholds) an operation or a reversal
// carries `approval`: a second person's name and passphrase, typed at the same workstation. The
// passphrase is checked against their keyslot and never stored, logged or audited.

export const WALLET_OPERATIONS = ['deposit', 'withdrawal', 'payment', 'transfer', 'reversal'] as const;
export type WalletOperation = (typeof WALLET_OPERATIONS)[number];

const amountSchema = z.number();
const memoSchema = z
  .string()
  .trim()
  .max(INPUT_LIMITS.text)
  .refine((memo) => parseSystemMemo(memo) === null, { message: SYSTEM_MEMO_MESSAGE, params: { reason: SYSTEM_MEMO_REASON } });

export const receiptSchema = z.object({
  receiptNumber: z.string(),
  at: isoTimeSchema,
  operation: z.enum(WALLET_OPERATIONS),
  /** Whether the money came into the member's wallet or left it. */
  direction: z.enum(['in', 'out']),
  teller: z.object({ username: z.string(), displayName: z.string() }),
  /** The second person (finance or admin) who approved an operation above the approval threshold; null when nobody had to. */
  approvedBy: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  /**
   * Only a dry run answers true: the operation is above the approval threshold, so posting it
   * needs `approval`. The confirmation asks for the second person up front.
   */
  approvalRequired: z.boolean(),
  member: memberRefSchema,
  /** The other member of a transfer. */
  counterparty: memberRefSchema.nullable(),
  merchant: z.string().nullable(),
  currency: z.string(),
  amount: z.number().int(),
  fee: z.number().int(),
  /** What left or reached the wallet: amount plus fee for a payment (or its reversal). */
  total: z.number().int(),
  /** The member's posted wallet balance right after the operation. */
  balanceAfter: z.number().int(),
  /**
   * What could still be spent right after (the balance less pending holds). Only the answer to
   * the operation itself (or its dry run, which a teller confirms) carries it; a receipt fetched
   * later answers null, since holds have moved on since.
   */
  availableAfter: z.number().int().nullable(),
  transferIds: z.array(z.number().int()),
  memo: z.string().nullable(),
  /** Why a reversal was made. */
  reason: z.string().nullable(),
  /** For a reversal: the receipt it undoes. */
  reverses: z.object({ receiptNumber: z.string(), operation: z.enum(WALLET_OPERATIONS) }).nullable(),
  /** For an operation that was later reversed: the reversal's receipt number. */
  reversedBy: z.string().nullable(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const walletSchema = z.object({
  currency: z.string(),
  /** Null until the wallet is opened (a currency enabled after the member joined). */
  accountId: z.number().int().nullable(),
  balance: z.number().int(),
  available: z.number().int(),
  /** Held for card authorizations and the like, not yet posted. */
  pending: z.number().int(),
});
export type Wallet = z.infer<typeof walletSchema>;

export const walletHistoryRowSchema = z.object({
  transferId: z.number().int(),
  at: isoTimeSchema,
  kind: z.string(),
  direction: z.enum(['in', 'out']),
  amount: z.number().int(),
  memo: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  /** True once a reversal undid this transfer. */
  reversed: z.boolean(),
  /** The wallet's posted balance just after this transfer (a hold leaves it as it was). */
  balanceAfter: z.number().int(),
  /** Null only for an account the wallet history cannot name. */
  counterparty: walletCounterpartySchema.nullable(),
});
export type WalletHistoryRow = z.infer<typeof walletHistoryRowSchema>;

/** A second person's approval, given in the confirmation dialog: their staff name and their own passphrase. */
export const approvalSchema = z.object({ username: usernameSchema, passphrase: passphraseSchema });
export type ApprovalRequest = z.output<typeof approvalSchema>;

const operationBase = {
  memberId: idSchema,
  amount: amountSchema,
  currency: currencyCodeSchema,
  /** One per confirmed form: a replay returns the first receipt instead of moving money twice. */
  idempotencyKey: idempotencyKeySchema,
  memo: memoSchema.optional(),
  approval: approvalSchema.optional(),
};

export const depositInput = z.object(operationBase);
export type DepositRequest = z.output<typeof depositInput>;
export const withdrawInput = z.object(operationBase);
export const payInput = z.object({ ...operationBase, merchant: nameSchema() });
export type PaymentRequest = z.output<typeof payInput>;
export const memberTransferInput = z.object({
  fromMemberId: idSchema,
  toMemberId: idSchema,
  amount: amountSchema,
  currency: currencyCodeSchema,
  idempotencyKey: idempotencyKeySchema,
  memo: memoSchema.optional(),
  approval: approvalSchema.optional(),
});
export type MemberTransferRequest = z.output<typeof memberTransferInput>;

export const walletHistoryInput = z.object({
  memberId: idSchema,
  currency: currencyCodeSchema,
  ...transferHistoryFields,
}).superRefine(timeRangeInOrder);
export type WalletHistoryQuery = z.output<typeof walletHistoryInput>;

/** Undoing a wallet operation: the ledger's reversal input, and the approval a reversal above the threshold needs. */
export const walletReverseInput = reverseInput.extend({ approval: approvalSchema.optional() });

export const counterDayInput = z.object({ from: isoTimeSchema, to: isoTimeSchema }).superRefine(timeRangeInOrder);

/** The signed-in person's own operations in a window, and the cash that crossed their counter, per currency. */
export const counterDaySchema = z.object({
  operations: z.number().int(),
  currencies: z.array(z.object({ currency: z.string(), operations: z.number().int(), cashIn: z.number().int(), cashOut: z.number().int() })),
});
export type CounterDay = z.infer<typeof counterDaySchema>;

/** What moving a member's money makes stale: their wallets and history, the members list's balances, the ledger's accounts and totals, and the counter's day. */
const MONEY_MOVED = ['wallets.summary', 'wallets.history', 'members.search', 'ledger.accounts', 'ledger.trialBalance', 'ledger.accountTransfers', 'ledger.journal', 'ledger.journalFacets', 'ledger.journalTransfer', 'wallets.counterDay'] as const;
/** A payment earns points and its refund takes them back (issue 9): the member's points and tier are stale after either. */
const POINTS_MOVED_BY_PAYMENT = ['points.summary', 'points.lots', 'points.history', 'points.monthly'] as const;

export const walletChannels = {
  'wallets.summary': channel({
    input: z.object({ memberId: idSchema }),
    output: z.object({ memberId: idSchema, wallets: z.array(walletSchema) }),
    access: 'members.read',
  }),
  'wallets.history': channel({
    input: walletHistoryInput,
    output: z.object({ rows: z.array(walletHistoryRowSchema), total: z.number().int() }),
    access: 'members.read',
  }),
  'wallets.deposit': channel({ input: depositInput, output: receiptSchema, access: 'wallet.deposit', invalidates: MONEY_MOVED, previewable: true }),
  'wallets.withdraw': channel({ input: withdrawInput, output: receiptSchema, access: 'wallet.withdraw', invalidates: MONEY_MOVED, previewable: true }),
  /** Pays a merchant from the wallet, with the payment fee (the currency's rate in settings.paymentFeeBpsByCurrency, else paymentFeeBps) as a linked transfer. */
  'wallets.pay': channel({ input: payInput, output: receiptSchema, access: 'wallet.pay', invalidates: [...MONEY_MOVED, ...POINTS_MOVED_BY_PAYMENT], previewable: true }),
  'wallets.transfer': channel({ input: memberTransferInput, output: receiptSchema, access: 'wallet.transfer', invalidates: MONEY_MOVED, previewable: true }),
  /**
   * Undoes a wallet operation (all its transfers) with a reason; admin or finance. The original
   * receipt and transfers then show their reversal, and the reason is audited. Above the approval
   * threshold it needs a second person's approval, as a counter operation does; its dry run says so.
   */
  'wallets.reverse': channel({
    input: walletReverseInput,
    output: receiptSchema,
    access: 'ledger.reverse',
    invalidates: [...MONEY_MOVED, ...POINTS_MOVED_BY_PAYMENT, 'wallets.receipt', 'ledger.transfer', 'audit.list'],
    previewable: true,
  }),
  /** Home's figures: everyone sees their own counter's, so it needs a session and no permission. */
  'wallets.counterDay': channel({ input: counterDayInput, output: counterDaySchema, access: 'session' }),
  'wallets.receipt': channel({ input: z.object({ receiptNumber: z.string().trim().min(1).max(INPUT_LIMITS.code) }), output: receiptSchema, access: 'members.read' }),
};
