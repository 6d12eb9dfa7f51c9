import type { PointMove, PointRule } from '../../src-shared/points/moves';
import { pointsMemo } from '../../src-shared/system-memo';
import { systemAccount, writeMovement, type LedgerWriter, type SystemAccountRole } from '../ledger';
import type { Store } from '../store/store';
import { takeFromLots, type LineagePart } from './lots';

// Points leaving a member's points account otherwise than by redemption: a refund taking them
// back, an adjustment down, an expiry. One transfer to the operator's account for the move, and
// its lineage: what it took from each lot.

export interface PointsDebit {
  /** The member's points account. */
  account: number;
  to: SystemAccountRole;
  kind: string;
  move: PointMove;
  rule: PointRule | null;
  detail: string | null;
  key: string;
  actor: string;
  at: Date;
  causeRef?: string;
  /** Which lots, and how much of each: the transfer's amount is their sum. */
  plan: readonly LineagePart[];
}

/** Posts the debit through `writer` (inside the caller's ledger transaction) and takes it from the lots; answers the transfer's id. */
export function writePointsDebit(store: Store, writer: LedgerWriter, debit: PointsDebit): number {
  const row = writeMovement(writer, {
    idempotencyKey: debit.key,
    debitAccountId: debit.account,
    creditAccountId: systemAccount(store, debit.to, 'PTS').id,
    amount: debit.plan.reduce((sum, part) => sum + part.points, 0),
    kind: debit.kind,
    memo: pointsMemo({ move: debit.move, rule: debit.rule, detail: debit.detail, spendable: null, expires: null }),
    actor: debit.actor,
    at: debit.at,
    ...(debit.causeRef === undefined ? {} : { causeRef: debit.causeRef }),
  });
  takeFromLots(store, row.id, debit.plan);
  return row.id;
}
