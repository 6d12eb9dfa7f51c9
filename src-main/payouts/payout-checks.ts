import { auditRecords, FirstFault, type AuditRecord } from '../audit/audit-replay';
import type { Verifier } from '../integrity/verifier';
import type { Store } from '../store/store';
import { checkApprovals } from './approval-checks';
import { checkBatches, executeJobs } from './batch-checks';
import { BATCH_ACTIONS, ITEM_ACTIONS, replayBatches } from './batch-replay';
import type { BatchRecord } from './batch-rows';
import { checkItems } from './item-checks';
import { ownerOfKey, PayoutJournal } from './payout-journal';

// The payouts part of `verify` (issue 11). Against someone who holds the database key but not a
// person's signing key, each table is tied to something they cannot rewrite unseen:
// - payouts.batches: each batch is the replay of its audited steps, and its hold, the hold's
//   post and its release are in the journal as far as it has come (batch-checks.ts);
// - payouts.items: the items hash to the content hash the import audited and approvals signed,
//   and each item's status is its payment (and the bank's answer) in the journal
//   (item-checks.ts);
// - payouts.approvals: each approval is signed by its approver's key under their certificate,
//   and recorded by the audit log (approval-checks.ts).
// Every transfer into or out of 2400 and 2410 must be claimed by a batch or an item: a payment
// left behind by an item deleted, or set back to PENDING after it was paid, is named by the row
// its key names. One pass per table, the journal read through its account indexes only.

/** Each settle or return audit row by the item it names, and the first that names an item a second time. */
function resolutionsByItem(records: readonly AuditRecord[]): { byItem: Map<number, AuditRecord>; twice: AuditRecord | null } {
  const byItem = new Map<number, AuditRecord>();
  let twice: AuditRecord | null = null;
  for (const record of records) {
    const item = Number(record.after?.item);
    if (byItem.has(item)) twice ??= record;
    else byItem.set(item, record);
  }
  return { byItem, twice };
}

export const payoutsVerifier: Verifier = {
  domain: 'payouts',
  run(store: Store) {
    const records = auditRecords(store.sqlite, [...BATCH_ACTIONS, ...ITEM_ACTIONS, 'settings.update']);
    const replay = replayBatches(records.filter((record) => (BATCH_ACTIONS as readonly string[]).includes(record.action)));
    const rows = store.sqlite.prepare('SELECT * FROM payout_batches ORDER BY id').all() as BatchRecord[];
    const batches = new Map(rows.map((row) => [row.id, row]));
    const journal = new PayoutJournal(store);

    const itemFault = new FirstFault();
    const resolutions = resolutionsByItem(records.filter((record) => (ITEM_ACTIONS as readonly string[]).includes(record.action)));
    const { tallies, items } = checkItems(store, itemFault, batches, journal, resolutions.byItem);
    const unresolved = [...resolutions.byItem.values(), ...(resolutions.twice ? [resolutions.twice] : [])];
    for (const record of unresolved) {
      itemFault.note('payout_items', Number(record.after?.item), `audit row ${record.id} (${record.action}) names item ${String(record.after?.item)}, which the bank's answer did not resolve so`);
    }

    const batchFault = new FirstFault();
    const thresholds = records.filter((record) => record.action === 'settings.update' && record.after && 'payoutSecondApprovalAbove' in record.after);
    checkBatches(batchFault, rows, replay, { journal, tallies, jobs: executeJobs(store), thresholds });

    for (const transfer of journal.unclaimed()) {
      const owner = ownerOfKey(transfer.idempotency_key);
      const detail = `transfer ${transfer.id} (${transfer.idempotency_key}) moves payout money that no batch or item accounts for`;
      if (owner?.table === 'payout_items') itemFault.note(owner.table, owner.id, detail);
      else if (owner) batchFault.note(owner.table, owner.id, detail);
      else batchFault.note('transfers', transfer.id, detail);
    }

    return {
      checks: [
        batchFault.result('payouts.batches', `${rows.length} payout batches, each as its audited steps and the journal have it`, { batches: rows.length, transfers: journal.size }),
        itemFault.result('payouts.items', `${items} payout items, each batch's hashing to its approved content, each paid as the journal shows`, { items }),
        checkApprovals(store, batches, replay.batches),
      ],
    };
  },
};
