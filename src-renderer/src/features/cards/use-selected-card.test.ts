import { describe, expect, it } from 'vitest';
import type { Card } from '../../../../src-shared/contract/cards';
import { openCard } from './use-selected-card';

const card = (id: number, state: Card['state']) => ({ id, state }) as Card;

describe('the card the Cards tab opens', () => {
  const cards = [card(3, 'cancelled'), card(2, 'active'), card(1, 'frozen')];

  it('opens the card the URL names when the member has it', () => {
    expect(openCard(cards, 1)?.id).toBe(1);
    expect(openCard(cards, 3)?.id).toBe(3);
  });

  it('opens the newest card still in use when the URL names none, or another member’s', () => {
    expect(openCard(cards, null)?.id).toBe(2);
    expect(openCard(cards, 99)?.id).toBe(2);
  });

  it('opens the newest card when all are cancelled, and none when there are none', () => {
    expect(openCard([card(5, 'cancelled'), card(4, 'cancelled')], null)?.id).toBe(5);
    expect(openCard([], null)).toBeUndefined();
  });
});
