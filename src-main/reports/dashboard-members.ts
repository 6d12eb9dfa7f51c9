import { savedLoyalty } from '../points/loyalty';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';

// The dashboard's member figures. A member's tier is a row of member_tiers from their first points
// move; a member never moved holds the rules' first tier without a row (see
// members/member-tier-column.ts). So the tiers above the first are counts of member_tiers_tier,
// and the first tier is every member less them.

export interface TierCount {
  tier: string;
  /** The name the rules give it; null for the translated default name. */
  name: string | null;
  members: number;
}

export interface WeekCount {
  weekStart: string;
  members: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function membersByTier(store: Store): { total: number; byTier: TierCount[] } {
  const { rules } = savedLoyalty(store);
  const total = prepare(store.sqlite, 'SELECT count(*) FROM members').pluck().get() as number;
  const held = new Map(
    (prepare(store.sqlite, 'SELECT tier, count(*) AS members FROM member_tiers INDEXED BY member_tiers_tier GROUP BY tier').all() as { tier: string; members: number }[]).map((row) => [
      row.tier,
      row.members,
    ]),
  );
  const first = rules.tiers[0]!.id;
  const above = rules.tiers.slice(1).reduce((sum, tier) => sum + (held.get(tier.id) ?? 0), 0);
  // A row naming a tier the rules no longer have is not above the first: its member holds the first.
  const byTier = rules.tiers.map((tier) => ({ tier: tier.id, name: tier.name, members: tier.id === first ? total - above : (held.get(tier.id) ?? 0) }));
  return { total, byTier };
}

/**
 * Members registered in each of `weeks` weeks ending with the one that starts at `weekStart`,
 * oldest first: one range count a week over members_created (migration 0014).
 */
export function newMembersPerWeek(store: Store, weekStart: Date, weeks: number): WeekCount[] {
  const count = prepare(store.sqlite, 'SELECT count(*) FROM members INDEXED BY members_created WHERE created_at >= ? AND created_at < ?').pluck();
  const rows: WeekCount[] = [];
  for (let back = weeks - 1; back >= 0; back -= 1) {
    const start = new Date(weekStart.getTime() - back * WEEK_MS);
    const end = new Date(start.getTime() + WEEK_MS);
    rows.push({ weekStart: start.toISOString(), members: count.get(start.toISOString(), end.toISOString()) as number });
  }
  return rows;
}
