import type { CheckResult } from '../../src-shared/contract/verify';
import { FirstFault } from '../audit/audit-replay';
import type { Store } from '../store/store';
import { certificateBook, type CertificateBook } from '../trust/staff-certificates';
import { approvalFault, type ApprovalRow } from './approval-signatures';
import type { AuditedBatch } from './batch-replay';
import type { BatchRecord } from './batch-rows';

// payouts.approvals: an approval is the approver's own word, which the database key alone cannot
// forge. Each row:
// - holds as approval-signatures.ts asks: signed by the key of the certificate it names, a
//   valid certificate of the approver, finance or admin, over its batch's content hash, by
//   someone other than the batch's maker and submitter; and that certificate was active;
// - is the approval a payout.approve audit row of its batch recorded: by the same person, at the
//   same time, of the same content;
// and a batch that was approved has exactly the approvals it required, one never approved fewer.

function approvalDiffers(row: ApprovalRow, batch: BatchRecord | undefined, audited: AuditedBatch | undefined, book: CertificateBook): string | null {
  if (!batch) return `approval ${row.id} belongs to no batch`;
  const record = audited?.approvals.find((approval) => approval.actor === row.approver);
  if (!record || record.at !== row.at || record.after?.contentHash !== row.content_hash) {
    return `approval ${row.id} is not an approval the audit log recorded`;
  }
  const signed = approvalFault(book, batch, row);
  if (signed !== null) return signed;
  // The certificate it names was the approver's when they signed: an active one.
  return book.byId.get(row.certificate_id)?.status === 'active' ? null : `approval ${row.id} was made under a disabled certificate`;
}

/** How many approvals a batch in this status has: as many as required once approved, fewer before. */
function countFits(batch: BatchRecord, count: number): boolean {
  if (['approved', 'executing', 'completed'].includes(batch.status)) return count === batch.approvals_required;
  return count < batch.approvals_required && (batch.status !== 'draft' || count === 0);
}

export function checkApprovals(store: Store, batches: ReadonlyMap<number, BatchRecord>, audited: ReadonlyMap<string, AuditedBatch>): CheckResult {
  const fault = new FirstFault();
  const book = certificateBook(store);
  const rows = store.sqlite.prepare('SELECT * FROM payout_approvals ORDER BY batch_id, id').all() as ApprovalRow[];
  const counts = new Map<number, number>();
  for (const row of rows) {
    counts.set(row.batch_id, (counts.get(row.batch_id) ?? 0) + 1);
    const why = approvalDiffers(row, batches.get(row.batch_id), audited.get(String(row.batch_id)), book);
    if (why) fault.note('payout_approvals', row.id, why);
  }
  for (const batch of batches.values()) {
    const count = counts.get(batch.id) ?? 0;
    const recorded = audited.get(String(batch.id))?.approvals.length ?? 0;
    if (!countFits(batch, count)) fault.note('payout_batches', batch.id, `batch ${batch.id} is ${batch.status} with ${count} of the ${batch.approvals_required} approvals it requires`);
    else if (recorded > count) fault.note('payout_batches', batch.id, `batch ${batch.id} lost approvals: the audit log recorded ${recorded}, ${count} remain`);
  }
  return fault.result('payouts.approvals', `${rows.length} approvals, each signed by its approver under their certificate`, { approvals: rows.length });
}
