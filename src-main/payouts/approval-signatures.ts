import type { Selectable } from 'kysely';
import type { Role } from '../../src-shared/permissions';
import { APPROVER_ROLES } from '../../src-shared/settings/counter-limits';
import type { CertificateBook } from '../trust/staff-certificates';
import { signedBy } from '../trust/signer';
import type { BatchRecord } from './batch-rows';
import type { PayoutApprovalsTable } from './tables';

// Whether an approval row is one its approver made. The database key opens every row, so a key
// holder can write any approval they like; what they cannot do is sign it with another person's
// key. An approval holds when its signature, over the batch's content hash, total and the
// approver's name and time, verifies under the key of the certificate it names, and that
// certificate is the approver's, for finance or an admin. Execution asks before paying; verify
// asks of every approval.

export type ApprovalRow = Selectable<PayoutApprovalsTable>;

/** The text an approval signs: the batch, what it pays, and who approved when. */
export function approvalText(fields: { batchId: number; contentHash: string; currency: string; total: number; approver: string; at: string }): string {
  return JSON.stringify([fields.batchId, fields.contentHash, fields.currency, fields.total, fields.approver, fields.at]);
}

/** Why `approval` is not `batch`'s approver's own, or null when it is. */
export function approvalFault(book: CertificateBook, batch: BatchRecord, approval: ApprovalRow): string | null {
  const certificate = book.byId.get(approval.certificate_id);
  if (!certificate || certificate.username !== approval.approver || certificate.public_key !== approval.public_key) {
    return `approval ${approval.id} names no certificate of ${approval.approver} for its key`;
  }
  if (!APPROVER_ROLES.includes(certificate.role as Role)) return `approval ${approval.id} is by ${approval.approver}, certified ${certificate.role}, who cannot approve`;
  if (approval.approver === batch.created_by || approval.approver === batch.submitted_by) return `approval ${approval.id} is by the batch's own maker`;
  if (approval.content_hash !== batch.content_hash) return `approval ${approval.id} approved other content than batch ${batch.id} has`;
  const text = approvalText({ batchId: batch.id, contentHash: batch.content_hash, currency: batch.currency, total: batch.total, approver: approval.approver, at: approval.at });
  if (!signedBy(approval.public_key, 'payout-approval', text, approval.signature)) return `approval ${approval.id}'s signature does not hold`;
  return null;
}
