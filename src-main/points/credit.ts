import { perConnection } from '../store/sql';
import type { Store } from '../store/store';

// Wallet money that came from redeemed points ("redeemed credit"). A payment is made with it
// first, and the part paid with it earns no points, so points never earn points. Every wallet
// debit spends it first too, and it never exceeds what the wallet holds: money that left the
// wallet cannot still count as credit. Each change is a row naming the transfer that made it.

const creditStatements = perConnection((sqlite) => ({
  sum: sqlite.prepare<[number, string], number | null>('SELECT sum(amount) FROM point_credit WHERE member_id = ? AND currency = ?').pluck(),
  byTransfer: sqlite.prepare<[number, number], number>('SELECT amount FROM point_credit WHERE transfer_id = ? AND member_id = ?').pluck(),
  insert: sqlite.prepare('INSERT INTO point_credit (transfer_id, member_id, currency, amount) VALUES (?, ?, ?, ?)'),
  perCurrency: sqlite.prepare<[number], { currency: string; amount: number }>(
    'SELECT currency, sum(amount) AS amount FROM point_credit WHERE member_id = ? GROUP BY currency HAVING sum(amount) > 0 ORDER BY currency',
  ),
}));

export function creditOf(store: Store, memberId: number, currency: string): number {
  return creditStatements(store.sqlite).sum.get(memberId, currency) ?? 0;
}

export function creditByCurrency(store: Store, memberId: number): { currency: string; amount: number }[] {
  return creditStatements(store.sqlite).perCurrency.all(memberId);
}

function move(store: Store, transferId: number, memberId: number, currency: string, amount: number): void {
  if (amount !== 0) creditStatements(store.sqlite).insert.run(transferId, memberId, currency, amount);
}

export function addCredit(store: Store, transferId: number, memberId: number, currency: string, amount: number): void {
  move(store, transferId, memberId, currency, amount);
}

/**
 * A wallet debit of `spent` (0 for a debit that is not a spend, like a reversed deposit): spends
 * credit first, then lowers what is left to the wallet's balance after. Answers the credit spent,
 * which a payment earns no points on.
 */
export function spendCredit(store: Store, transferId: number, memberId: number, currency: string, spent: number, balanceAfter: number): number {
  const credit = creditOf(store, memberId, currency);
  const used = Math.min(credit, spent);
  const beyondBalance = Math.max(0, credit - used - Math.max(0, balanceAfter));
  move(store, transferId, memberId, currency, -(used + beyondBalance));
  return used;
}

/** What a transfer took from credit (positive), to give back when it is reversed. */
export function creditTakenBy(store: Store, transferId: number, memberId: number): number {
  const amount = creditStatements(store.sqlite).byTransfer.get(transferId, memberId) ?? 0;
  return amount < 0 ? -amount : 0;
}
