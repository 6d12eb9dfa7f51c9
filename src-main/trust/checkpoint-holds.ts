import type { SqliteDatabase } from '../store/open-database';
import { hashAt, type ChainName } from './chain-heads';
import type { CheckpointRow } from './checkpoints';
import type { CertificateRow } from './staff-certificates';
import { signedBy } from './signer';

// Whether a checkpoint still holds: signed by its signer under the certificate that was theirs
// then, and the heads it signed still today's rows. Verify asks it of the checkpoints that vouch
// for something; a person's Paydesk asks it of their own previous checkpoint before signing the
// next, so that nobody signs over rows changed behind their back (trust/checkpoints.ts).

/** The certificate current for `signer` when certificate `upTo` was the newest one. */
function certificateAt(certificates: readonly CertificateRow[], signer: string, upTo: number): CertificateRow | undefined {
  let found: CertificateRow | undefined;
  for (const certificate of certificates) {
    if (certificate.id > upTo) break;
    if (certificate.username === signer) found = certificate;
  }
  return found;
}

/** Why `row`'s signature does not hold under the certificate current for its signer then, or null. `certificates` are the valid ones, in order. */
export function checkpointSignatureFault(row: CheckpointRow, certificates: readonly CertificateRow[]): string | null {
  const certificate = certificateAt(certificates, row.signer, row.certificates_id);
  if (!certificate || certificate.id !== row.certificate_id || certificate.status !== 'active') {
    return `checkpoint ${row.id} names a certificate that was not ${row.signer}'s current one`;
  }
  return signedBy(certificate.public_key, 'checkpoint', row.hash, row.signature) ? null : `checkpoint ${row.id} is not signed by ${row.signer}`;
}

const SIGNED_HEADS: { chain: ChainName; id: keyof CheckpointRow; hash: keyof CheckpointRow }[] = [
  { chain: 'journal', id: 'journal_id', hash: 'journal_hash' },
  { chain: 'audit', id: 'audit_id', hash: 'audit_hash' },
  { chain: 'certificates', id: 'certificates_id', hash: 'certificates_hash' },
];

/** Why the heads `row` signed are not today's rows, or null. */
export function checkpointHeadsFault(sqlite: SqliteDatabase, row: CheckpointRow): string | null {
  for (const head of SIGNED_HEADS) {
    if (hashAt(sqlite, head.chain, row[head.id] as number) !== row[head.hash]) {
      return `checkpoint ${row.id} by ${row.signer} signed ${head.chain} row ${String(row[head.id])}, which has changed or is gone`;
    }
  }
  return null;
}
