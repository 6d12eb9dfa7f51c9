import { AppError } from '../../src-shared/errors';
import type { LoyaltyRules, Tier } from '../../src-shared/settings/loyalty-settings';
import { tierFor } from '../../src-shared/points/tiers';
import { recordAudit } from '../audit/record-audit';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { addMonths } from './loyalty';

// Where each member's tier is kept, and how it changes. A tier change is audited (member, from,
// to, why), so verify can replay every member's tier and floor from the audit log; the tier
// itself is always tierFor(qualifying points, floor) as of the last time it was decided.

export type TierCause = 'earned' | 'downgrade' | 'rules' | 'floor' | 'refund';

export interface TierRow {
  member_id: number;
  tier: string;
  floor: string | null;
  since: string;
}

/**
 * Which lots qualify at a time: earned in the window ending then, and not refunded by then. One
 * definition for the tier decisions, the review, the Loyalty preview and verify; its parameters
 * come from qualifyingWindow.
 */
export const QUALIFYING_LOTS = 'earned_at > ? AND earned_at <= ? AND (revoked_at IS NULL OR revoked_at > ?)';

/** Every member's qualifying points at a time: `SELECT member_id, points`, parameters from qualifyingWindow. */
export const QUALIFYING_BY_MEMBER = `SELECT member_id, sum(amount) AS points FROM point_lots WHERE ${QUALIFYING_LOTS} GROUP BY member_id`;

/** The parameters of QUALIFYING_LOTS for `at`. */
export function qualifyingWindow(rules: Pick<LoyaltyRules, 'tierWindowMonths'>, at: Date): [string, string, string] {
  const time = at.toISOString();
  return [windowStart(rules, at), time, time];
}

const tierStatements = perConnection((sqlite) => ({
  get: sqlite.prepare<[number], TierRow>('SELECT * FROM member_tiers WHERE member_id = ?'),
  upsert: sqlite.prepare(
    `INSERT INTO member_tiers (member_id, tier, floor, since) VALUES (@member_id, @tier, @floor, @since)
     ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier, floor = excluded.floor, since = excluded.since`,
  ),
  qualifying: sqlite.prepare<[number, string, string, string], number | null>(`SELECT sum(amount) FROM point_lots WHERE member_id = ? AND ${QUALIFYING_LOTS}`).pluck(),
  memberNumber: sqlite.prepare<[number], string>('SELECT member_number FROM members WHERE id = ?').pluck(),
}));

/** The window's start for `at`: earnings after it qualify. */
export function windowStart(rules: Pick<LoyaltyRules, 'tierWindowMonths'>, at: Date): string {
  return addMonths(at, -rules.tierWindowMonths).toISOString();
}

export function qualifyingPoints(store: Store, memberId: number, rules: Pick<LoyaltyRules, 'tierWindowMonths'>, at: Date): number {
  return tierStatements(store.sqlite).qualifying.get(memberId, ...qualifyingWindow(rules, at)) ?? 0;
}

/** The member's tier row; a member without one holds the lowest tier, with no floor, since they joined. */
export function tierRow(store: Store, memberId: number, rules: LoyaltyRules): TierRow {
  return tierStatements(store.sqlite).get.get(memberId) ?? { member_id: memberId, tier: rules.tiers[0]!.id, floor: null, since: '' };
}

export function assertTier(rules: LoyaltyRules, id: string, field: string): Tier {
  const tier = rules.tiers.find((t) => t.id === id);
  if (!tier) throw new AppError('TIER_UNKNOWN', `No tier ${id} in the loyalty rules.`, { field, tier: id });
  return tier;
}

/** Writes a tier (or floor) change and its audit row; nothing when neither changed. */
export function writeTier(store: Store, actor: string, before: TierRow, after: { tier: string; floor: string | null }, cause: TierCause, now: Date, extra: Record<string, unknown> = {}): boolean {
  if (before.tier === after.tier && before.floor === after.floor) return false;
  const since = before.tier === after.tier && before.since !== '' ? before.since : now.toISOString();
  tierStatements(store.sqlite).upsert.run({ member_id: before.member_id, tier: after.tier, floor: after.floor, since });
  recordAudit(
    store,
    {
      actor,
      action: 'points.tier',
      entityType: 'member',
      entityId: tierStatements(store.sqlite).memberNumber.get(before.member_id) ?? before.member_id,
      before: { tier: before.tier, floor: before.floor },
      after: { tier: after.tier, floor: after.floor, cause, ...extra },
    },
    now,
  );
  return true;
}

/**
 * Upgrades apply at once: after an earning, the member moves up to the tier their points now
 * reach. Never down here; that waits for the daily downgrade, so a member is not demoted in the
 * middle of a visit. Answers the change, if any.
 */
export function raiseTier(store: Store, actor: string, memberId: number, rules: LoyaltyRules, now: Date): { from: string; to: string } | null {
  const row = tierRow(store, memberId, rules);
  const due = tierFor(rules, qualifyingPoints(store, memberId, rules, now), row.floor);
  const held = rules.tiers.findIndex((t) => t.id === row.tier);
  if (rules.tiers.indexOf(due) <= held) return null;
  writeTier(store, actor, row, { tier: due.id, floor: row.floor }, 'earned', now);
  return { from: row.tier, to: due.id };
}
