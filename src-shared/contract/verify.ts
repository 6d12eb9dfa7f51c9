import { z } from 'zod';
import { channel } from './define';
import { emptyInput, INPUT_LIMITS, isoTimeSchema, pathSchema } from './common';
import { jobStarted } from './jobs';

export const checkResultSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  /** What the check looked at, e.g. `{ transfers: 200000, accounts: 10009 }`. */
  counts: z.record(z.string(), z.number().int()),
  /** The first row at fault as `table#id`, so a person can find it. */
  firstViolation: z.string().nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/**
 * Where a hash chain ends: how many rows it has, the id of the last one and that row's hash.
 * A later chain extends this one when the row `lastId` still holds `head` and it is at least as long.
 */
export const chainTipSchema = z.object({
  /** The table whose rows form the chain (an anchor's own value is never used to read the database). */
  table: z.string().max(INPUT_LIMITS.code),
  length: z.number().int().min(0),
  /** Null while the chain is empty. */
  lastId: z.number().int().positive().nullable(),
  head: z.string().max(64).regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in hex'),
});
export type ChainTip = z.infer<typeof chainTipSchema>;

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  checks: z.array(checkResultSchema),
  /** Chain heads an auditor quotes on every report. */
  heads: z.record(z.string(), z.string()),
  /** The same chains with their lengths and last ids, which an anchor compares against. */
  chains: z.record(z.string(), chainTipSchema),
  /** The fingerprint of the founding admin's key, which every staff certificate chains to: compare it with the one printed at set-up. */
  trustFingerprint: z.string().nullable(),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

export const CERTIFICATE_FORMAT = 'paydesk-verify-certificate';
export const CERTIFICATE_VERSION = 1;

/**
 * The chains a certificate anchors: the journal of transfers and the audit log, and since
 * signatures the staff certificates and the checkpoints (absent from older certificates).
 */
const anchoredChainsSchema = z.object({ journal: chainTipSchema, audit: chainTipSchema, certificates: chainTipSchema.optional(), checkpoints: chainTipSchema.optional() });
export type AnchoredChains = z.infer<typeof anchoredChainsSchema>;

/**
 * What an auditor keeps outside the workstation after a verify: the chains as they ended, so a
 * later `verify --anchor` shows whether rows were cut off the end since. The fields an anchor
 * needs; `anchorInputSchema` reads only these back.
 */
const certificateCore = {
  format: z.literal(CERTIFICATE_FORMAT),
  version: z.literal(CERTIFICATE_VERSION),
  takenAt: isoTimeSchema,
  /** The signed-in username of whoever ran verify (`recovery` for the recovery admin). */
  takenBy: z.string().max(INPUT_LIMITS.name),
  schemaVersion: z.number().int(),
  chains: anchoredChainsSchema,
  /** The trust fingerprint the data chained to; null in certificates from before signatures. */
  trustFingerprint: z.string().max(64).nullable(),
  /**
   * The runner's Ed25519 signature over the fields above (canonicalCertificate), with the public
   * key of their staff certificate; null in certificates from before signatures.
   */
  signature: z.object({ publicKey: z.string().max(200), value: z.string().max(200) }).nullable(),
};

export const verificationCertificateSchema = z.object({
  ...certificateCore,
  ok: z.boolean(),
  /** Each check's counts, by check name. */
  counts: z.record(z.string(), z.record(z.string(), z.number().int())),
});
export type VerificationCertificate = z.infer<typeof verificationCertificateSchema>;

/** A certificate as an anchor: unknown fields (ok, counts) are dropped, the rest bounded. */
export const anchorCertificateSchema = z.object(certificateCore);
export type AnchorCertificate = z.infer<typeof anchorCertificateSchema>;

/** One chain compared with its anchor; `detail` says what was cut or changed. */
export const anchorFindingSchema = z.object({ chain: z.string(), ok: z.boolean(), detail: z.string() });
export type AnchorFinding = z.infer<typeof anchorFindingSchema>;

export const anchorComparisonSchema = z.object({
  ok: z.boolean(),
  /** When and by whom the anchor was taken. */
  anchorTakenAt: z.string(),
  anchorTakenBy: z.string(),
  findings: z.array(anchorFindingSchema),
});
export type AnchorComparison = z.infer<typeof anchorComparisonSchema>;

const certifiedReportSchema = verifyReportSchema.extend({ certificate: verificationCertificateSchema });

/**
 * What a verify job ends with (the `result` of its `jobs.get`): the report, and its certificate,
 * null when a damaged page stopped verify before it read the chains (there is nothing to certify;
 * the report says why).
 */
export const verifyJobResultSchema = verifyReportSchema.extend({ certificate: verificationCertificateSchema.nullable() });
export type VerifyJobResult = z.infer<typeof verifyJobResultSchema>;

export const verifyChannels = {
  'system.verify': channel({ input: emptyInput, output: certifiedReportSchema, access: 'audit.read' }),
  /** The same verify as a job with progress (the Integrity screen); its result is a VerifyJobResult. */
  'system.startVerify': channel({ input: emptyInput, output: jobStarted, access: 'audit.read' }),
  /** Verify, then whether today's chains extend an anchor: a certificate, or the one in a backup's header. */
  'system.verifyAnchor': channel({
    input: z.union([
      z.object({ certificate: anchorCertificateSchema }).strict(),
      z.object({ backupPath: pathSchema }).strict(),
    ]),
    output: certifiedReportSchema.extend({ anchor: anchorComparisonSchema }),
    access: 'audit.read',
  }),
};
