import { AppError } from '../../src-shared/errors';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import type { PointLotsTable } from './tables';

// Lots and their lineage. Every change to a lot's remaining is a row of point_moves naming the
// transfer that made it, so a lot's remaining is the sum of its moves and each spend's lineage
// adds up to its transfer. Spending takes from the lot that expires first (never-expiring lots
// last), then the oldest: a later lot never "collapses" when an earlier one expires, because
// expiry removes only what remains in the lot it ends.

export interface LineagePart {
  lotId: number;
  points: number;
}

const lotStatements = perConnection((sqlite) => ({
  insertLot: sqlite.prepare(
    `INSERT INTO point_lots (id, member_id, rule, rules_version, amount, remaining, earned_at, spendable_at, expires_at, source)
     VALUES (@id, @member_id, @rule, @rules_version, @amount, @amount, @earned_at, @spendable_at, @expires_at, @source)`,
  ),
  insertMove: sqlite.prepare('INSERT INTO point_moves (transfer_id, lot_id, points) VALUES (?, ?, ?)'),
  changeRemaining: sqlite.prepare('UPDATE point_lots SET remaining = remaining + ? WHERE id = ?'),
  /**
   * Live lots in spending order; `spendable_at <= ?` leaves out lots still in their pending
   * window, `expires_at > ?` lots past their expiry that the next expiry run has yet to empty.
   */
  fefo: sqlite.prepare<[number, string, string], { id: number; remaining: number }>(
    `SELECT id, remaining FROM point_lots WHERE member_id = ? AND remaining > 0 AND spendable_at <= ? AND (expires_at IS NULL OR expires_at > ?)
     ORDER BY expires_at IS NULL, expires_at, id`,
  ),
  lot: sqlite.prepare<[number], PointLotsTable>('SELECT * FROM point_lots WHERE id = ?'),
  movesOf: sqlite.prepare<[number], LineagePart>('SELECT lot_id AS lotId, -points AS points FROM point_moves WHERE transfer_id = ? ORDER BY lot_id'),
  sums: sqlite.prepare<{ at: string; member: number }, { balance: number | null; spendable: number | null; pending: number | null }>(
    `SELECT sum(remaining) AS balance,
            sum(CASE WHEN spendable_at <= @at AND (expires_at IS NULL OR expires_at > @at) THEN remaining END) AS spendable,
            sum(CASE WHEN spendable_at > @at AND (expires_at IS NULL OR expires_at > @at) THEN remaining END) AS pending
     FROM point_lots WHERE member_id = @member AND remaining > 0`,
  ),
}));

/** A time after every lot's pending window: a take-back or an adjustment takes from every lot, spendable yet or not, expired or not. */
export const ANY_TIME = '9999-12-31T23:59:59.999Z';

export type NewLot = Omit<PointLotsTable, 'remaining' | 'revoked_at' | 'shortfall'>;

/** A new lot, its whole amount as its first move (made by the transfer that earned it, whose id it takes). */
export function insertLot(store: Store, lot: NewLot): void {
  const statements = lotStatements(store.sqlite);
  statements.insertLot.run(lot);
  statements.insertMove.run(lot.id, lot.id, lot.amount);
}

export function getLot(store: Store, id: number): PointLotsTable | undefined {
  return lotStatements(store.sqlite).lot.get(id);
}

/**
 * Points held at `at` (every lot's remaining, as the ledger holds them), those spendable (past
 * their pending window and not past their expiry) and those pending (still in the window). Points
 * past their expiry are held until the next expiry run, and can no longer be spent.
 */
export function pointsHeld(store: Store, memberId: number, at: string): { balance: number; spendable: number; pending: number } {
  const row = lotStatements(store.sqlite).sums.get({ at, member: memberId });
  return { balance: row?.balance ?? 0, spendable: row?.spendable ?? 0, pending: row?.pending ?? 0 };
}

/**
 * Which lots `points` would come from, in spending order: the named lot first when given (a
 * refund takes back its own lot's points before any other), then soonest expiry. Reads only;
 * POINTS_INSUFFICIENT when the lots hold less, unless `upTo` asks for as much as there is.
 */
export function planTake(store: Store, memberId: number, points: number, at: string, options: { first?: number; upTo?: boolean } = {}): LineagePart[] {
  const plan: LineagePart[] = [];
  let left = points;
  const take = (lotId: number, remaining: number) => {
    const part = Math.min(left, remaining);
    if (part > 0) plan.push({ lotId, points: part });
    left -= part;
  };
  const first = options.first === undefined ? undefined : getLot(store, options.first);
  if (first) take(first.id, first.remaining);
  // A take-back or an adjustment (at ANY_TIME) may take from a lot past its expiry too: its points are still held.
  for (const lot of lotStatements(store.sqlite).fefo.iterate(memberId, at, at === ANY_TIME ? '' : at)) {
    if (left === 0) break;
    if (lot.id !== first?.id) take(lot.id, lot.remaining);
  }
  if (left > 0 && !options.upTo) {
    throw new AppError('POINTS_INSUFFICIENT', `The member has ${points - left} points to spend; ${points} are needed.`, { field: 'points', available: points - left, points });
  }
  return plan;
}

/** Takes each part from its lot, recorded as moves of `transferId`. */
export function takeFromLots(store: Store, transferId: number, plan: readonly LineagePart[]): void {
  const statements = lotStatements(store.sqlite);
  for (const part of plan) {
    statements.changeRemaining.run(-part.points, part.lotId);
    statements.insertMove.run(transferId, part.lotId, -part.points);
  }
}

/** What a transfer took from each lot (positive points), e.g. to give a reversed redemption back. */
export function lineageOf(store: Store, transferId: number): LineagePart[] {
  return lotStatements(store.sqlite).movesOf.all(transferId);
}

/** Gives each part back to the lot it came from (with that lot's own expiry), as moves of `transferId`. */
export function giveBackToLots(store: Store, transferId: number, parts: readonly LineagePart[]): void {
  const statements = lotStatements(store.sqlite);
  for (const part of parts) {
    statements.changeRemaining.run(part.points, part.lotId);
    statements.insertMove.run(transferId, part.lotId, part.points);
  }
}
