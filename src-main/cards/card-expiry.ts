import type { DueTask } from '../jobs/due-tasks';
import { businessMonth } from './business-zone';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { writeCardChange } from './card-states';
import type { CardRow } from './card-rows';

// Cards past their expiry move to cancelled with the reason `expired`, channel system. A card
// works through the last day of its expiry month as the business time zone counts it (the
// calendar its limits follow), so it is due once that zone's calendar reaches the next month.
// Registered as a due task: it runs at sign-in, every minute while the data is open, and with
// `paydesk jobs run`.

/** Cancels every card whose expiry month has ended, in one immediate transaction; one event and audit row per card. */
export function expireCards(store: Store, actor: string, now: Date): { expired: number } {
  return store.sqlite
    .transaction(() => {
      const month = businessMonth(store, now);
      // Ordered as the partial index cards_expiry is, so a run with nothing due is one index seek.
      const due = prepare(store.sqlite, `SELECT * FROM cards WHERE state <> 'cancelled' AND expiry_month < ? ORDER BY expiry_month, id`).all(month) as CardRow[];
      for (const row of due) writeCardChange(store, { actor, channel: 'system', now }, row, 'expire', {});
      return { expired: due.length };
    })
    .immediate();
}

export const cardExpiryTask: DueTask = {
  name: 'cards.expireCards',
  run: (store, actor, now) => expireCards(store, actor, now),
};
