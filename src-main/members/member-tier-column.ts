import { loyaltySettings } from '../../src-shared/settings/loyalty-settings';
import type { Store } from '../store/store';
import { readSetting } from '../settings/settings-service';

// The members list's tier column and filter (issue 9). A member's tier is a row of member_tiers
// (migration 0010, the points domain's table) from their first move; a member never moved has no
// row and holds the rules' first tier. So the list reads the rules only when a member on the page
// has no row, or when the filter asks for the first tier (which means "no row" as well).

/** A condition on the members aliased as m, with its parameters. */
export interface MemberCondition {
  sql: string;
  params: unknown[];
}

function firstTier(store: Store): string {
  return readSetting(store, loyaltySettings, 'loyalty').rules.tiers[0]!.id;
}

/**
 * Only the members holding `tier` now. A higher tier is an index range of member_tiers; the first
 * tier is everyone but those whose row names another, so members never moved are found too.
 */
export function tierCondition(store: Store, tier: string): MemberCondition {
  if (tier === firstTier(store)) return { sql: 'm.id NOT IN (SELECT member_id FROM member_tiers WHERE tier <> ?)', params: [tier] };
  return { sql: 'm.id IN (SELECT member_id FROM member_tiers WHERE tier = ?)', params: [tier] };
}

/** The tier each of these members holds now. */
export function memberTiers(store: Store, memberIds: readonly number[]): Map<number, string> {
  if (memberIds.length === 0) return new Map();
  const rows = store.sqlite
    .prepare('SELECT member_id AS memberId, tier FROM member_tiers WHERE member_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(memberIds)) as { memberId: number; tier: string }[];
  const tiers = new Map(rows.map((row) => [row.memberId, row.tier]));
  if (tiers.size < memberIds.length) {
    const first = firstTier(store);
    for (const id of memberIds) if (!tiers.has(id)) tiers.set(id, first);
  }
  return tiers;
}
