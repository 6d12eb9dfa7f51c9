import type { DueTask } from '../jobs/due-tasks';
import { recordAudit } from '../audit/record-audit';
import { voidHold } from '../ledger';
import { execute, prepare } from '../store/sql';
import type { Store } from '../store/store';
import { holdExpiryKey } from './card-ledger';
import { cardsSql } from './tables';

// Authorizations whose hold time has passed uncaptured: their hold is voided, they are marked
// expired and stop counting against the limits. The void uses the ledger's own expiry key, so
// this task (which runs first) and the ledger's hold expiry can never both void one hold. A held
// authorization whose hold something else already voided (the ledger's run, before this task
// existed) is healed: marked expired with that void as its resolution.

interface DueAuthorization {
  id: number;
  hold_id: number;
  resolution_id: number | null;
}

// The `status = 'held'` literal lets SQLite walk the partial index card_authorizations_held. A
// hold posted other than by a capture is left as it is: only a capture posts a card's hold.
const DUE_SQL = `SELECT a.id, a.hold_id, r.id AS resolution_id
  FROM card_authorizations a JOIN transfers h ON h.id = a.hold_id LEFT JOIN transfers r ON r.pending_id = a.hold_id
  WHERE a.status = 'held' AND (r.state = 'void_pending' OR (r.id IS NULL AND h.expires_at <= ?)) ORDER BY a.id`;

/** Expires every held authorization past its hold time, in one transaction audited under `actor`. */
export function expireAuthorizations(store: Store, actor: string, now: Date): { expired: number } {
  return store.sqlite
    .transaction(() => {
      const due = prepare(store.sqlite, DUE_SQL).all(now.toISOString()) as DueAuthorization[];
      for (const authorization of due) {
        const resolvedBy = authorization.resolution_id ?? voidHold(store, { holdId: authorization.hold_id, idempotencyKey: holdExpiryKey(authorization.hold_id), actor: 'system', at: now }).id;
        execute(store.sqlite, cardsSql.updateTable('card_authorizations').set({ status: 'expired', counted_amount: 0, resolved_by: resolvedBy }).where('id', '=', authorization.id));
      }
      if (due.length > 0) recordAudit(store, { actor, action: 'cards.expireAuthorizations', entityType: 'card_authorization', after: { expired: due.length, ids: due.map((a) => a.id) } }, now);
      return { expired: due.length };
    })
    .immediate();
}

export const authorizationExpiryTask: DueTask = {
  name: 'cards.expireAuthorizations',
  run: (store, actor, now) => expireAuthorizations(store, actor, now),
};
