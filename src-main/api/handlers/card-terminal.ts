import type { HandlerMap } from '../handler';
import { AppError } from '../../../src-shared/errors';

type CardTerminalChannel =
  | 'cards.memberLimits'
  | 'cards.setMemberLimits'
  | 'cards.allowance'
  | 'cards.activity'
  | 'cards.authorize'
  | 'cards.capture'
  | 'cards.void'
  | 'cards.getAuthorization';

// TEMPORARY while limits and authorizations are being written this session: replaced before commit.
const notYet = (channel: string) => () => {
  throw new AppError('INTERNAL', `${channel} is not built yet.`);
};

export const cardTerminalHandlers: HandlerMap<CardTerminalChannel> = {
  'cards.memberLimits': notYet('cards.memberLimits'),
  'cards.setMemberLimits': notYet('cards.setMemberLimits'),
  'cards.allowance': notYet('cards.allowance'),
  'cards.activity': notYet('cards.activity'),
  'cards.authorize': notYet('cards.authorize'),
  'cards.capture': notYet('cards.capture'),
  'cards.void': notYet('cards.void'),
  'cards.getAuthorization': notYet('cards.getAuthorization'),
};
