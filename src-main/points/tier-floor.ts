import { tierFor } from '../../src-shared/points/tiers';
import { getMemberRow } from '../members/member-repo';
import type { Store } from '../store/store';
import { savedLoyalty } from './loyalty';
import { assertTier, qualifyingPoints, tierRow, writeTier } from './tier-state';

// An admin's manual tier is a floor: the member holds at least it, whatever their points, and
// rises above it as they earn. Setting or removing it moves the tier at once to what the points
// and the new floor give (audited with the reason); nothing else lowers a tier between reviews.

export function setTierFloor(store: Store, actor: string, req: { memberId: number; floor: string | null; reason: string }, now: Date): void {
  store.sqlite.transaction(() => {
    const member = getMemberRow(store, req.memberId, 'memberId');
    const { rules } = savedLoyalty(store);
    if (req.floor !== null) assertTier(rules, req.floor, 'floor');
    const row = tierRow(store, member.id, rules);
    const tier = tierFor(rules, qualifyingPoints(store, member.id, rules, now), req.floor).id;
    writeTier(store, actor, row, { tier, floor: req.floor }, 'floor', now, { reason: req.reason });
  }).immediate();
}
