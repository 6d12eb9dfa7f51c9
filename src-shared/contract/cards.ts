import { z } from 'zod';
import { channel } from './define';
import { currencyCodeSchema, idSchema, INPUT_LIMITS, isoTimeSchema, nameSchema, pageFields } from './common';
import { idempotencyKeySchema } from './ledger';
import { memberRefSchema, memberStatusSchema } from './members';
import { revealedSchema } from './reveal';
import { CARD_BRANDS } from '../cards/card-brand';
import { LIMIT_INTERVALS, spendingLimitsSchema } from '../cards/limits';
import { minorAmountSchema } from '../settings/setting-fields';

// Virtual cards under the operator's BIN, their spending limits and authorizations, and the
// members' own bank cards (issue 10). A card number leaves the main process in clear only in the
// answer of an issue or a replacement (shown once) and of an audited reveal; every other answer
// carries it masked, at most the first six and last four digits (PCI DSS v4.0 req. 3.4.1). A CVV
// is never stored: it is derived from the number and the expiry whenever it is needed.

export { LIMIT_INTERVALS, spendingLimitsSchema, type LimitInterval, type SpendingLimits } from '../cards/limits';
export { CARD_BRANDS, type CardBrand } from '../cards/card-brand';

/** inactive (issued) → active ↔ frozen → cancelled; cancelled is final. */
export const CARD_STATES = ['inactive', 'active', 'frozen', 'cancelled'] as const;
export type CardState = (typeof CARD_STATES)[number];

