import type { BatchStatus } from '../../src-shared/contract/payouts';
import type { AuditRecord } from '../audit/audit-replay';

// A batch as its audit rows tell it (batch-steps.ts, approve.ts, execute.ts write them): the
// import that made it, then each step in an order the flow allows. Verify compares the batch
// row with this, so a status, a person or a total edited behind the services' back shows.

export const BATCH_ACTIONS = ['payout.import', 'payout.submit', 'payout.cancel', 'payout.approve', 'payout.reject', 'payout.executeStart', 'payout.executeEnd'] as const;
export const ITEM_ACTIONS = ['payout.settle', 'payout.return'] as const;

/** From which statuses each step may be taken, and to which it leads (an approval short of the last leaves the batch submitted). */
const STEPS: Record<string, { from: readonly BatchStatus[]; to: readonly BatchStatus[] }> = {
  'payout.submit': { from: ['draft'], to: ['submitted'] },
  'payout.cancel': { from: ['draft', 'submitted'], to: ['cancelled'] },
  'payout.approve': { from: ['submitted'], to: ['submitted', 'approved'] },
  'payout.reject': { from: ['submitted'], to: ['rejected'] },
  'payout.executeStart': { from: ['approved'], to: ['executing'] },
  'payout.executeEnd': { from: ['executing'], to: ['completed'] },
};

export interface AuditedBatch {
  imported: AuditRecord;
  /** The status after the last step. */
  status: BatchStatus;
  submitted: AuditRecord | null;
  /** Every payout.approve row, the partial ones too, in order. */
  approvals: AuditRecord[];
  /** The approval that completed it, or the rejection. */
  decided: AuditRecord | null;
  ended: AuditRecord | null;
  /** The last step that wrote the batch row (an approval short of the last writes none). */
  lastWrite: AuditRecord;
  /** The first step the flow does not allow where it stands; null when every one does. */
  outOfOrder: AuditRecord | null;
}

function step(batch: AuditedBatch, record: AuditRecord): void {
  const rule = STEPS[record.action];
  const to = record.after?.status as BatchStatus | undefined;
  if (!rule || !rule.from.includes(batch.status) || to === undefined || !rule.to.includes(to)) {
    batch.outOfOrder ??= record;
    return;
  }
  const wrote = !(record.action === 'payout.approve' && to === 'submitted');
  batch.status = to;
  if (wrote) batch.lastWrite = record;
  if (record.action === 'payout.submit') batch.submitted = record;
  if (record.action === 'payout.approve') batch.approvals.push(record);
  if ((record.action === 'payout.approve' && to === 'approved') || record.action === 'payout.reject') batch.decided = record;
  if (record.action === 'payout.executeEnd') batch.ended = record;
}

/**
 * By batch id, every batch the audit log made, with the records that name no import first
 * (a step of a batch never imported) answered apart.
 */
export function replayBatches(records: readonly AuditRecord[]): { batches: Map<string, AuditedBatch>; orphans: AuditRecord[] } {
  const batches = new Map<string, AuditedBatch>();
  const orphans: AuditRecord[] = [];
  for (const record of records) {
    const id = record.entityId ?? '';
    const known = batches.get(id);
    if (record.action === 'payout.import') {
      if (known) known.outOfOrder ??= record;
      else batches.set(id, { imported: record, status: 'draft', submitted: null, approvals: [], decided: null, ended: null, lastWrite: record, outOfOrder: null });
    } else if (known) {
      step(known, record);
    } else {
      orphans.push(record);
    }
  }
  return { batches, orphans };
}
