import type { Session } from '../../../src-shared/contract/session';
import type { ApprovalRequest } from '../../../src-shared/contract/wallets';
import type { CallContext, HandlerMap } from '../handler';
import { deposit, pay, transferBetweenMembers, withdraw } from '../../wallets/teller-operations';
import { reverseOperation } from '../../wallets/wallet-reversal';
import { walletHistory, walletSummary } from '../../wallets/wallet-queries';
import { getReceipt, type Approver, type Teller } from '../../wallets/receipts';
import { counterDay } from '../../wallets/counter-day';
import { proveApprover } from '../../wallets/counter-approval';
import type { CounterClearance } from '../../wallets/counter-limits';

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

/**
 * Runs an operation at the counter under the caller's certified role. A second person's approval
 * is proven first (scrypt, outside the operation's transaction); a dry run proves none and stays
 * synchronous, answering `approvalRequired` where posting would need one.
 */
function atCounter<T>(ctx: CallContext, approval: ApprovalRequest | undefined, operate: (clearance: CounterClearance) => T): T | Promise<T> {
  const clearance = (approver: Approver | null): CounterClearance => ({ at: 'counter', role: ctx.app.certifiedRole(), approver, preview: ctx.dryRun === true });
  if (ctx.dryRun || !approval) return operate(clearance(null));
  return proveApprover(ctx.store, ctx.session.username, approval, ctx.now).then((approver) => operate(clearance(approver)));
}

export const walletHandlers: HandlerMap<WalletChannel> = {
  'wallets.summary': (input, { store }) => walletSummary(store, input.memberId),
  'wallets.history': (input, { store }) => walletHistory(store, input),
  'wallets.deposit': (input, ctx) => atCounter(ctx, input.approval, (clearance) => deposit(ctx.store, teller(ctx.session), input, ctx.now, clearance)),
  'wallets.withdraw': (input, ctx) => atCounter(ctx, input.approval, (clearance) => withdraw(ctx.store, teller(ctx.session), input, ctx.now, clearance)),
  'wallets.pay': (input, ctx) => atCounter(ctx, input.approval, (clearance) => pay(ctx.store, teller(ctx.session), input, ctx.now, clearance)),
  'wallets.transfer': (input, ctx) => atCounter(ctx, input.approval, (clearance) => transferBetweenMembers(ctx.store, teller(ctx.session), input, ctx.now, clearance)),
  'wallets.reverse': (input, ctx) => atCounter(ctx, input.approval, (clearance) => reverseOperation(ctx.store, teller(ctx.session), input, ctx.now, clearance)),
  'wallets.receipt': (input, { store }) => getReceipt(store, input.receiptNumber),
  'wallets.counterDay': (input, { store, session }) => counterDay(store, session.username, input.from, input.to),
};
