import type { HandlerMap } from '../handler';
import { AppError } from '../../../src-shared/errors';

type BankCardChannel = 'bankCards.list' | 'bankCards.link' | 'bankCards.setDefault' | 'bankCards.unlink';

// TEMPORARY while bank cards are being written this session: replaced before commit.
const notYet = (channel: string) => () => {
  throw new AppError('INTERNAL', `${channel} is not built yet.`);
};

export const bankCardHandlers: HandlerMap<BankCardChannel> = {
  'bankCards.list': notYet('bankCards.list'),
  'bankCards.link': notYet('bankCards.link'),
  'bankCards.setDefault': notYet('bankCards.setDefault'),
  'bankCards.unlink': notYet('bankCards.unlink'),
};
