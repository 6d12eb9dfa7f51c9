import { z } from 'zod';
import { channel } from './define';
import { currencyCodeSchema, idSchema, INPUT_LIMITS, isoTimeSchema, pageFields } from './common';
import { idempotencyKeySchema } from './ledger';
import { jobStarted } from './jobs';
import { fileProblemSchema, rowProblemSchema } from '../row-problem';
import { FILE_CODES, ROW_CODES } from '../row-codes';
import { minorAmountSchema } from '../settings/setting-fields';

// CSV batch payouts (issue 11): finance imports a file of payments to members, every row is
// validated with all its problems at once, a second person approves the batch's exact content
// (signed with their own key), and execution pays each item once from a hold on the payout
// funding account, as a durable job that a crash only pauses.

/** draft (imported) → submitted → approved | rejected → executing → completed; cancelled before approval. */
export const BATCH_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'cancelled', 'executing', 'completed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/**
 * PENDING until executed; PAID into a wallet; SENT to a bank card (then SETTLED by the bank, or
 * RETURNED, which puts the money back in funding); FAILED at execution (the member was frozen
 * since approval); SKIPPED: the row had an error and was left out at submission.
 */
export const ITEM_STATUSES = ['PENDING', 'PAID', 'SENT', 'SETTLED', 'RETURNED', 'FAILED', 'SKIPPED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const DESTINATIONS = ['wallet', 'bank_card'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type FileEncoding = (typeof ENCODINGS)[number];

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** A row's verdict: payable as it is, payable but to be looked at, or left out. */
export const ROW_STATUSES = ['ok', 'warning', 'error'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** The largest file accepted, in bytes: 100,000 rows of generous width (notes of 140 Chinese characters fit). */
export const PAYOUT_FILE_MAX_BYTES = 48 * 1024 * 1024;

const fileInput = z.object({
  /** The name the file had on disk, shown in the list and the report (no path). */
  fileName: z.string().trim().min(1).max(INPUT_LIMITS.name * 2),
  /** The file's bytes, base64: a CSV may be in any of the accepted encodings, so it travels undecoded. */
  contentBase64: z
    .string()
    .max(Math.ceil(PAYOUT_FILE_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  /** The currency the batch pays in; the base (first enabled) currency when left out. */
  currency: currencyCodeSchema.optional(),
});

export const fileFactsSchema = z.object({
  encoding: z.enum(ENCODINGS).nullable(),
  /** null when the file could not be read far enough to tell (an empty file, an unknown encoding). */
  delimiter: z.enum(DELIMITERS).nullable(),
  /** Data rows read (blank lines not counted). */
  rows: z.number().int().min(0),
  sha256: z.string(),
  /** The header as the file names its columns. */
  columns: z.array(z.string()),
});
export type FileFacts = z.infer<typeof fileFactsSchema>;

export const validatedRowSchema = z.object({
  line: z.number().int().min(2),
  reference: z.string(),
  memberNo: z.string(),
  /** The member's name when the number is known, for the reviewer. */
  memberName: z.string().nullable(),
  amountText: z.string(),
  /** Minor units, when the amount could be read. */
  amount: z.number().int().nullable(),
  currency: z.string(),
  destination: z.string(),
  note: z.string(),
  status: z.enum(ROW_STATUSES),
  problems: z.array(rowProblemSchema),
});
export type ValidatedRow = z.infer<typeof validatedRowSchema>;

const codeCountsSchema = z.record(z.string(), z.number().int().min(0));

export const validationTotalsSchema = z.object({
  rows: z.number().int().min(0),
  ok: z.number().int().min(0),
  warning: z.number().int().min(0),
  error: z.number().int().min(0),
  /** What would be paid: rows without errors, and their sum in minor units. */
  payableCount: z.number().int().min(0),
  payableAmount: z.number().int().min(0),
  /** How many rows carry each code (a row with the code twice counts once). */
  byCode: codeCountsSchema,
});

export const validationReportSchema = z.object({
  file: fileFactsSchema,
  currency: z.string(),
  /** The file can be imported: no file error. Rows with errors are still listed and left out at submission. */
  importable: z.boolean(),
  fileProblems: z.array(fileProblemSchema),
  rows: z.array(validatedRowSchema),
  totals: validationTotalsSchema,
});
export type ValidationReport = z.infer<typeof validationReportSchema>;

const statusCountsSchema = z.record(z.string(), z.object({ count: z.number().int().min(0), amount: z.number().int().min(0) }));

export const approvalSchema = z.object({
  approver: z.string(),
  approverName: z.string(),
  contentHash: z.string(),
  at: isoTimeSchema,
});

export const batchSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  fileSha256: z.string(),
  encoding: z.enum(ENCODINGS),
  delimiter: z.enum(DELIMITERS),
  currency: z.string(),
  status: z.enum(BATCH_STATUSES),
  /** Data rows in the file, payable or not. */
  rowCount: z.number().int().min(0),
  /** Rows without errors, and their sum: what the batch pays. */
  itemCount: z.number().int().min(0),
  total: z.number().int().min(0),
  /** SHA-256 over the batch's canonical content; an approval signs it. */
  contentHash: z.string(),
  /** Approvals needed: two above the second-approval threshold, else one. */
  approvalsRequired: z.number().int().min(1).max(2),
  approvals: z.array(approvalSchema),
  createdBy: z.string(),
  createdAt: isoTimeSchema,
  submittedBy: z.string().nullable(),
  submittedAt: isoTimeSchema.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoTimeSchema.nullable(),
  rejectReason: z.string().nullable(),
  completedAt: isoTimeSchema.nullable(),
  /** The execution job, once started: follow it with jobs.get. */
  jobId: z.string().nullable(),
  /** Items by status: how many and how much. */
  byStatus: statusCountsSchema,
  fileProblems: z.array(fileProblemSchema),
});
export type Batch = z.infer<typeof batchSchema>;

export const timelineEntrySchema = z.object({
  action: z.string(),
  actor: z.string(),
  at: isoTimeSchema,
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const batchRowSchema = batchSchema.pick({
  id: true, fileName: true, currency: true, status: true, rowCount: true, itemCount: true, total: true, createdBy: true, createdAt: true, submittedBy: true, decidedBy: true, decidedAt: true,
}).extend({ approvers: z.array(z.string()) });
export type BatchRow = z.infer<typeof batchRowSchema>;

export const itemSchema = z.object({
  id: idSchema,
  line: z.number().int(),
  reference: z.string(),
  memberNo: z.string(),
  memberId: idSchema.nullable(),
  memberName: z.string().nullable(),
  amountText: z.string(),
  amount: z.number().int().nullable(),
  currency: z.string(),
  destination: z.string(),
  /** The linked bank card paid to, masked (last four), for bank_card items. */
  bankCardLast4: z.string().nullable(),
  note: z.string(),
  rowStatus: z.enum(ROW_STATUSES),
  problems: z.array(rowProblemSchema),
  status: z.enum(ITEM_STATUSES),
  /** Why the item ended FAILED or SKIPPED (a row code), or what a return said. */
  code: z.string().nullable(),
  transferId: idSchema.nullable(),
});
export type PayoutItem = z.infer<typeof itemSchema>;

const batchInput = z.object({ batchId: idSchema });
const reasonSchema = z.string().trim().min(1).max(INPUT_LIMITS.prose);

export const fundingSchema = z.object({
  currency: z.string(),
  accountCode: z.string(),
  balance: z.number().int(),
  /** The balance less what approved batches hold. */
  available: z.number().int(),
});

const BATCH_CHANGED = ['payouts.list', 'payouts.get', 'payouts.items', 'payouts.timeline', 'audit.list'] as const;
const MONEY_MOVED = [
  ...BATCH_CHANGED, 'payouts.funding', 'wallets.summary', 'wallets.history', 'members.search', 'ledger.accounts', 'ledger.trialBalance', 'ledger.accountTransfers', 'ledger.journal', 'ledger.journalFacets',
] as const;

export const payoutChannels = {
  /** Reads and checks a file without writing anything: every problem of every row. */
  'payouts.validate': channel({ input: fileInput, output: validationReportSchema, access: 'payouts.import' }),
  /** Validates and keeps the file as a draft batch; `batch` is null when a file error stops it. */
  'payouts.import': channel({
    input: fileInput,
    output: z.object({ batch: batchSchema.nullable(), validation: validationReportSchema }),
    access: 'payouts.import',
    invalidates: BATCH_CHANGED,
  }),
  'payouts.list': channel({
    input: z.object({ status: z.enum(BATCH_STATUSES).optional(), ...pageFields(500, 100) }),
    output: z.object({ rows: z.array(batchRowSchema), total: z.number().int().min(0) }),
    access: 'payouts.read',
  }),
  'payouts.get': channel({ input: batchInput, output: batchSchema, access: 'payouts.read' }),
  /** Each step of the batch as the audit log recorded it: who, when, and what it said. */
  'payouts.timeline': channel({ input: batchInput, output: z.array(timelineEntrySchema), access: 'payouts.read' }),
  'payouts.items': channel({
    input: z.object({
      batchId: idSchema,
      status: z.enum(ITEM_STATUSES).optional(),
      rowStatus: z.enum(ROW_STATUSES).optional(),
      code: z.enum([...ROW_CODES, ...FILE_CODES] as [string, ...string[]]).optional(),
      ...pageFields(100_000, 1_000),
    }),
    output: z.object({ rows: z.array(itemSchema), total: z.number().int().min(0) }),
    access: 'payouts.read',
  }),
  /**
   * The maker confirms the count and total they saw; rows with errors are left out (SKIPPED).
   * PAYOUT_TOTALS_CHANGED if what they confirmed is not what the batch pays.
   */
  'payouts.submit': channel({
    input: z.object({ batchId: idSchema, itemCount: z.number().int().min(0), total: z.number().int().min(0) }),
    output: batchSchema,
    access: 'payouts.import',
    invalidates: BATCH_CHANGED,
  }),
  'payouts.cancel': channel({ input: z.object({ batchId: idSchema, reason: reasonSchema.optional() }), output: batchSchema, access: 'payouts.import', invalidates: BATCH_CHANGED }),
  /**
   * Approves the content the approver saw (its hash); the last approval needed places the hold
   * on funding. Previewable: a dry run answers the batch as it would stand, hold and all.
   */
  'payouts.approve': channel({
    input: z.object({ batchId: idSchema, contentHash: z.string().max(64).regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex') }),
    output: batchSchema,
    access: 'payouts.approve',
    invalidates: MONEY_MOVED,
    previewable: true,
  }),
  'payouts.reject': channel({ input: z.object({ batchId: idSchema, reason: reasonSchema }), output: batchSchema, access: 'payouts.approve', invalidates: BATCH_CHANGED }),
  /** Starts (or resumes) paying an approved batch; follow the job with jobs.get. */
  'payouts.execute': channel({ input: batchInput, output: jobStarted, access: 'payouts.execute', invalidates: MONEY_MOVED }),
  /** The bank confirmed a SENT item: the money leaves the clearing account for the bank. */
  'payouts.settleItem': channel({ input: z.object({ batchId: idSchema, itemId: idSchema }), output: itemSchema, access: 'payouts.execute', invalidates: MONEY_MOVED }),
  /** The bank sent a SENT item back: its amount returns to funding. */
  'payouts.returnItem': channel({ input: z.object({ batchId: idSchema, itemId: idSchema, reason: reasonSchema }), output: itemSchema, access: 'payouts.execute', invalidates: MONEY_MOVED }),
  /** The results as CSV (RFC 4180, UTF-8 with BOM, formulas neutralized), headers in the language asked. */
  'payouts.exportCsv': channel({
    input: z.object({ batchId: idSchema, language: z.enum(['en', 'zh-CN']).default('en') }),
    output: z.object({ fileName: z.string(), csv: z.string() }),
    access: 'payouts.read',
  }),
  'payouts.funding': channel({ input: z.object({ currency: currencyCodeSchema.optional() }), output: fundingSchema, access: 'payouts.read' }),
  /** A deposit from the operator's bank into the payout funding account. */
  'payouts.fund': channel({
    input: z.object({ currency: currencyCodeSchema.optional(), amount: minorAmountSchema, idempotencyKey: idempotencyKeySchema }),
    output: fundingSchema,
    access: 'payouts.fund',
    invalidates: MONEY_MOVED,
  }),
};
