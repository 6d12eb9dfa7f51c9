import {
  type AnchorCertificate,
  type ChainTip,
  CERTIFICATE_FORMAT,
  CERTIFICATE_VERSION,
  verificationCertificateSchema,
  type VerificationCertificate,
  type VerifyReport,
} from '../../src-shared/contract/verify';
import { AppError } from '../../src-shared/errors';
import type { Store } from '../store/store';

// A verification certificate is a verify report cut down to what an auditor keeps outside the
// workstation: where each chain ended, the counts, when and by whom. A later `verify --anchor`
// compares today's chains with it (anchor.ts); backups carry one in their header.

export interface CertificateContext {
  takenAt: Date;
  /** The signed-in username. */
  takenBy: string;
  /** Signs the certificate's canonical text as the person who ran verify. */
  sign: (text: string) => { publicKey: string; value: string };
}

/** The text a certificate's signature covers: every field an anchor reads, in a fixed order. */
export function canonicalCertificate(certificate: Omit<AnchorCertificate, 'signature'>): string {
  const { format, version, takenAt, takenBy, schemaVersion, chains, trustFingerprint } = certificate;
  const chain = (tip: ChainTip | undefined) => (tip ? [tip.table, tip.length, tip.lastId, tip.head] : null);
  return JSON.stringify([format, version, takenAt, takenBy, schemaVersion, trustFingerprint,
    chain(chains.journal), chain(chains.audit), chain(chains.certificates), chain(chains.checkpoints)]);
}

/** Whether verify read the chains a certificate anchors; a damaged page can stop it before (database.readable). */
export function chainsWereRead(report: VerifyReport): boolean {
  return report.chains.journal !== undefined && report.chains.audit !== undefined;
}

/** The certificate of `report`, just verified on `store`, signed by whoever ran it. */
export function certifyReport(store: Store, report: VerifyReport, { takenAt, takenBy, sign }: CertificateContext): VerificationCertificate {
  const { journal, audit, certificates, checkpoints } = report.chains;
  if (!journal || !audit) {
    // Verify could not read the chains (database.readable): nothing to certify, and the data is damaged.
    const unreadable = report.checks.find((check) => !check.ok && check.name === 'database.readable');
    throw new AppError('DATA_DAMAGED', `paydesk.db has damaged pages: ${unreadable?.detail ?? 'its chains cannot be read'}. Restore the last backup.`, { file: 'paydesk.db' });
  }
  const core = {
    format: CERTIFICATE_FORMAT,
    version: CERTIFICATE_VERSION,
    takenAt: takenAt.toISOString(),
    takenBy,
    schemaVersion: store.sqlite.pragma('user_version', { simple: true }) as number,
    chains: { journal, audit, ...(certificates ? { certificates } : {}), ...(checkpoints ? { checkpoints } : {}) },
    trustFingerprint: report.trustFingerprint,
  } as const;
  return verificationCertificateSchema.parse({
    ...core,
    signature: sign(canonicalCertificate(core)),
    ok: report.ok,
    counts: Object.fromEntries(report.checks.map((check) => [check.name, check.counts])),
  });
}
