import type { VerificationCertificate } from '../../../../src-shared/contract/verify';
import { localDate } from '../../../../src-shared/csv/csv-writer';
import { saveFile } from '../../ui/csv/save-file';

/** "verify-certificate-2026-12-01.json": the day, in the local zone, the data was verified. */
export function certificateFileName(certificate: VerificationCertificate): string {
  return `verify-certificate-${localDate(new Date(certificate.takenAt))}.json`;
}

/**
 * Saves the certificate on its own (the `certificate` field of `paydesk verify --json`), which
 * `paydesk verify --anchor FILE` reads back to show whether the chains were cut or rewritten since.
 */
export function saveCertificate(certificate: VerificationCertificate): void {
  saveFile(certificateFileName(certificate), `${JSON.stringify(certificate, null, 2)}\n`, 'application/json');
}
