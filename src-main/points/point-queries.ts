import type { PointLot, PointsChange, PointsSummary, TierStatus } from '../../src-shared/contract/points';
import { nextTier, tierFor } from '../../src-shared/points/tiers';
import type { LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { balanceOf } from '../ledger';
import { getMemberRow, memberRef } from '../members/member-repo';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { creditByCurrency } from './credit';
import { getLot, pointsHeld } from './lots';
import { addMonths, savedLoyalty } from './loyalty';
import { findPointsAccountId } from './points-account';
import type { PointLotsTable } from './tables';
import { qualifyingPoints, tierRow, windowStart } from './tier-state';

// What the member page reads about points: the summary with the tier card's facts, the lots.

const queryStatements = perConnection((sqlite) => ({
  lots: sqlite.prepare<[number], PointLotsTable>(
    `SELECT * FROM point_lots WHERE member_id = ? ORDER BY remaining = 0, expires_at IS NULL, expires_at, id`,
  ),
  inWindow: sqlite.prepare<[number, string, string], { earned_at: string; amount: number }>(
    `SELECT earned_at, amount FROM point_lots WHERE member_id = ? AND earned_at > ? AND earned_at <= ? AND revoked_at IS NULL ORDER BY earned_at`,
  ),
  upcoming: sqlite.prepare<[number, string], { date: string; points: number }>(
    `SELECT substr(expires_at, 1, 10) AS date, sum(remaining) AS points FROM point_lots
     WHERE member_id = ? AND remaining > 0 AND expires_at IS NOT NULL AND expires_at > ? GROUP BY date ORDER BY date LIMIT 10`,
  ),
  shortfall: sqlite.prepare<[number], number | null>('SELECT sum(shortfall) FROM point_lots WHERE member_id = ?').pluck(),
}));

function lotState(lot: PointLotsTable, at: string): PointLot['state'] {
  if (lot.revoked_at !== null && lot.remaining === 0) return 'revoked';
  if (lot.remaining === 0) return lot.expires_at !== null && lot.expires_at <= at ? 'expired' : 'spent';
  return lot.spendable_at > at ? 'pending' : 'live';
}

export function toPointLot(lot: PointLotsTable, now: Date): PointLot {
  return {
    id: lot.id,
    rule: lot.rule,
    rulesVersion: lot.rules_version,
    amount: lot.amount,
    remaining: lot.remaining,
    earnedAt: lot.earned_at,
    spendableAt: lot.spendable_at,
    expiresAt: lot.expires_at,
    state: lotState(lot, now.toISOString()),
    source: lot.source,
    revokedAt: lot.revoked_at,
    shortfall: lot.shortfall,
  };
}

export function memberLots(store: Store, memberId: number, now: Date): PointLot[] {
  getMemberRow(store, memberId, 'memberId');
  return queryStatements(store.sqlite).lots.all(memberId).map((lot) => toPointLot(lot, now));
}

function pointsBalance(store: Store, memberId: number): number {
  const account = findPointsAccountId(store, memberId);
  return account === undefined ? 0 : balanceOf(store, account).posted;
}

/** What an earning, a record or an adjustment answers. */
export function pointsChange(store: Store, memberId: number, transferId: number, points: number, tierChanged: PointsChange['tierChanged'], now: Date): PointsChange {
  const lot = transferId > 0 ? getLot(store, transferId) : undefined;
  return { transferId, points, lot: lot ? toPointLot(lot, now) : null, balanceAfter: pointsBalance(store, memberId), tierChanged };
}

/**
 * When the held tier lapses if nothing more is earned: the first day the window's earnings,
 * as each leaves it, fall below the tier's threshold; and what earning before then keeps it.
 */
function keepOf(store: Store, memberId: number, rules: LoyaltyRules, held: string, floor: string | null, qualifying: number, now: Date): TierStatus['keep'] {
  const tier = rules.tiers.find((t) => t.id === held) ?? rules.tiers[0]!;
  const keptByFloor = floor !== null && tierFor(rules, 0, floor).threshold >= tier.threshold;
  if (tier.threshold === 0 || keptByFloor) return { threshold: tier.threshold, lapsesAt: null, toKeep: 0 };
  let left = qualifying;
  for (const lot of queryStatements(store.sqlite).inWindow.iterate(memberId, windowStart(rules, now), now.toISOString())) {
    left -= lot.amount;
    if (left < tier.threshold) return { threshold: tier.threshold, lapsesAt: addMonths(new Date(lot.earned_at), rules.tierWindowMonths).toISOString(), toKeep: tier.threshold - left };
  }
  return { threshold: tier.threshold, lapsesAt: null, toKeep: 0 };
}

export function tierStatus(store: Store, memberId: number, rules: LoyaltyRules, now: Date): TierStatus {
  const row = tierRow(store, memberId, rules);
  const qualifying = qualifyingPoints(store, memberId, rules, now);
  const next = nextTier(rules, row.tier, qualifying);
  return {
    tier: row.tier,
    since: row.since === '' ? null : row.since,
    floor: row.floor,
    qualifying,
    windowMonths: rules.tierWindowMonths,
    due: tierFor(rules, qualifying, row.floor).id,
    next: next ? { tier: next.tier.id, threshold: next.tier.threshold, needed: next.needed } : null,
    keep: keepOf(store, memberId, rules, row.tier, row.floor, qualifying, now),
  };
}

export function pointsSummary(store: Store, memberId: number, now: Date): PointsSummary {
  const member = getMemberRow(store, memberId, 'memberId');
  const saved = savedLoyalty(store);
  const at = now.toISOString();
  const held = pointsHeld(store, memberId, at);
  return {
    member: memberRef(member),
    balance: pointsBalance(store, memberId),
    spendable: held.spendable,
    pending: held.pending,
    shortfall: queryStatements(store.sqlite).shortfall.get(memberId) ?? 0,
    tier: tierStatus(store, memberId, saved.rules, now),
    upcomingExpiries: queryStatements(store.sqlite).upcoming.all(memberId, at),
    redeemedCredit: creditByCurrency(store, memberId),
    rulesVersion: saved.version,
  };
}
