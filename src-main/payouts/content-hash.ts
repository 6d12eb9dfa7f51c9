import type { Selectable } from 'kysely';
import { createHash } from 'node:crypto';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import type { PayoutItemsTable } from './tables';

// A batch's canonical content: its currency and every item as it was imported (reference,
// member, amount, destination and the bank card it resolved to, the note, the problems found and
// whether it is payable), in item order. Its SHA-256 is recorded by the import's audit row and
// signed by each approval; execution refuses (APPROVAL_STALE) and verify names the batch when the
// items no longer hash to it. Status, code and transfer ids are what execution writes, so they
// are not content.

export type ContentFields = Pick<
  Selectable<PayoutItemsTable>,
  'id' | 'line' | 'reference' | 'member_no' | 'member_id' | 'amount_text' | 'amount' | 'currency' | 'destination' | 'bank_card_id' | 'note' | 'problems' | 'payable'
>;

const itemsOf = perConnection((sqlite) =>
  sqlite.prepare<[number], ContentFields>(
    `SELECT id, line, reference, member_no, member_id, amount_text, amount, currency, destination, bank_card_id, note, problems, payable
     FROM payout_items WHERE batch_id = ? ORDER BY id`,
  ),
);

/** Hashes a batch's items fed in item order; verify feeds them from its own single pass over every item. */
export function contentHasher(batchId: number, currency: string): { add(item: ContentFields): void; digest(): string } {
  const hash = createHash('sha256').update(JSON.stringify(['paydesk/payout-batch/v1', batchId, currency])).update('\n');
  return {
    add(item) {
      hash.update(
        JSON.stringify([item.id, item.line, item.reference, item.member_no, item.member_id, item.amount_text, item.amount, item.currency, item.destination, item.bank_card_id, item.note, item.problems, item.payable]),
      );
      hash.update('\n');
    },
    digest: () => hash.digest('hex'),
  };
}

export function contentHashOf(store: Store, batchId: number, currency: string): string {
  const hasher = contentHasher(batchId, currency);
  for (const item of itemsOf(store.sqlite).iterate(batchId)) hasher.add(item);
  return hasher.digest();
}
