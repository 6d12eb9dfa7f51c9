import type { Card, CardState } from '../../../../src-shared/contract/cards';
import { can, type Permission, type Role } from '../../../../src-shared/permissions';

// Which buttons a card shows: the moves its state allows (inactive → active ↔ frozen → cancelled,
// cancelled is final) that the signed-in role may make. The router checks both again and answers
// CARD_STATE_INVALID or FORBIDDEN; the screen only leaves out what would be refused.

export const CARD_ACTIONS = ['activate', 'freeze', 'unfreeze', 'cancel', 'replace', 'reveal'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

const LIVE: readonly CardState[] = ['inactive', 'active', 'frozen'];
const FROM: Record<CardAction, readonly CardState[]> = {
  activate: ['inactive'],
  freeze: ['active'],
  unfreeze: ['frozen'],
  cancel: LIVE,
  replace: LIVE,
  reveal: LIVE,
};

/** The permission of each action's channel (src-shared/contract/cards.ts). */
const PERMISSION: Record<CardAction, Permission> = {
  activate: 'cards.manage',
  freeze: 'cards.manage',
  unfreeze: 'cards.manage',
  cancel: 'cards.manage',
  replace: 'cards.issue',
  reveal: 'cards.reveal',
};

export function cardActions(card: Pick<Card, 'state'>, role: Role): CardAction[] {
  return CARD_ACTIONS.filter((action) => FROM[action].includes(card.state) && can(role, PERMISSION[action]));
}
