import type { TierChangePreview } from '../../src-shared/contract/points';
import { tierDirection, tierFor } from '../../src-shared/points/tiers';
import { TIER_PREVIEW_LIMIT, type LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { recordAudit } from '../audit/record-audit';
import type { DueTask } from '../jobs/due-tasks';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { savedLoyalty } from './loyalty';
import { QUALIFYING_BY_MEMBER, qualifyingWindow, writeTier, type TierCause, type TierRow } from './tier-state';

// Every member's tier against their qualifying points, in one pass: the daily downgrade (a
// member whose earnings left the window drops to the tier they still reach, never below their
// floor) and a change of tier rules (everyone moves, up or down, to what the new rules give; the
// Loyalty screen's preview is the same pass, rolled back).

interface Standing {
  member_id: number;
  member_number: string;
  name: string;
  tier: string | null;
  floor: string | null;
  since: string | null;
  qualifying: number;
}

const reviewStatements = perConnection((sqlite) => ({
  /** Members with a tier row or any points earned in the window: nobody else can be off their tier. */
  standings: sqlite.prepare<[string, string, string], Standing>(
    `SELECT m.id AS member_id, m.member_number, m.name, t.tier, t.floor, t.since, coalesce(q.points, 0) AS qualifying
     FROM (${QUALIFYING_BY_MEMBER}) q
     FULL OUTER JOIN member_tiers t ON t.member_id = q.member_id
     JOIN members m ON m.id = coalesce(q.member_id, t.member_id)`,
  ),
}));

export interface TierMove {
  standing: Standing;
  from: string;
  to: string;
}

/** Who the rules move at `now`: with `downOnly`, only those whose tier is above what their points and floor give. */
export function tierMoves(store: Store, rules: LoyaltyRules, now: Date, downOnly: boolean): TierMove[] {
  const lowest = rules.tiers[0]!.id;
  const moves: TierMove[] = [];
  for (const standing of reviewStatements(store.sqlite).standings.iterate(...qualifyingWindow(rules, now))) {
    const from = standing.tier ?? lowest;
    const to = tierFor(rules, standing.qualifying, standing.floor).id;
    if (from === to) continue;
    if (downOnly && tierDirection(rules, from, to) >= 0) continue;
    moves.push({ standing, from, to });
  }
  return moves;
}

/** Applies the moves, each audited; answers how many went up and down and the first names. */
export function applyTierMoves(store: Store, actor: string, rules: LoyaltyRules, moves: readonly TierMove[], cause: TierCause, now: Date): TierChangePreview {
  let up = 0;
  for (const move of moves) {
    const before: TierRow = { member_id: move.standing.member_id, tier: move.from, floor: move.standing.floor, since: move.standing.since ?? '' };
    writeTier(store, actor, before, { tier: move.to, floor: move.standing.floor }, cause, now, { qualifying: move.standing.qualifying });
    if (tierDirection(rules, move.from, move.to) > 0) up += 1;
  }
  return previewOf(rules, moves, up);
}

function previewOf(rules: LoyaltyRules, moves: readonly TierMove[], up: number): TierChangePreview {
  const listed = [...moves].sort((a, b) => b.standing.qualifying - a.standing.qualifying || a.standing.member_id - b.standing.member_id).slice(0, TIER_PREVIEW_LIMIT);
  return {
    up,
    down: moves.length - up,
    members: listed.map((move) => ({
      member: { id: move.standing.member_id, memberNumber: move.standing.member_number, name: move.standing.name },
      from: move.from,
      to: move.to,
      qualifying: move.standing.qualifying,
    })),
  };
}

/** The daily downgrade: lowers every tier its points no longer reach, each audited; a run that lowered any is audited as a review too. */
export function downgradeTiers(store: Store, actor: string, now: Date): { downgraded: number } {
  return store.sqlite.transaction(() => {
    const { rules } = savedLoyalty(store);
    const moves = tierMoves(store, rules, now, true);
    applyTierMoves(store, actor, rules, moves, 'downgrade', now);
    if (moves.length > 0) recordAudit(store, { actor, action: 'points.tierReview', entityType: 'points', after: { downgraded: moves.length } }, now);
    return { downgraded: moves.length };
  }).immediate();
}

/** Runs at sign-in and then once a day (by the workstation's date) while the data is open; `jobs run` always runs it. */
const reviewedOn = new WeakMap<Store, string>();

/** Runs at sign-in and then once a day (by the workstation's date) while the data is open; `jobs run`, under a person's name, always runs it. */
export const tierReviewTask: DueTask = {
  name: 'points.downgradeTiers',
  run(store, actor, now) {
    const day = now.toDateString();
    if (actor === 'system' && reviewedOn.get(store) === day) return {};
    reviewedOn.set(store, day);
    return downgradeTiers(store, actor, now);
  },
};
