import type { DueTask } from '../jobs/due-tasks';
import { recordAudit } from '../audit/record-audit';
import type { Store } from '../store/store';
import { expireHolds } from './holds';

/** Voids every hold past its expiry in one transaction, audited under `actor`, so the reserved funds come back. */
export function expireDueHolds(store: Store, actor: string, now: Date): { voided: number } {
  return store.sqlite
    .transaction(() => {
      const voided = expireHolds(store, now);
      if (voided > 0) recordAudit(store, { actor, action: 'ledger.expireHolds', entityType: 'ledger', after: { voided } }, now);
      return { voided };
    })
    .immediate();
}

export const holdExpiryTask: DueTask = {
  name: 'ledger.expireHolds',
  run: (store, actor, now) => expireDueHolds(store, actor, now),
};
