import { queryBuilder } from '../store/sql';

// The trust domain's tables (migration 0005): staff certificates and signed checkpoints.

export interface StaffCertificatesTable {
  id: number;
  username: string;
  role: string;
  status: string;
  /** Ed25519, base64 SPKI DER. */
  public_key: string;
  issuer: string;
  /** The issuer's certificate at the time; null only for the root, which signs itself. */
  issuer_certificate_id: number | null;
  issued_at: string;
  prev_hash: string;
  hash: string;
  signature: string;
}

export interface CheckpointsTable {
  id: number;
  signer: string;
  /** The id of the session's opening checkpoint. */
  session: number;
  certificate_id: number;
  reason: string;
  journal_id: number;
  journal_hash: string;
  audit_id: number;
  audit_hash: string;
  certificates_id: number;
  certificates_hash: string;
  at: string;
  prev_hash: string;
  hash: string;
  signature: string;
}

export interface TrustTables {
  staff_certificates: StaffCertificatesTable;
  checkpoints: CheckpointsTable;
}

export const trustSql = queryBuilder<TrustTables>();
