import { inLedgerTransaction } from '../ledger';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { ANY_TIME, planTake } from './lots';
import { writePointsDebit } from './point-debits';
import { findPointsAccountId } from './points-account';

// A refunded payment takes back the points it earned. What is left of its own lot goes first;
// what was already spent comes from the member's other points, soonest expiry first; what was
// allowed to expire is not taken twice. If the member holds too few, the shortfall is written on
// the lot and shown, never dropped. The lot is revoked: its points no longer qualify for a tier.

const clawbackStatements = perConnection((sqlite) => ({
  paymentLot: sqlite.prepare<[number, string], { id: number; amount: number }>(
    `SELECT id, amount FROM point_lots WHERE member_id = ? AND rule = 'payment' AND source = ? AND revoked_at IS NULL`,
  ),
  expiredFrom: sqlite.prepare<[number], number | null>(
    `SELECT -sum(m.points) FROM point_moves m JOIN transfers t ON t.id = m.transfer_id WHERE m.lot_id = ? AND t.kind = 'points_expire'`,
  ).pluck(),
  revoke: sqlite.prepare('UPDATE point_lots SET revoked_at = ?, shortfall = ? WHERE id = ?'),
}));


export interface Clawback {
  lotId: number;
  taken: number;
  shortfall: number;
  transferId: number | null;
}

/** Takes back what the payment under `receiptNumber` earned; null when it earned nothing. Call inside the reversal's transaction. */
export function clawBackPaymentPoints(store: Store, memberId: number, receiptNumber: string, key: string, actor: string, now: Date): Clawback | null {
  const statements = clawbackStatements(store.sqlite);
  const lot = statements.paymentLot.get(memberId, receiptNumber);
  if (!lot) return null;
  const owed = lot.amount - (statements.expiredFrom.get(lot.id) ?? 0);
  const plan = owed > 0 ? planTake(store, memberId, owed, ANY_TIME, { first: lot.id, upTo: true }) : [];
  const taken = plan.reduce((sum, part) => sum + part.points, 0);
  let transferId: number | null = null;
  if (taken > 0) {
    const account = findPointsAccountId(store, memberId)!;
    transferId = inLedgerTransaction(store, (writer) =>
      writePointsDebit(store, writer, {
        account, to: 'points_issued', kind: 'points_clawback', move: 'clawback', rule: 'payment', detail: receiptNumber, key, actor, at: now, causeRef: `receipt:${receiptNumber}`, plan,
      }),
    );
  }
  statements.revoke.run(now.toISOString(), owed - taken, lot.id);
  return { lotId: lot.id, taken, shortfall: owed - taken, transferId };
}
