import { z } from 'zod';
import { channel } from './define';
import { idSchema, INPUT_LIMITS, isoTimeSchema, nameSchema, pageFields } from './common';
import { auditEntrySchema } from './audit';
import { revealedSchema } from './reveal';
import { isValidMemberNumber, normalizeMemberNumber } from '../member-number';
import { tierIdSchema } from '../settings/loyalty-settings';

export const MEMBER_STATUSES = ['active', 'frozen', 'closed'] as const;
export const memberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const memberNameSchema = nameSchema();
/** Spaces, dashes, dots and brackets are dropped; E.164 allows at most 15 digits after the `+`. */
export const phoneSchema = z
  .string()
  .max(INPUT_LIMITS.code)
  .transform((value) => value.replace(/[\s\-().]/g, ''))
  .pipe(z.string().regex(/^\+?\d{5,15}$/, 'a phone number of 5 to 15 digits, optionally starting with +'));
export const memberNumberSchema = z
  .string()
  .max(INPUT_LIMITS.code)
  .transform(normalizeMemberNumber)
  .refine(isValidMemberNumber, 'a 9-digit member number with a valid check digit');
export const idDocumentSchema = z
  .string()
  .max(INPUT_LIMITS.code)
  .transform((value) => value.replace(/\s/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{4,40}$/, '4 to 40 letters or digits'));
const emailSchema = z.string().trim().max(254).pipe(z.email());
const notesSchema = z.string().trim().max(INPUT_LIMITS.prose);
const reasonSchema = z.string().trim().min(1).max(500);

export const memberRefSchema = z.object({ id: idSchema, memberNumber: z.string(), name: z.string() });
export type MemberRef = z.infer<typeof memberRefSchema>;

