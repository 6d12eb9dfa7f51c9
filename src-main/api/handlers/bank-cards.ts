import type { HandlerMap } from '../handler';
import { listBankCards } from '../../cards/bank-card-rows';
import { linkBankCard, setDefaultBankCard, unlinkBankCard } from '../../cards/bank-cards';

type BankCardChannel = 'bankCards.list' | 'bankCards.link' | 'bankCards.setDefault' | 'bankCards.unlink';

export const bankCardHandlers: HandlerMap<BankCardChannel> = {
  'bankCards.list': (input, { store }) => listBankCards(store, input.memberId, input.includeUnlinked),
  'bankCards.link': (input, { store, session, now }) => linkBankCard(store, session.username, input, now),
  'bankCards.setDefault': (input, { store, session, now }) => setDefaultBankCard(store, session.username, input.bankCardId, now),
  'bankCards.unlink': (input, { store, session, now }) => unlinkBankCard(store, session.username, input.bankCardId, input.reason, now),
};
