import { z } from 'zod';
import { channel } from './define';
import { emptyInput, idSchema, INPUT_LIMITS, isoTimeSchema, pathSchema, timeRangeFields, timeRangeInOrder } from './common';
import { jobStarted } from './jobs';
import { memberNumberSchema } from './members';
import { REPORT_IDS } from '../reports/report-access';

// Auditor reports: read-only tables with a header that says what was asked, when, by whom, and
// where both hash chains stood. The same report is previewed on screen, exported as CSV or PDF
// (a job with progress), or written as JSON by the CLI.

export const reportIdSchema = z.enum(REPORT_IDS);

/** Every parameter any report takes; each report reads the ones it needs and refuses none. */
export const reportParamsSchema = z
  .object({
    /** Trial balance: the moment the balances are taken at (default: now). */
    asOf: isoTimeSchema.optional(),
    /** Statement, payouts and audit log: the period. */
    ...timeRangeFields,
    /** Statement: the member's number. */
    member: memberNumberSchema.optional(),
    /** Payouts: one batch (default: every batch in the period). */
    batch: idSchema.optional(),
    /** Audit log: who, what and on which entity. */
    actor: z.string().max(INPUT_LIMITS.code).optional(),
    action: z.string().max(INPUT_LIMITS.code).optional(),
    entity: z.string().max(INPUT_LIMITS.code).optional(),
  })
  .strict()
  .superRefine(timeRangeInOrder);
export type ReportParams = z.infer<typeof reportParamsSchema>;

export const REPORT_COLUMN_KINDS = ['text', 'code', 'amount', 'integer', 'dateTime', 'hash'] as const;
export type ReportColumnKind = (typeof REPORT_COLUMN_KINDS)[number];

export const reportColumnSchema = z.object({
  key: z.string(),
  kind: z.enum(REPORT_COLUMN_KINDS),
  /** For amounts: the row's key holding the currency (integer minor units of that currency). */
  currencyKey: z.string().optional(),
});
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const reportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportRow = Record<string, string | number | null>;

export const reportSectionSchema = z.object({
  /** Names the section's title and column labels (src-shared/reports/report-labels.ts). */
  id: z.string(),
  columns: z.array(reportColumnSchema),
  rows: z.array(z.record(z.string(), reportCellSchema)),
  /** Rows in the whole section; the preview holds at most REPORT_PREVIEW_ROWS of them. */
  totalRows: z.number().int().min(0),
});
export type ReportSectionData = z.infer<typeof reportSectionSchema>;

export const chainHeadSchema = z.object({ id: z.number().int().min(0), hash: z.string() });

/** What every report states about itself. */
export const reportHeaderSchema = z.object({
  report: reportIdSchema,
  /** The parameters as the report understood them (defaults filled in), e.g. `{asOf: …}`. */
  parameters: z.record(z.string(), z.string()),
  madeAt: isoTimeSchema,
  madeBy: z.string(),
  heads: z.object({ journal: chainHeadSchema, audit: chainHeadSchema }),
  trustFingerprint: z.string(),
});
export type ReportHeader = z.infer<typeof reportHeaderSchema>;

export const reportDocumentSchema = z.object({ header: reportHeaderSchema, sections: z.array(reportSectionSchema) });
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

/** The screen previews this many rows per section; exports hold every row. */
export const REPORT_PREVIEW_ROWS = 1000;

export const REPORT_FORMATS = ['csv', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGUAGES = ['en', 'zh-CN'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const JOURNAL_EXPORT_FORMATS = ['ledger', 'csv'] as const;
export type JournalExportFormat = (typeof JOURNAL_EXPORT_FORMATS)[number];

/** What a finished export job holds: the file written, and how many rows went into it. */
export const exportResultSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  mediaType: z.string(),
  bytes: z.number().int().min(0),
  sha256: z.string(),
  rows: z.number().int().min(0),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const reportRunInput = z.object({ report: reportIdSchema, params: reportParamsSchema.default({}) }).strict();

export const reportExportInput = z
  .object({
    report: reportIdSchema,
    params: reportParamsSchema.default({}),
    format: z.enum(REPORT_FORMATS),
    language: z.enum(REPORT_LANGUAGES).default('en'),
    /** Where to write; by default the data folder's exports/ (the screen then downloads it). */
    path: pathSchema.optional(),
  })
  .strict();

export const journalExportInput = z.object({ format: z.enum(JOURNAL_EXPORT_FORMATS), path: pathSchema.optional() }).strict();

export const exportFileSchema = z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() });

export const reportChannels = {
  /** The report with at most REPORT_PREVIEW_ROWS rows per section, for the screen's grid. */
  'reports.run': channel({ input: reportRunInput, output: reportDocumentSchema, access: 'session' }),
  /** Writes the whole report as CSV, PDF or JSON, as a job with progress; the result is an exportResult. */
  'reports.export': channel({ input: reportExportInput, output: jobStarted, access: 'session', invalidates: ['audit.list'] }),
  /** Every posted transfer as a ledger-cli/hledger journal or CSV, as a job; the result is an exportResult. */
  'reports.exportJournal': channel({ input: journalExportInput, output: jobStarted, access: 'reports.ledger', invalidates: ['audit.list'] }),
  /** The file a finished export job of this session wrote, for the screen to save. */
  'reports.download': channel({ input: z.object({ jobId: z.string().max(INPUT_LIMITS.code) }).strict(), output: exportFileSchema, access: 'session' }),
  /** Which reports the signed-in person may run. */
  'reports.available': channel({ input: emptyInput, output: z.array(reportIdSchema), access: 'session' }),
};