export const CANCEL_REASONS = ['lost', 'stolen', 'damaged', 'expired', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Test programs' cards are for trying the terminal out; live ones are real. */
export const PROGRAM_MODES = ['test', 'live'] as const;
export const PROGRAM_STATUSES = ['open', 'closed'] as const;

/** Who moved a card: a person at the counter, or a due task (expiry). */
export const CARD_EVENT_CHANNELS = ['teller', 'system'] as const;

/** An authorization approved and holding money, captured (posted, fully or partly), voided, expired unused, or declined. */
export const AUTHORIZATION_STATUSES = ['held', 'captured', 'voided', 'expired', 'declined'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** The codes a terminal can decline with, each an ErrorCode of its own. */
export const DECLINE_CODES = ['CARD_NOT_FOUND', 'CARD_NOT_ACTIVE', 'CARD_EXPIRED', 'CVV_MISMATCH', 'MEMBER_NOT_ACTIVE', 'LIMIT_EXCEEDED', 'INSUFFICIENT_FUNDS'] as const;
export type DeclineCode = (typeof DECLINE_CODES)[number];

/** A card's expiry as printed on it and typed at a terminal: `MM/YY`. */
export const cardExpirySchema = z.string().trim().max(5).regex(/^(0[1-9]|1[0-2])\/\d{2}$/, 'MM/YY');

/** A card number as typed: 13 to 19 digits, spaces or dashes between groups allowed. */
export const typedPanSchema = z.string().trim().max(40).regex(/^[\d\s-]+$/, 'digits');

export const binSchema = z.string().max(8).regex(/^\d{6,8}$/, '6 to 8 digits');

const programFields = {
  name: nameSchema(60),
  /** The issuer identification number every card of the program starts with. */
  bin: binSchema,
  panLength: z.number().int().min(13).max(19),
  currency: currencyCodeSchema,
  validityMonths: z.number().int().min(1).max(120),
  mode: z.enum(PROGRAM_MODES),
  /** The limits a new card of the program starts with. */
  defaultLimits: spendingLimitsSchema,
};

export const cardProgramSchema = z.object({
  id: idSchema,
  ...programFields,
  status: z.enum(PROGRAM_STATUSES),
  /** Cards issued under it, of any state; a program with cards cannot be deleted or change its numbers. */
  cards: z.number().int(),
  createdAt: isoTimeSchema,
  createdBy: z.string(),
});
export type CardProgram = z.infer<typeof cardProgramSchema>;

/**
 * The longest BIN (8 digits) and the shortest card (13) still leave four random digits and the
 * check digit, 10⁴ numbers: every length and BIN the fields allow can issue.
 */
export const programInput = z.object({
  ...programFields,
  panLength: programFields.panLength.default(16),
  validityMonths: programFields.validityMonths.default(36),
  mode: programFields.mode.default('test'),
  defaultLimits: programFields.defaultLimits.default({}),
});
export type ProgramRequest = z.output<typeof programInput>;

const programRefSchema = z.object({ id: idSchema, name: z.string(), mode: z.enum(PROGRAM_MODES) });
const cardRefSchema = z.object({ id: idSchema, maskedPan: z.string(), state: z.enum(CARD_STATES) });

export const cardSchema = z.object({
  id: idSchema,
  program: programRefSchema,
  member: memberRefSchema,
  memberStatus: memberStatusSchema,
  currency: z.string(),
  /** `622588••••••1234`: the first six and last four digits at most. */
  maskedPan: z.string(),
  last4: z.string(),
  /** The last month the card can be used, `YYYY-MM`. */
  expiryMonth: z.string(),
  holderName: z.string(),
  state: z.enum(CARD_STATES),
  /** The member is frozen or closed: the card cannot be used whatever its own state. */
  blockedByMember: z.boolean(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  /** The card this one replaced, and the one that replaced it. */
  replaces: cardRefSchema.nullable(),
  replacedBy: cardRefSchema.nullable(),
  limits: spendingLimitsSchema,
  issuedAt: isoTimeSchema,
  issuedBy: z.string(),
  stateChangedAt: isoTimeSchema,
});
export type Card = z.infer<typeof cardSchema>;

/** The answer of an issue or a replacement: the only time the number and CVV are shown without a reveal. */
export const issuedCardSchema = z.object({
  card: cardSchema,
  pan: z.string(),
  /** `MM/YY`, as printed. */
  expiry: z.string(),
  cvv: z.string(),
});
export type IssuedCard = z.infer<typeof issuedCardSchema>;

export const cardEventSchema = z.object({
  id: idSchema,
  /** Null for the issue itself. */
  fromState: z.enum(CARD_STATES).nullable(),
  toState: z.enum(CARD_STATES),
  /** A cancellation's reason (lost, stolen…), or what the change was (issued, replaced). */
  reason: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.string(),
  channel: z.enum(CARD_EVENT_CHANNELS),
  at: isoTimeSchema,
});
export type CardEvent = z.infer<typeof cardEventSchema>;

export const authorizationSchema = z.object({
  id: idSchema,
  /** Null when the number matched no card (CARD_NOT_FOUND); the attempt is still kept. */
  cardId: idSchema.nullable(),
  maskedPan: z.string(),
  merchant: z.string(),
  amount: z.number().int(),
  currency: z.string().nullable(),
  status: z.enum(AUTHORIZATION_STATUSES),
  declineCode: z.enum(DECLINE_CODES).nullable(),
  /** For LIMIT_EXCEEDED: the interval whose limit it would pass. */
  declineInterval: z.enum(LIMIT_INTERVALS).nullable(),
  /** The wallet hold (a pending transfer) of an approved authorization. */
  holdId: z.number().int().nullable(),
  holdExpiresAt: isoTimeSchema.nullable(),
  capturedAmount: z.number().int(),
  /** The transfer that captured or released the hold. */
  resolvedBy: z.number().int().nullable(),
  at: isoTimeSchema,
  actor: z.string(),
});
export type Authorization = z.infer<typeof authorizationSchema>;

/** What is left to spend in one interval, the card's and the member's limits taken together. */
export const allowanceSchema = z.object({
  interval: z.enum(LIMIT_INTERVALS),
  amountLimit: z.number().int().nullable(),
  amountUsed: z.number().int(),
  amountRemaining: z.number().int().nullable(),
  countLimit: z.number().int().nullable(),
  countUsed: z.number().int(),
  countRemaining: z.number().int().nullable(),
  /** Whose limit is the stricter one here; null: no limit in this interval. */
  limitedBy: z.enum(['card', 'member']).nullable(),
  /** When the interval starts over (null: per authorization, lifetime). */
  resetsAt: isoTimeSchema.nullable(),
});
export type Allowance = z.infer<typeof allowanceSchema>;

export const memberLimitsSchema = z.object({ currency: z.string(), limits: spendingLimitsSchema, updatedAt: isoTimeSchema.nullable(), updatedBy: z.string().nullable() });

export const bankCardSchema = z.object({
  id: idSchema,
  memberId: idSchema,
  /** `••••1234`: a bank card shows its last four only. */
  maskedPan: z.string(),
  last4: z.string(),
  brand: z.enum(CARD_BRANDS),
  holderName: z.string(),
  /** `YYYY-MM`. */
  expiryMonth: z.string(),
  bankName: z.string().nullable(),
  isDefault: z.boolean(),
  linkedAt: isoTimeSchema,
  linkedBy: z.string(),
  unlinkedAt: isoTimeSchema.nullable(),
  unlinkedBy: z.string().nullable(),
  /** Other members the same card is linked to now: shown as a warning, never refused. */
  alsoLinkedTo: z.array(memberRefSchema),
});
export type BankCard = z.infer<typeof bankCardSchema>;

const cardInput = z.object({ cardId: idSchema });
const noteSchema = z.string().trim().max(INPUT_LIMITS.text).optional();
const reasonSchema = z.string().trim().min(1).max(INPUT_LIMITS.text);
const cardChangeInput = z.object({ cardId: idSchema, note: noteSchema });

export const issueCardInput = z.object({
  memberId: idSchema,
  programId: idSchema,
  /** Defaults to the member's name. */
  holderName: nameSchema(26).optional(),
  /** Defaults to the program's default limits. */
  limits: spendingLimitsSchema.optional(),
  idempotencyKey: idempotencyKeySchema,
});
export type IssueCardRequest = z.output<typeof issueCardInput>;

export const cancelCardInput = z.object({ cardId: idSchema, reason: z.enum(CANCEL_REASONS), note: noteSchema });
export const replaceCardInput = z.object({ cardId: idSchema, reason: z.enum(CANCEL_REASONS), note: noteSchema, idempotencyKey: idempotencyKeySchema });
export type ReplaceCardRequest = z.output<typeof replaceCardInput>;

export const authorizeInput = z.object({
  pan: typedPanSchema,
  expiry: cardExpirySchema,
  cvv: z.string().max(8).trim().regex(/^\d{3}$/, '3 digits'),
  amount: minorAmountSchema,
  merchant: nameSchema(),
  idempotencyKey: idempotencyKeySchema,
});
export type AuthorizeRequest = z.output<typeof authorizeInput>;

export const captureInput = z.object({ authorizationId: idSchema, amount: minorAmountSchema.optional(), idempotencyKey: idempotencyKeySchema });
export type CaptureRequest = z.output<typeof captureInput>;
export const voidInput = z.object({ authorizationId: idSchema, idempotencyKey: idempotencyKeySchema });
export type VoidRequest = z.output<typeof voidInput>;

export const linkBankCardInput = z.object({
  memberId: idSchema,
  pan: typedPanSchema,
  holderName: nameSchema(),
  expiry: cardExpirySchema,
  bankName: nameSchema().optional(),
  /** Make it the default payout destination (the first card linked always is). */
  makeDefault: z.boolean().default(false),
});
export type LinkBankCardRequest = z.output<typeof linkBankCardInput>;

const cardsPage = z.object({ rows: z.array(cardSchema), total: z.number().int() });

/** What a change to a card makes stale: the card, its lists and the audit log. */
const CARD_CHANGED = ['cards.list', 'cards.memberCards', 'cards.get', 'cards.allowance', 'audit.list'] as const;
/** What an authorization, a capture or a void makes stale: also the wallet, the books and the member's points. */
const CARD_MONEY_MOVED = [
  ...CARD_CHANGED, 'cards.activity', 'wallets.summary', 'wallets.history', 'members.search', 'points.summary', 'points.lots', 'points.history', 'points.monthly',
  'ledger.accounts', 'ledger.trialBalance', 'ledger.accountTransfers', 'ledger.journal', 'ledger.journalFacets',
] as const;
const PROGRAM_CHANGED = ['cards.programs', 'audit.list'] as const;
const BANK_CARDS_CHANGED = ['bankCards.list', 'audit.list'] as const;

export const cardChannels = {
  // Programs (Settings → Card programs).
  'cards.programs': channel({ input: z.object({}).strict(), output: z.array(cardProgramSchema), access: 'cards.read' }),
  'cards.createProgram': channel({ input: programInput, output: cardProgramSchema, access: 'cards.programs', invalidates: PROGRAM_CHANGED }),
  /** BIN, length and currency cannot change once the program has cards (CARD_PROGRAM_HAS_CARDS). */
  'cards.updateProgram': channel({ input: z.object({ programId: idSchema, program: programInput }), output: cardProgramSchema, access: 'cards.programs', invalidates: PROGRAM_CHANGED }),
  /** A closed program issues no new cards; its cards go on working. */
  'cards.setProgramStatus': channel({ input: z.object({ programId: idSchema, status: z.enum(PROGRAM_STATUSES) }), output: cardProgramSchema, access: 'cards.programs', invalidates: PROGRAM_CHANGED }),
  'cards.deleteProgram': channel({ input: z.object({ programId: idSchema }), output: z.object({ done: z.literal(true) }), access: 'cards.programs', invalidates: PROGRAM_CHANGED }),

  // Cards.
  /** The register: every card, masked, newest first. `query` finds a member number, a name or the last four digits. */
  'cards.list': channel({
    input: z.object({ programId: idSchema.optional(), state: z.enum(CARD_STATES).optional(), query: z.string().trim().max(INPUT_LIMITS.name).optional(), ...pageFields(500, 100) }),
    output: cardsPage,
    access: 'cards.read',
  }),
  'cards.memberCards': channel({ input: z.object({ memberId: idSchema }), output: z.array(cardSchema), access: 'cards.read' }),
  'cards.get': channel({ input: cardInput, output: z.object({ card: cardSchema, events: z.array(cardEventSchema) }), access: 'cards.read' }),
  /** A new card, inactive, for the member's wallet in the program's currency; the number, expiry and CVV are shown this once. */
  'cards.issue': channel({ input: issueCardInput, output: issuedCardSchema, access: 'cards.issue', invalidates: [...CARD_CHANGED, 'cards.programs'] }),
  'cards.activate': channel({ input: cardChangeInput, output: cardSchema, access: 'cards.manage', invalidates: CARD_CHANGED }),
  'cards.freeze': channel({ input: cardChangeInput, output: cardSchema, access: 'cards.manage', invalidates: CARD_CHANGED }),
  'cards.unfreeze': channel({ input: cardChangeInput, output: cardSchema, access: 'cards.manage', invalidates: CARD_CHANGED }),
  'cards.cancel': channel({ input: cancelCardInput, output: cardSchema, access: 'cards.manage', invalidates: CARD_CHANGED }),
  /** Cancels the card with the reason and issues a new one under the same program, linked both ways, carrying the limits. */
  'cards.replace': channel({ input: replaceCardInput, output: issuedCardSchema, access: 'cards.issue', invalidates: [...CARD_CHANGED, 'cards.programs'] }),
  /** The full number and CVV, audited with the reason, shown for `visibleForSeconds`. */
  'cards.reveal': channel({
    input: z.object({ cardId: idSchema, reason: reasonSchema }),
    output: revealedSchema({ pan: z.string(), expiry: z.string(), cvv: z.string() }),
    access: 'cards.reveal',
    invalidates: ['audit.list'],
  }),

  // Limits.
  'cards.setLimits': channel({ input: z.object({ cardId: idSchema, limits: spendingLimitsSchema }), output: cardSchema, access: 'cards.manage', invalidates: CARD_CHANGED }),
  'cards.memberLimits': channel({ input: z.object({ memberId: idSchema }), output: z.array(memberLimitsSchema), access: 'cards.read' }),
  'cards.setMemberLimits': channel({
    input: z.object({ memberId: idSchema, currency: currencyCodeSchema, limits: spendingLimitsSchema }),
    output: memberLimitsSchema,
    access: 'cards.manage',
    invalidates: ['cards.memberLimits', 'cards.allowance', 'audit.list'],
  }),
  /** What is left to spend in each interval, now. */
  'cards.allowance': channel({ input: cardInput, output: z.array(allowanceSchema), access: 'cards.read' }),

  // The terminal.
  /** Every attempt, approved or declined, newest first. */
  'cards.activity': channel({ input: z.object({ cardId: idSchema, ...pageFields(500, 50) }), output: z.object({ rows: z.array(authorizationSchema), total: z.number().int() }), access: 'cards.read' }),
  /**
   * Checks the card, its expiry and CVV, the member, the limits and the wallet, then holds the
   * amount on the wallet. A decline is kept in the card's activity and answered as its code's
   * error (details: authorizationId, interval). A dry run is the terminal's preview.
   */
  'cards.authorize': channel({
    input: authorizeInput,
    output: z.object({ authorization: authorizationSchema, card: cardSchema, availableAfter: z.number().int() }),
    access: 'cards.authorize',
    previewable: true,
    invalidates: CARD_MONEY_MOVED,
  }),
  /** Posts all of the hold, or part of it and releases the rest. The payment earns points. */
  'cards.capture': channel({ input: captureInput, output: authorizationSchema, access: 'cards.authorize', invalidates: CARD_MONEY_MOVED }),
  'cards.void': channel({ input: voidInput, output: authorizationSchema, access: 'cards.authorize', invalidates: CARD_MONEY_MOVED }),
  'cards.getAuthorization': channel({ input: z.object({ authorizationId: idSchema }), output: authorizationSchema, access: 'cards.read' }),

  // Members' own bank cards.
  'bankCards.list': channel({ input: z.object({ memberId: idSchema, includeUnlinked: z.boolean().default(false) }), output: z.array(bankCardSchema), access: 'cards.read' }),
  'bankCards.link': channel({ input: linkBankCardInput, output: bankCardSchema, access: 'bankCards.manage', invalidates: BANK_CARDS_CHANGED }),
  'bankCards.setDefault': channel({ input: z.object({ bankCardId: idSchema }), output: bankCardSchema, access: 'bankCards.manage', invalidates: BANK_CARDS_CHANGED }),
  /** The card stops being a destination; its row and history stay. */
  'bankCards.unlink': channel({ input: z.object({ bankCardId: idSchema, reason: reasonSchema }), output: bankCardSchema, access: 'bankCards.manage', invalidates: BANK_CARDS_CHANGED }),
};
