import type { HandlerMap } from '../handler';
import { cardActivity, getAuthorization } from '../../cards/authorization-rows';
import { authorizeCard } from '../../cards/authorize';
import { captureAuthorization, voidAuthorization } from '../../cards/capture';
import { listMemberLimits, setMemberLimits } from '../../cards/member-limits';
import { cardAllowance } from '../../cards/spending';

type CardTerminalChannel =
  | 'cards.memberLimits'
  | 'cards.setMemberLimits'
  | 'cards.allowance'
  | 'cards.activity'
  | 'cards.authorize'
  | 'cards.capture'
  | 'cards.void'
  | 'cards.getAuthorization';

export const cardTerminalHandlers: HandlerMap<CardTerminalChannel> = {
  'cards.memberLimits': (input, { store }) => listMemberLimits(store, input.memberId),
  'cards.setMemberLimits': (input, { store, session, now }) => setMemberLimits(store, session.username, input, now),
  'cards.allowance': (input, { store, now }) => cardAllowance(store, input.cardId, now),
  'cards.activity': (input, { store }) => cardActivity(store, input.cardId, input),
  // Synchronous, as a previewable channel's handler must be: a dry run is the terminal's preview.
  'cards.authorize': (input, { store, session, now }) => authorizeCard(store, session.username, input, now),
  'cards.capture': (input, { store, session, now }) => captureAuthorization(store, session.username, input, now),
  'cards.void': (input, { store, session, now }) => voidAuthorization(store, session.username, input, now),
  'cards.getAuthorization': (input, { store }) => getAuthorization(store, input.authorizationId),
};
