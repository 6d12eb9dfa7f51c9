import { CARD_STATES, type CardState } from '../../src-shared/contract/cards';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';

// Cards by state for the dashboard: a count of cards_state (migration 0014), every state listed.

export function cardsByState(store: Store): { state: CardState; cards: number }[] {
  const counted = new Map(
    (prepare(store.sqlite, 'SELECT state, count(*) AS cards FROM cards INDEXED BY cards_state GROUP BY state').all() as { state: CardState; cards: number }[]).map((row) => [row.state, row.cards]),
  );
  return CARD_STATES.map((state) => ({ state, cards: counted.get(state) ?? 0 }));
}
