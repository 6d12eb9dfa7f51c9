import { loyaltySettings } from '../../src-shared/settings/loyalty-settings';
import type { Store } from '../store/store';
import { readSetting } from '../settings/settings-service';

// The members list's tier column and filter (issue 9). A member's tier is a row of member_tiers
// (migration 0010, the points domain's table) from their first move; a member never moved has no
// row and holds the rules' first tier. So the list reads the rules only when a member on the page
// has no row, or when the filter is given (the first tier means "no row" as well).

/** A piece of SQL with its parameters: a condition on the members aliased as m, or a query of member ids. */
export interface MemberSql {
  sql: string;
  params: unknown[];
}

/**
 * The tier filter, in the forms a search can use. A tier above the first has a row for each of its
 * members, an index range (member_tiers_tier) that can drive a search no query narrows, as a
 * query's matches do. The first tier is everyone but the members whose row names another tier:
 * its pages walk the members' own order, and it is counted as a difference.
 */
export interface TierFilter {
  condition: MemberSql;
  /** A tier above the first: the ids of its members. */
  holders: MemberSql | null;
  /** The first tier: the ids of the members who hold another tier. */
  others: MemberSql | null;
}

function firstTier(store: Store): string {
  return readSetting(store, loyaltySettings, 'loyalty').rules.tiers[0]!.id;
}

export function tierFilter(store: Store, tier: string): TierFilter {
  if (tier === firstTier(store)) {
    return {
      condition: { sql: 'NOT EXISTS (SELECT 1 FROM member_tiers t WHERE t.member_id = m.id AND t.tier <> ?)', params: [tier] },
      holders: null,
      others: { sql: 'SELECT member_id AS id FROM member_tiers WHERE tier <> ?', params: [tier] },
    };
  }
  return {
    condition: { sql: 'EXISTS (SELECT 1 FROM member_tiers t WHERE t.member_id = m.id AND t.tier = ?)', params: [tier] },
    holders: { sql: 'SELECT member_id AS id FROM member_tiers WHERE tier = ?', params: [tier] },
    others: null,
  };
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
