import {
  CERTIFICATE_FORMAT,
  CERTIFICATE_VERSION,
  verificationCertificateSchema,
  type VerificationCertificate,
  type VerifyReport,
} from '../../src-shared/contract/verify';
import type { Store } from '../store/store';

// A verification certificate is a verify report cut down to what an auditor keeps outside the
// workstation: where each chain ended, the counts, when and by whom. A later `verify --anchor`
// compares today's chains with it (anchor.ts); backups carry one in their header.

export interface CertificateContext {
  takenAt: Date;
  /** The signed-in username. */
  takenBy: string;
}

/** The certificate of `report`, just verified on `store`. */
export function certifyReport(store: Store, report: VerifyReport, { takenAt, takenBy }: CertificateContext): VerificationCertificate {
  return verificationCertificateSchema.parse({
    format: CERTIFICATE_FORMAT,
    version: CERTIFICATE_VERSION,
    takenAt: takenAt.toISOString(),
    takenBy,
    schemaVersion: store.sqlite.pragma('user_version', { simple: true }) as number,
    chains: { journal: report.chains.journal, audit: report.chains.audit },
    ok: report.ok,
    counts: Object.fromEntries(report.checks.map((check) => [check.name, check.counts])),
    signature: null,
    trustFingerprint: null,
  });
}
