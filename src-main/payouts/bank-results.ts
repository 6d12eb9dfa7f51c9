import { AppError } from '../../src-shared/errors';
import type { PayoutItem } from '../../src-shared/contract/payouts';
import { recordAudit } from '../audit/record-audit';
import { postTransfer, systemAccount } from '../ledger';
import type { Store } from '../store/store';
import { findBatch } from './batch-rows';
import { batchItems } from './batch-queries';
import { itemCause, itemLedgerKey, PAYOUT_KINDS } from './payout-ledger';

// What the bank later says about an item SENT to a member's bank card: it settled (the money
// leaves the clearing account for the operator's bank) or it came back (the money returns to
// funding, and the item is RETURNED). Either happens once.

type Outcome = 'settle' | 'return';

const OUTCOMES = {
  settle: { status: 'SETTLED', kind: PAYOUT_KINDS.settlement, role: 'bank_settlement', action: 'payout.settle' },
  return: { status: 'RETURNED', kind: PAYOUT_KINDS.return, role: 'payout_funding', action: 'payout.return' },
} as const;

interface SentItem {
  id: number;
  status: string;
  amount: number;
  reference: string;
}

export function resolveSentItem(store: Store, actor: string, input: { batchId: number; itemId: number; reason?: string | undefined }, outcome: Outcome, now: Date): PayoutItem {
  const spec = OUTCOMES[outcome];
  store.sqlite
    .transaction(() => {
      const batch = findBatch(store, input.batchId);
      const item = store.sqlite.prepare('SELECT id, status, amount, reference FROM payout_items WHERE id = ? AND batch_id = ?').get(input.itemId, batch.id) as SentItem | undefined;
      if (!item) throw new AppError('PAYOUT_ITEM_NOT_FOUND', `Batch ${batch.id} has no item ${input.itemId}.`, { field: 'itemId' });
      if (item.status !== 'SENT') {
        throw new AppError('PAYOUT_ITEM_STATE_INVALID', `Item ${item.id} is ${item.status}; only an item sent to a bank card is settled or returned.`, { field: 'itemId', status: item.status });
      }
      const transfer = postTransfer(store, {
        idempotencyKey: itemLedgerKey(batch.id, item.id, outcome),
        debitAccountId: systemAccount(store, 'bank_payouts_clearing', batch.currency).id,
        creditAccountId: systemAccount(store, spec.role, batch.currency).id,
        amount: item.amount,
        kind: spec.kind,
        memo: input.reason ?? item.reference,
        causeRef: itemCause(item.id),
        actor,
        at: now,
      });
      store.sqlite.prepare('UPDATE payout_items SET status = ?, resolution_transfer_id = ? WHERE id = ?').run(spec.status, transfer.id, item.id);
      recordAudit(
        store,
        { actor, action: spec.action, entityType: 'payout_batch', entityId: batch.id, after: { item: item.id, reference: item.reference, amount: item.amount, transferId: transfer.id, reason: input.reason ?? null } },
        now,
      );
    })
    .immediate();
  const found = batchItems(store, { batchId: input.batchId, offset: 0, limit: 1, itemId: input.itemId }).rows[0];
  return found!;
}
