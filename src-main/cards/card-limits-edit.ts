import { AppError } from '../../src-shared/errors';
import type { Card } from '../../src-shared/contract/cards';
import type { SpendingLimits } from '../../src-shared/cards/limits';
import { recordAudit } from '../audit/record-audit';
import { execute } from '../store/sql';
import type { Store } from '../store/store';
import { cardAuditSummary, getCard } from './card-rows';
import { getCardRow } from './card-states';
import { parseLimits } from './programs';
import { cardsSql } from './tables';

// A card's own spending limits (the member's are set apart, per currency). The router has parsed
// them with spendingLimitsSchema; the change is audited with the card's summary before and after,
// as every card change is (card-states.ts). A cancelled card keeps the limits it ended with.

export function setCardLimits(store: Store, actor: string, cardId: number, limits: SpendingLimits, now: Date): Card {
  return store.sqlite
    .transaction(() => {
      const before = getCardRow(store, cardId);
      if (before.state === 'cancelled') {
        throw new AppError('CARD_STATE_INVALID', `Card ${cardId} is cancelled; its limits stay as they were.`, { field: 'cardId', from: 'cancelled', to: 'cancelled' });
      }
      const json = JSON.stringify(limits);
      if (JSON.stringify(parseLimits(before.limits)) === json) return getCard(store, cardId);
      execute(store.sqlite, cardsSql.updateTable('cards').set({ limits: json }).where('id', '=', cardId));
      const after = { ...before, limits: json };
      recordAudit(store, { actor, action: 'card.setLimits', entityType: 'card', entityId: cardId, before: cardAuditSummary(before), after: cardAuditSummary(after) }, now);
      return getCard(store, cardId);
    })
    .immediate();
}
