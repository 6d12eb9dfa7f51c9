import type { Session } from '../../../src-shared/contract/session';
import type { HandlerMap } from '../handler';
import { deposit, pay, transferBetweenMembers, withdraw } from '../../wallets/teller-operations';
import { reverseOperation } from '../../wallets/wallet-reversal';
import { walletHistory, walletSummary } from '../../wallets/wallet-queries';
import { getReceipt, type Teller } from '../../wallets/receipts';
import { counterDay } from '../../wallets/counter-day';

type WalletChannel =
  | 'wallets.summary'
  | 'wallets.history'
  | 'wallets.deposit'
  | 'wallets.withdraw'
  | 'wallets.pay'
  | 'wallets.transfer'
  | 'wallets.reverse'
  | 'wallets.receipt'
  | 'wallets.counterDay';

/** The receipt names the signed-in person as the teller. */
function teller(session: Session): Teller {
  return { username: session.username, displayName: session.displayName };
}

export const walletHandlers: HandlerMap<WalletChannel> = {
  'wallets.summary': (input, { store }) => walletSummary(store, input.memberId),
  'wallets.history': (input, { store }) => walletHistory(store, input),
  'wallets.deposit': (input, { store, session, now }) => deposit(store, teller(session), input, now),
  'wallets.withdraw': (input, { store, session, now }) => withdraw(store, teller(session), input, now),
  'wallets.pay': (input, { store, session, now }) => pay(store, teller(session), input, now),
  'wallets.transfer': (input, { store, session, now }) => transferBetweenMembers(store, teller(session), input, now),
  'wallets.reverse': (input, { store, session, now }) => reverseOperation(store, teller(session), input, now),
  'wallets.receipt': (input, { store }) => getReceipt(store, input.receiptNumber),
  'wallets.counterDay': (input, { store, session }) => counterDay(store, session.username, input.from, input.to),
};
