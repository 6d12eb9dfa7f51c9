import type { Transfer } from '../../src-shared/contract/ledger';
import { inLedgerTransaction } from '../ledger';
import type { MemberRow } from '../members/member-repo';
import type { Store } from '../store/store';
import { clawBackPaymentPoints } from './clawback';
import { creditTakenBy, addCredit, spendCredit } from './credit';
import { writeEarning } from './earn';
import { paymentPoints, savedLoyalty, tierById } from './loyalty';
import { raiseTier, tierRow } from './tier-state';

// What the points scheme adds to the counter's operations, each called inside the operation's
// own transaction so that the money and its points commit together or not at all:
// - a payment spends redeemed credit first and earns points on the rest, at the tier's multiplier;
// - its fee rate is the tier's, where the tier sets one;
// - any other wallet debit spends redeemed credit first;
// - a reversal takes back a payment's points and gives back the credit the original spent.

export interface CounterContext {
  key: string;
  actor: string;
  at: Date;
  receiptNumber: string;
}

/** The payment fee rate the member's tier sets; null: the currency's own rate. */
export function tierFeeRate(store: Store, memberId: number): number | null {
  const { rules } = savedLoyalty(store);
  return tierById(rules.tiers, tierRow(store, memberId, rules).tier)?.paymentFeeBps ?? null;
}

/**
 * After a payment posted: credit first, then points on what the member paid with their own money.
 * The payment spends credit, then its fee does, each recorded against its own transfer (verify
 * holds every credit move within its transfer).
 */
export function earnOnPayment(store: Store, ctx: CounterContext, member: MemberRow, payment: Transfer, fee: Transfer | undefined, walletBalanceAfter: number): void {
  const used = spendCredit(store, payment.id, member.id, payment.currency, payment.amount, walletBalanceAfter + (fee?.amount ?? 0));
  if (fee) spendCredit(store, fee.id, member.id, fee.currency, fee.amount, walletBalanceAfter);
  const saved = savedLoyalty(store);
  const tier = tierById(saved.rules.tiers, tierRow(store, member.id, saved.rules).tier);
  const points = paymentPoints(saved.rules.pointsPerUnitPaid, tier?.multiplier ?? 100, payment.amount - used, payment.currency);
  if (points === 0) return;
  inLedgerTransaction(store, (writer) =>
    writeEarning(store, writer, { member, rule: 'payment', points, detail: ctx.receiptNumber, key: `points:earn:${ctx.receiptNumber}`, actor: ctx.actor, causeRef: `receipt:${ctx.receiptNumber}` }, saved, ctx.at),
  );
  raiseTier(store, ctx.actor, member.id, saved.rules, ctx.at);
}

/** After a withdrawal or a transfer out: the money spent was credit first. */
export function spendCreditOnDebit(store: Store, memberId: number, debit: Transfer, walletBalanceAfter: number): void {
  spendCredit(store, debit.id, memberId, debit.currency, debit.amount, walletBalanceAfter);
}

/**
 * After a reversal posted (each reversal transfer paired with the one it undoes): a payment's
 * points are taken back, credit an original spent comes back, and a wallet the reversal debits
 * keeps no more credit than it holds.
 */
export function settleReversal(
  store: Store,
  ctx: CounterContext,
  original: { memberId: number; operation: string; receiptNumber: string },
  pairs: { original: Transfer; reversal: Transfer; walletOf: (accountId: number) => { memberId: number; balanceAfter: number } | undefined }[],
): void {
  for (const pair of pairs) {
    const debited = pair.walletOf(pair.reversal.debitAccountId);
    if (debited) spendCredit(store, pair.reversal.id, debited.memberId, pair.reversal.currency, 0, debited.balanceAfter);
    const credited = pair.walletOf(pair.reversal.creditAccountId);
    if (credited) addCredit(store, pair.reversal.id, credited.memberId, pair.reversal.currency, creditTakenBy(store, pair.original.id, credited.memberId));
  }
  if (original.operation === 'payment') {
    clawBackPaymentPoints(store, original.memberId, original.receiptNumber, `points:clawback:${original.receiptNumber}`, ctx.actor, ctx.at);
  }
}
