import type { PointRule } from '../../src-shared/contract/points';
import { queryBuilder } from '../store/sql';

// The points domain's tables (migration 0010): lots, the moves that change them, referrals and
// reviews, redeemed credit in wallets, and members' tiers.

export interface PointLotsTable {
  /** The id of the transfer that earned the lot. */
  id: number;
  member_id: number;
  rule: PointRule;
  rules_version: number;
  amount: number;
  remaining: number;
  earned_at: string;
  spendable_at: string;
  expires_at: string | null;
  source: string | null;
  revoked_at: string | null;
  shortfall: number;
}

export interface PointMovesTable {
  transfer_id: number;
  lot_id: number;
  /** The change to the lot's remaining: + earned or given back, − taken. */
  points: number;
}

export interface PointRecordsTable {
  id: number;
  kind: 'referral' | 'review';
  member_id: number;
  referred_id: number | null;
  reference: string | null;
  transfer_id: number | null;
  actor: string;
  created_at: string;
}

export interface PointCreditTable {
  transfer_id: number;
  member_id: number;
  currency: string;
  /** + paid in by a redemption (or given back by a reversal), − spent. */
  amount: number;
}

export interface MemberTiersTable {
  member_id: number;
  tier: string;
  floor: string | null;
  since: string;
}

export interface PointTables {
  point_lots: PointLotsTable;
  point_moves: PointMovesTable;
  point_records: PointRecordsTable;
  point_credit: PointCreditTable;
  member_tiers: MemberTiersTable;
}

export const pointsSql = queryBuilder<PointTables>();
