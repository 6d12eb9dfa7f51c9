import { payoutSettings } from '../../src-shared/settings/payout-settings';
import { compareWithReplay, type AuditRecord, type FirstFault } from '../audit/audit-replay';
import type { Store } from '../store/store';
import type { AuditedBatch } from './batch-replay';
import type { BatchRecord } from './batch-rows';
import type { BatchTally } from './item-checks';
import { payoutLedgerKey, PAYOUT_KINDS } from './payout-ledger';
import type { PayoutJournal } from './payout-journal';
import { firstDifferingColumn } from '../integrity/verifier';

// payouts.batches: each batch row is what its audit rows say (batch-replay.ts), and its money is
// where the journal has it (payout-ledger.ts):
// - the import's file, currency, counts, total and content hash, its maker and time; the status
//   of the last step, who submitted and who decided when, the reason of a rejection, the
//   approvals required (the setting as it stood at the import) and the end's counts;
// - an approved, executing or completed batch holds its total on 1200 → 2400 under the hold key;
//   once executing the hold is posted in full; once completed, what its items did not move went
//   back to funding, so 2400 holds nothing more for it; a batch never approved holds nothing;
// - its job, once started, is a payouts.execute job for this batch.

export interface BatchContext {
  journal: PayoutJournal;
  tallies: ReadonlyMap<number, BatchTally>;
  /** payouts.execute jobs: their batch by job id. */
  jobs: ReadonlyMap<string, number>;
  /** settings.update rows that saved payoutSecondApprovalAbove, oldest first. */
  thresholds: readonly AuditRecord[];
}

/** How many approvals a batch needed, by the threshold in force when it was imported (import-batch.ts). */
function approvalsRequiredAt(context: BatchContext, imported: AuditRecord, currency: string, total: number): number {
  let saved = payoutSettings.defaults.payoutSecondApprovalAbove as Record<string, number>;
  for (const record of context.thresholds) {
    if (record.id > imported.id) break;
    saved = (record.after?.payoutSecondApprovalAbove ?? {}) as Record<string, number>;
  }
  const threshold = saved[currency];
  return threshold !== undefined && total > threshold ? 2 : 1;
}

function auditedDiffers(row: BatchRecord, audited: AuditedBatch, context: BatchContext): string | null {
  const { imported, submitted, decided, ended, lastWrite } = audited;
  const after = imported.after ?? {};
  return firstDifferingColumn([
    ['file_name', row.file_name, after.fileName],
    ['file_sha256', row.file_sha256, after.fileSha256],
    ['currency', row.currency, after.currency],
    ['row_count', row.row_count, after.rows],
    ['item_count', row.item_count, after.items],
    ['total', row.total, after.total],
    ['content_hash', row.content_hash, after.contentHash],
    ['created_by', row.created_by, imported.actor],
    ['created_at', row.created_at, imported.at],
    ['status', row.status, audited.status],
    ['submitted_by', row.submitted_by, submitted?.actor ?? null],
    ['submitted_at', row.submitted_at, submitted?.at ?? null],
    ['decided_by', row.decided_by, decided?.actor ?? null],
    ['decided_at', row.decided_at, decided?.at ?? null],
    ['reject_reason', row.reject_reason, decided?.action === 'payout.reject' ? decided.after?.reason : null],
    ['hold_id', row.hold_id, decided?.action === 'payout.approve' ? decided.after?.holdId : null],
    ['completed_at', row.completed_at, ended?.at ?? null],
    ['updated_at', row.updated_at, lastWrite.at],
    ['approvals_required', row.approvals_required, approvalsRequiredAt(context, imported, row.currency, row.total)],
  ]);
}

/** The end's audit row counts what the items are now; a SENT item the bank answered since counts as SENT there. */
function endDiffers(row: BatchRecord, audited: AuditedBatch, tally: BatchTally, released: number): string | null {
  const end = audited.ended?.after;
  if (!end) return null;
  const byStatus = tally.byStatus;
  const counted = (end.byStatus ?? {}) as Record<string, { count: number; amount: number }>;
  const sentSince = (of: 'count' | 'amount') => ['SENT', 'SETTLED', 'RETURNED'].reduce((sum, status) => sum + (byStatus[status]?.[of] ?? 0), 0);
  const countedSent = (of: 'count' | 'amount') => ['SENT', 'SETTLED', 'RETURNED'].reduce((sum, status) => sum + (counted[status]?.[of] ?? 0), 0);
  const unchanged = ['PENDING', 'PAID', 'FAILED', 'SKIPPED'].every((status) => (byStatus[status]?.count ?? 0) === (counted[status]?.count ?? 0) && (byStatus[status]?.amount ?? 0) === (counted[status]?.amount ?? 0));
  return firstDifferingColumn([
    ['items (the end’s count by status)', unchanged && sentSince('count') === countedSent('count') && sentSince('amount') === countedSent('amount'), true],
    ['items (the end’s paid)', byStatus.PAID?.count ?? 0, end.paid],
    ['items (the end’s sent)', sentSince('count'), end.sent],
    ['items (the end’s failed)', byStatus.FAILED?.count ?? 0, end.failed],
    ['release (the end’s released)', released, end.released],
    ['batch', row.id, end.batchId],
  ]);
}

