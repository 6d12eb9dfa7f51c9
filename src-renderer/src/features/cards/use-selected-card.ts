import { useSearchParams } from 'react-router';
import type { Card } from '../../../../src-shared/contract/cards';

// The card open on the member's Cards tab is in the URL (`card=12`), so Back and a reload return
// to it. Without one, the newest card still in use is open.

export const CARD_PARAM = 'card';

/** The card to open: the one the URL names if the member has it, else the newest not cancelled, else the newest. */
export function openCard(cards: readonly Card[], wanted: number | null): Card | undefined {
  return cards.find((card) => card.id === wanted) ?? cards.find((card) => card.state !== 'cancelled') ?? cards[0];
}

export function useSelectedCard(): [number | null, (cardId: number) => void] {
  const [params, setParams] = useSearchParams();
  const value = Number(params.get(CARD_PARAM));
  const select = (cardId: number) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(CARD_PARAM, String(cardId));
        return next;
      },
      { replace: true },
    );
  return [Number.isInteger(value) && value > 0 ? value : null, select];
}
