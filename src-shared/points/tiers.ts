import type { LoyaltyRules, Tier } from '../settings/loyalty-settings';

// A member's tier follows their qualifying points (earned in the rolling window), never their
// spendable balance, so redeeming never lowers it; a floor an admin set holds it up. Shared, so
// the main process decides and the screens explain with the same function.

/** The highest tier whose threshold the qualifying points reach. */
export function tierByPoints(tiers: readonly Tier[], qualifying: number): Tier {
  let reached = tiers[0]!;
  for (const tier of tiers) if (qualifying >= tier.threshold) reached = tier;
  return reached;
}

function rank(tiers: readonly Tier[], id: string | null): number {
  return id === null ? -1 : tiers.findIndex((tier) => tier.id === id);
}

/** tier = f(qualifying points, floor): the higher of the tier the points reach and the floor (a floor no longer in the rules counts for nothing). */
export function tierFor(rules: Pick<LoyaltyRules, 'tiers'>, qualifying: number, floor: string | null): Tier {
  const byPoints = tierByPoints(rules.tiers, qualifying);
  const floorRank = rank(rules.tiers, floor);
  return floorRank > rank(rules.tiers, byPoints.id) ? rules.tiers[floorRank]! : byPoints;
}

/** Whether moving from one tier to another is up (1), down (-1) or neither (0); an id no longer in the rules ranks lowest. */
export function tierDirection(rules: Pick<LoyaltyRules, 'tiers'>, from: string, to: string): -1 | 0 | 1 {
  const delta = rank(rules.tiers, to) - rank(rules.tiers, from);
  return delta > 0 ? 1 : delta < 0 ? -1 : 0;
}

/** The next tier up and the points still needed for it; null at the top. */
export function nextTier(rules: Pick<LoyaltyRules, 'tiers'>, current: string, qualifying: number): { tier: Tier; needed: number } | null {
  const next = rules.tiers[rank(rules.tiers, current) + 1];
  return next ? { tier: next, needed: Math.max(0, next.threshold - qualifying) } : null;
}
