import type { CheckResult } from '../../src-shared/contract/verify';
import { auditRecords, compareWithReplay, FirstFault } from '../audit/audit-replay';
import type { Store } from '../store/store';
import type { ReceiptRow } from './receipts';

// Approvals against the audit log. Every approved operation writes, in its own transaction, the
// approver on its receipt and on its audit row (wallet.approve for a counter operation, the
// reversal's wallet.reverse for a reversal), and the audit log is hash-chained and signed. So a
// receipt names an approver exactly when its audit row does, and the same one: an approver
// added, removed or swapped on a receipt afterwards shows here.

interface AuditedApproval {
  approver: string;
  auditId: number;
}

/** Receipt number → the approver its audit row names. */
function auditedApprovals(store: Store): Map<string, AuditedApproval> {
  const approvals = new Map<string, AuditedApproval>();
  for (const record of auditRecords(store.sqlite, ['wallet.approve', 'wallet.reverse'])) {
    const after = record.after as { approvedBy?: unknown; reversalReceipt?: unknown } | null;
    if (typeof after?.approvedBy !== 'string') continue;
    const receiptNumber = record.action === 'wallet.reverse' ? after.reversalReceipt : record.entityId;
    if (typeof receiptNumber === 'string') approvals.set(receiptNumber, { approver: after.approvedBy, auditId: record.id });
  }
  return approvals;
}

export function receiptApprovalCheck(store: Store): CheckResult {
  const approved = store.sqlite.prepare('SELECT * FROM wallet_receipts WHERE approver IS NOT NULL ORDER BY id').all() as ReceiptRow[];
  const audited = auditedApprovals(store);
  const fault = new FirstFault();
  compareWithReplay(fault, approved, audited, {
    table: 'wallet_receipts',
    key: (row) => row.receipt_number,
    id: (row) => row.id,
    // R20260115-0000042 is receipt 42 (receipts.ts receiptNumberFor).
    expectedId: (receiptNumber) => Number(receiptNumber.slice(receiptNumber.lastIndexOf('-') + 1)),
    unknown: (receiptNumber) => `receipt ${receiptNumber} names an approver the audit log never recorded`,
    differs: (row, audit) =>
      row.approver === audit.approver && row.approver_name !== null ? null : `receipt ${row.receipt_number}'s approver differs from audit row ${audit.auditId}`,
    missing: (receiptNumber, audit) => `receipt ${receiptNumber}, approved by ${audit.approver} in audit row ${audit.auditId}, names no approver`,
  });
  return fault.result('wallets.approvals', `${approved.length} approved receipts, each approver as the audit log recorded them`, { approved: approved.length });
}
