import { AppError, isAppError } from '../../src-shared/errors';
import type { Batch } from '../../src-shared/contract/payouts';
import type { Role } from '../../src-shared/permissions';
import { APPROVER_ROLES } from '../../src-shared/settings/counter-limits';
import { recordAudit } from '../audit/record-audit';
import { placeHold, systemAccount } from '../ledger';
import { execute, selectAll } from '../store/sql';
import type { Store } from '../store/store';
import { certificateBook, certifiedCertificate } from '../trust/staff-certificates';
import { approvalFault, approvalText } from './approval-signatures';
import type { Signer } from '../trust/signer';
import { assertStatus, batchById, findBatch, type BatchRecord } from './batch-rows';
import { assertChecker, changeBatch } from './batch-steps';
import { contentHashOf } from './content-hash';
import { payoutLedgerKey, PAYOUT_KINDS } from './payout-ledger';
import { payoutsSql } from './tables';

// Maker-checker. An approver (finance or admin, by their certificate, never the maker) approves
// the content they saw: its hash must be the batch's, and the items must still hash to it. The
// approval is signed with the approver's own key, so someone who holds only the database key
// cannot add one (verify checks each signature against the approver's certificate). The last
// approval needed places a hold on the funding account for the batch total.

/** Refuses when the items no longer hash to what the batch recorded, or to what the approver saw. */
export function assertContentUnchanged(store: Store, batch: BatchRecord, seen: string): void {
  const current = contentHashOf(store, batch.id, batch.currency);
  if (current !== batch.content_hash || seen !== batch.content_hash) {
    throw new AppError('APPROVAL_STALE', `Batch ${batch.id}'s content is not what was ${seen === batch.content_hash ? 'recorded' : 'shown'}; it must be reviewed again.`, {
      field: 'contentHash',
      expected: batch.content_hash,
    });
  }
}

/**
 * Before paying: the items still hash to the batch's content, and the approvals it needs are
 * its approvers' own, signed over that content (approval-signatures.ts). Anything else is stale.
 */
export function assertApprovedAsIs(store: Store, batch: BatchRecord): void {
  assertContentUnchanged(store, batch, batch.content_hash);
  const book = certificateBook(store);
  const approvals = selectAll(store.sqlite, payoutsSql.selectFrom('payout_approvals').selectAll().where('batch_id', '=', batch.id));
  const holding = approvals.filter((approval) => approvalFault(book, batch, approval) === null);
  if (holding.length < batch.approvals_required) {
    throw new AppError('APPROVAL_STALE', `Batch ${batch.id} has ${holding.length} approvals that hold for its content; it needs ${batch.approvals_required}.`, {
      field: 'batchId',
      approvals: holding.length,
      required: batch.approvals_required,
    });
  }
}

/** Reserves the batch total on the funding account until execution posts it. */
function holdFunding(store: Store, batch: BatchRecord, actor: string, now: Date): number {
  try {
    const hold = placeHold(store, {
      idempotencyKey: payoutLedgerKey(batch.id, 'hold'),
      debitAccountId: systemAccount(store, 'payout_funding', batch.currency).id,
      creditAccountId: systemAccount(store, 'payouts_in_execution', batch.currency).id,
      amount: batch.total,
      kind: PAYOUT_KINDS.batch,
      memo: `Payout batch ${batch.id}`,
      causeRef: `payout-batch:${batch.id}`,
      actor,
      at: now,
    });
    return hold.id;
  } catch (error) {
    if (isAppError(error) && error.code === 'INSUFFICIENT_FUNDS') {
      throw new AppError('INSUFFICIENT_FUNDING', `The payout funding account cannot hold ${batch.total} ${batch.currency} for batch ${batch.id}.`, {
        field: 'batchId',
        ...error.details,
      });
    }
    throw error;
  }
}

export function approveBatch(store: Store, signer: Signer, input: { batchId: number; contentHash: string }, now: Date): Batch {
  const actor = signer.username;
  store.sqlite
    .transaction(() => {
      const batch = findBatch(store, input.batchId);
      assertStatus(batch, ['submitted'], 'approved');
      assertChecker(batch, actor, 'approve');
      const earlier = selectAll(store.sqlite, payoutsSql.selectFrom('payout_approvals').select('approver').where('batch_id', '=', batch.id));
      if (earlier.some((approval) => approval.approver === actor)) {
        throw new AppError('ALREADY_APPROVED', `${actor} already approved batch ${batch.id}; the second approval is someone else's.`, { field: 'batchId' });
      }
      const certificate = certifiedCertificate(store, signer);
      if (!APPROVER_ROLES.includes(certificate.role as Role)) {
        throw new AppError('APPROVER_NOT_ALLOWED', `${actor} is ${certificate.role}; only finance or an admin can approve.`, { field: 'batchId', role: certificate.role });
      }
      assertContentUnchanged(store, batch, input.contentHash);

      const at = now.toISOString();
      const text = approvalText({ batchId: batch.id, contentHash: batch.content_hash, currency: batch.currency, total: batch.total, approver: actor, at });
      execute(
        store.sqlite,
        payoutsSql.insertInto('payout_approvals').values({
          batch_id: batch.id,
          approver: actor,
          certificate_id: certificate.id,
          content_hash: batch.content_hash,
          public_key: signer.publicKey,
          signature: signer.sign('payout-approval', text),
          at,
        }),
      );
      const approvals = earlier.length + 1;
      if (approvals < batch.approvals_required) {
        recordAudit(store, { actor, action: 'payout.approve', entityType: 'payout_batch', entityId: batch.id, after: { status: batch.status, contentHash: batch.content_hash, approval: approvals, of: batch.approvals_required } }, now);
        return;
      }
      const holdId = holdFunding(store, batch, actor, now);
      changeBatch(store, batch, actor, 'payout.approve', { status: 'approved', hold_id: holdId, decided_by: actor, decided_at: at }, { contentHash: batch.content_hash, approval: approvals, of: batch.approvals_required, holdId }, now);
    })
    .immediate();
  return batchById(store, input.batchId);
}