/** The hold, its post and the release in the journal, as far as the batch has come; null when they hold. */
function moneyDiffers(row: BatchRecord, tally: BatchTally, journal: PayoutJournal): string | null {
  if (!['approved', 'executing', 'completed'].includes(row.status)) return row.hold_id === null ? null : 'hold_id';
  const accounts = journal.accountsOf(row.currency);
  const hold = journal.find(row.hold_id);
  const money = { amount: row.total, currency: row.currency, causeRef: `payout-batch:${row.id}` };
  const holdFault = journal.claim(hold, { ...money, key: payoutLedgerKey(row.id, 'hold'), kind: PAYOUT_KINDS.batch, state: 'pending', debit: accounts.funding, credit: accounts.inExecution, pendingId: null });
  if (holdFault !== null) return `hold_id (its transfer's ${holdFault})`;
  if (row.status === 'approved') return null;
  const start = journal.findKey(payoutLedgerKey(row.id, 'start'));
  const startFault = journal.claim(start, { ...money, key: payoutLedgerKey(row.id, 'start'), kind: PAYOUT_KINDS.batch, state: 'post_pending', debit: accounts.funding, credit: accounts.inExecution, pendingId: hold!.id });
  if (startFault !== null) return `status (the hold's post: ${startFault})`;
  if (row.status === 'executing') return null;
  const released = row.total - tally.moved;
  if (released < 0) return 'total (its items moved more than it)';
  if (released === 0) return null;
  const release = journal.findKey(payoutLedgerKey(row.id, 'release'));
  const releaseFault = journal.claim(release, { ...money, amount: released, key: payoutLedgerKey(row.id, 'release'), kind: PAYOUT_KINDS.release, state: 'posted', debit: accounts.inExecution, credit: accounts.funding });
  return releaseFault === null ? null : `status (its release: ${releaseFault})`;
}

function jobDiffers(row: BatchRecord, jobs: ReadonlyMap<string, number>): string | null {
  if (row.job_id === null) return row.status === 'executing' || row.status === 'completed' ? 'job_id' : null;
  return jobs.get(row.job_id) === row.id && ['approved', 'executing', 'completed'].includes(row.status) ? null : 'job_id';
}

function batchDiffers(row: BatchRecord, audited: AuditedBatch, context: BatchContext): string | null {
  if (audited.outOfOrder) return `history (audit row ${audited.outOfOrder.id} is a step the flow does not allow there)`;
  const tally = context.tallies.get(row.id)!;
  return (
    auditedDiffers(row, audited, context) ??
    moneyDiffers(row, tally, context.journal) ??
    (row.status === 'completed' ? endDiffers(row, audited, tally, row.total - tally.moved) : null) ??
    jobDiffers(row, context.jobs)
  );
}

export function checkBatches(fault: FirstFault, rows: readonly BatchRecord[], replay: { batches: Map<string, AuditedBatch>; orphans: AuditRecord[] }, context: BatchContext): void {
  compareWithReplay(fault, rows, replay.batches, {
    table: 'payout_batches',
    key: (row) => String(row.id),
    id: (row) => row.id,
    expectedId: (key) => key,
    unknown: (key) => `payout batch ${key} was never imported through Paydesk`,
    differs: (row, audited) => {
      const column = batchDiffers(row, audited, context);
      return column === null ? null : `payout batch ${row.id}'s ${column} differs from its audit rows and the journal`;
    },
    missing: (key) => `payout batch ${key}, recorded in the audit log, is missing`,
  });
  const [orphan] = replay.orphans;
  if (orphan) fault.note('payout_batches', orphan.entityId ?? '', `audit row ${orphan.id} (${orphan.action}) names a batch that was never imported`);
}

/** The payouts.execute jobs by id, each with its batch. */
export function executeJobs(store: Store): Map<string, number> {
  const rows = store.sqlite.prepare(`SELECT id, params_json FROM jobs WHERE kind = 'payouts.execute'`).all() as { id: string; params_json: string }[];
  return new Map(rows.map((row) => [row.id, batchOfJob(row.params_json)]));
}

/** A job's batch; NaN (no batch's) when its parameters do not parse, which jobs.rows names. */
function batchOfJob(params: string): number {
  try {
    return Number((JSON.parse(params) as { batchId?: unknown }).batchId);
  } catch {
    return Number.NaN;
  }
}
