import type { Store } from '../store/store';
import { recordAudit } from '../audit/record-audit';
import { expireHolds } from '../ledger';

// Work that falls due with time rather than with a call: for now, voiding expired holds so the
// reserved funds come back. It runs at sign-in and then every minute while the data is unlocked,
// whatever the transport (Electron, browser mode, a long CLI command).

export const HOUSEKEEPING_INTERVAL_MS = 60_000;

/** Voids every hold past its expiry in one transaction, audited under `actor`. */
export function expireDueHolds(store: Store, actor: string, now: Date): { voided: number } {
  return store.sqlite
    .transaction(() => {
      const voided = expireHolds(store, now);
      if (voided > 0) recordAudit(store, { actor, action: 'ledger.expireHolds', entityType: 'ledger', after: { voided } }, now);
      return { voided };
    })
    .immediate();
}

/** Starts the minute timer; the returned function stops it. The timer never keeps Node alive. */
export function startHousekeeping(store: Store, clock: () => Date): () => void {
  const tick = () => {
    try {
      expireDueHolds(store, 'system', clock());
    } catch (error) {
      console.error(`startHousekeeping: expiring holds failed: ${(error as Error).message}`);
    }
  };
  tick();
  const timer = setInterval(tick, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
