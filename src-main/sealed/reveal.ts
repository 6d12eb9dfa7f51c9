import { AppError } from '../../src-shared/errors';
import { recordAudit } from '../audit/record-audit';
import type { Store } from '../store/store';

// Revealing is the one way a sealed value leaves the main process in clear (an ID document
// checked at the counter; a card number read to its holder). Every reveal:
// - needs its channel's permission, which the router checks before the handler runs;
// - names a reason, kept in an audit row beside the masked value, never the clear one;
// - tells the screen how long it may show the value, after which the screen hides it.

/** How long a revealed value stays on screen (issue 10 asks 30 seconds for a card number). */
export const REVEAL_VISIBLE_SECONDS = 30;

/** The audit row of one reveal, besides its actor and reason. */
export interface RevealRecord {
  action: string;
  entityType: string;
  entityId: string;
  /** The masked forms of what was revealed, e.g. `{ idDocument: '••••5678' }`. */
  masked: Record<string, string | null>;
}

export interface Revelation<T extends object> {
  clear: T;
  /** Null when the row has nothing sealed: nothing is shown, so nothing is audited. */
  record: RevealRecord | null;
}

export type Revealed<T extends object> = T & { visibleForSeconds: number };

/**
 * Runs `open` (read the row, open its sealed fields) and audits the reveal, in one write
 * transaction: a reveal that is not in the audit log did not happen.
 */
export function revealSealed<T extends object>(store: Store, actor: string, reason: string, open: () => Revelation<T>, now = new Date()): Revealed<T> {
  if (reason.trim() === '') throw new AppError('INVALID_INPUT', 'Say why the value must be revealed.', { field: 'reason' });
  return store.sqlite.transaction(() => {
    const { clear, record } = open();
    if (record !== null) {
      const { masked, ...entity } = record;
      recordAudit(store, { actor, ...entity, after: { reason, ...masked } }, now);
    }
    return { ...clear, visibleForSeconds: REVEAL_VISIBLE_SECONDS };
  }).immediate();
}