export const memberSchema = z.object({
  id: idSchema,
  memberNumber: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  /** Only the last four characters, e.g. `••••1234`; the full number never leaves the service. */
  idDocumentMasked: z.string().nullable(),
  status: memberStatusSchema,
  statusReason: z.string().nullable(),
  referredBy: memberRefSchema.nullable(),
  notes: z.string().nullable(),
  createdBy: z.string(),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const memberRowSchema = memberSchema.pick({ id: true, memberNumber: true, name: true, phone: true, email: true, status: true, createdAt: true }).extend({
  /** The posted balance of the member's wallet in the list's currency, in its minor units (0 before the wallet opens). */
  balance: z.number().int(),
  /** The tier the member holds now (issue 9); a member never moved holds the rules' first tier. */
  tier: tierIdSchema,
});
export type MemberRow = z.infer<typeof memberRowSchema>;

export const MEMBER_SORTS = ['memberNumber', 'name', 'createdAt', 'balance'] as const;

export const memberSearchInput = z.object({
  /**
   * A name substring; a member number's prefix, or 4 or more of its digits from anywhere in it
   * (spaces and dashes ignored: `0007 4` finds 1000 0007 4); or a phone prefix. Empty lists everyone.
   */
  query: z.string().trim().max(INPUT_LIMITS.name).default(''),
  status: memberStatusSchema.optional(),
  /** Only the members holding this tier now. */
  tier: tierIdSchema.optional(),
  sort: z.enum(MEMBER_SORTS).default('memberNumber'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  ...pageFields(500, 50),
});
export type MemberSearch = z.output<typeof memberSearchInput>;

/** The whole list a search selects, for its CSV file: the search without its page. */
export const memberListExportInput = memberSearchInput.omit({ offset: true, limit: true });
export type MemberListExport = z.output<typeof memberListExportInput>;

export const createMemberInput = z.object({
  name: memberNameSchema,
  phone: phoneSchema,
  email: emailSchema.optional(),
  idDocumentNumber: idDocumentSchema.optional(),
  /** The referring member's number. */
  referredBy: memberNumberSchema.optional(),
  notes: notesSchema.optional(),
});
export type NewMember = z.output<typeof createMemberInput>;

/** Only the fields given change; null clears an optional field. */
export const updateMemberInput = z.object({
  id: idSchema,
  name: memberNameSchema.optional(),
  phone: phoneSchema.optional(),
  email: emailSchema.nullable().optional(),
  idDocumentNumber: idDocumentSchema.nullable().optional(),
  referredBy: memberNumberSchema.nullable().optional(),
  notes: notesSchema.nullable().optional(),
});
export type MemberChanges = z.output<typeof updateMemberInput>;

export const memberLookupInput = z
  .object({ id: idSchema.optional(), memberNumber: memberNumberSchema.optional() })
  .refine((v) => (v.id === undefined) !== (v.memberNumber === undefined), { message: 'give either id or memberNumber', path: ['id'] });

export const memberStatusChangeInput = z.object({ id: idSchema, reason: reasonSchema });
export const memberUnfreezeInput = z.object({ id: idSchema, reason: reasonSchema.optional() });

/** Who stood on the other side of a wallet transfer. */
export const walletCounterpartySchema = z.discriminatedUnion('kind', [
  /** Another member's wallet: a transfer between members, or its reversal. */
  z.object({ kind: z.literal('member'), member: memberRefSchema }),
  /** The merchant a payment went to, as its receipt names it. */
  z.object({ kind: z.literal('merchant'), name: z.string() }),
  /** One of the operator's own accounts by its chart role: branch cash for a deposit or withdrawal, fee income for a fee. */
  z.object({ kind: z.literal('operator'), role: z.string() }),
]);
export type WalletCounterparty = z.infer<typeof walletCounterpartySchema>;

export const memberHistoryInput = z.object({
  id: idSchema,
  ...pageFields(500, 100),
});

/** What any change to a member makes stale: the lists and the record that show them, and the audit trail. */
const MEMBER_CHANGED = ['members.search', 'members.get', 'members.history', 'audit.list'] as const;

export const memberChannels = {
  /** `currency` is the one each row's balance is in: the first enabled wallet currency. */
  'members.search': channel({
    input: memberSearchInput,
    output: z.object({ rows: z.array(memberRowSchema), total: z.number().int(), currency: z.string() }),
    access: 'members.read',
  }),
  /** Every member the search selects, in its order, with the balances in `currency`: the list's CSV file. */
  'members.export': channel({
    input: memberListExportInput,
    output: z.object({ rows: z.array(memberRowSchema), currency: z.string() }),
    access: 'members.read',
  }),
  'members.get': channel({ input: memberLookupInput, output: memberSchema, access: 'members.read' }),
  /** Opens the member's wallets, so the ledger's account list grows. */
  'members.create': channel({
    input: createMemberInput,
    output: memberSchema,
    access: 'members.write',
    invalidates: [...MEMBER_CHANGED, 'ledger.accounts', 'ledger.trialBalance'],
  }),
  /** Receipts and wallet histories name the member as they are now, so a new name shows on old receipts and other members' histories too. */
  'members.update': channel({
    input: updateMemberInput,
    output: memberSchema,
    access: 'members.write',
    invalidates: [...MEMBER_CHANGED, 'wallets.receipt', 'wallets.history'],
  }),
  /** Blocks every debit from the member's wallets until unfrozen. */
  'members.freeze': channel({ input: memberStatusChangeInput, output: memberSchema, access: 'members.write', invalidates: MEMBER_CHANGED }),
  'members.unfreeze': channel({ input: memberUnfreezeInput, output: memberSchema, access: 'members.write', invalidates: MEMBER_CHANGED }),
  /** Needs every wallet at zero; closes the wallet accounts. Terminal. */
  'members.close': channel({
    input: memberStatusChangeInput,
    output: memberSchema,
    access: 'members.write',
    invalidates: [...MEMBER_CHANGED, 'wallets.summary', 'ledger.accounts', 'ledger.trialBalance'],
  }),
  /** The clear ID document number, audited with the reason, shown for `visibleForSeconds`; the member's row shows only the last four. */
  'members.revealIdDocument': channel({
    input: memberStatusChangeInput,
    output: revealedSchema({ idDocumentNumber: z.string().nullable() }),
    access: 'members.write',
    invalidates: ['members.history', 'audit.list'],
  }),
  'members.history': channel({ input: memberHistoryInput, output: z.object({ rows: z.array(auditEntrySchema), total: z.number().int() }), access: 'members.read' }),
};
