import { revealSealed, type Revealed } from '../sealed/reveal';
import type { Store } from '../store/store';
import { cardVerificationValue, printedExpiry } from './card-numbers';
import { maskedPanOf } from './card-rows';
import { getCardRow } from './card-states';
import { openCardPan } from './issue';
import { getProgramRow, verificationKey } from './programs';

// Revealing a card's full number and CVV (permission cards.reveal, admins), to read them to the
// holder or settle a dispute: a reason is required, the audit row keeps the reason and the masked
// number only, and the screen hides the values again after REVEAL_VISIBLE_SECONDS. A cancelled
// card can still be revealed: disputes about its past payments come after it is cancelled.

type RevealedCard = { pan: string; expiry: string; cvv: string };

export function revealCard(store: Store, actor: string, cardId: number, reason: string, now: Date): Revealed<RevealedCard> {
  return revealSealed<RevealedCard>(store, actor, reason, () => {
    const row = getCardRow(store, cardId);
    const pan = openCardPan(store, row);
    const cvv = cardVerificationValue(verificationKey(store, getProgramRow(store, row.program_id)), pan, row.expiry_month);
    return {
      clear: { pan, expiry: printedExpiry(row.expiry_month), cvv },
      record: { action: 'card.reveal', entityType: 'card', entityId: String(row.id), masked: { maskedNumber: maskedPanOf(row) } },
    };
  }, now);
}
