import { AppError } from '../../src-shared/errors';
import type { AdjustRequest, PointsChange, ReferralRequest, ReviewRequest } from '../../src-shared/contract/points';
import type { CapPeriod, LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { recordAudit } from '../audit/record-audit';
import { findTransferByKey, inLedgerTransaction, type LedgerWriter } from '../ledger';
import { getMemberRow, type MemberRow } from '../members/member-repo';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { writeEarning } from './earn';
import { ANY_TIME, getLot, planTake } from './lots';
import { writePointsDebit } from './point-debits';
import { pointsChange } from './point-queries';
import { multiplied, periodStart, savedLoyalty, tierById } from './loyalty';
import { assertWholePoints } from './point-amounts';
import { pointsAccountFor } from './points-account';
import { raiseTier, tierRow } from './tier-state';

// What staff record by hand: a referral (β points to the member who referred, once per referred
// member), a review (γ points), each within its cap per period, and a manual adjustment with its
// reason (+ a new lot, − from the lots that expire first). Each is audited with who and why.

const recordStatements = perConnection((sqlite) => ({
  insert: sqlite.prepare(
    `INSERT INTO point_records (kind, member_id, referred_id, reference, transfer_id, actor, created_at) VALUES (@kind, @member_id, @referred_id, @reference, @transfer_id, @actor, @created_at)`,
  ),
  referredBy: sqlite.prepare<[number], number>(`SELECT member_id FROM point_records WHERE kind = 'referral' AND referred_id = ?`).pluck(),
  countSince: sqlite.prepare<[number, string, string], number>(`SELECT count(*) FROM point_records WHERE member_id = ? AND kind = ? AND created_at >= ?`).pluck(),
}));

function assertMayEarn(member: MemberRow, field: string): void {
  if (member.status !== 'active') throw new AppError(member.status === 'closed' ? 'MEMBER_CLOSED' : 'MEMBER_FROZEN', `Member ${member.member_number} is ${member.status}.`, { field });
}

function assertUnderCap(store: Store, member: MemberRow, kind: 'referral' | 'review', cap: { count: number; period: CapPeriod } | null, now: Date): void {
  if (!cap) return;
  const since = periodStart(now, cap.period).toISOString();
  const recorded = recordStatements(store.sqlite).countSince.get(member.id, kind, since) ?? 0;
  if (recorded >= cap.count) {
    throw new AppError('POINTS_CAP_REACHED', `Member ${member.member_number} already has ${recorded} ${kind}s this ${cap.period}; the cap is ${cap.count}.`, {
      field: kind === 'referral' ? 'referrerId' : 'memberId',
      cap: cap.count,
      period: cap.period,
    });
  }
}

/** The points of a referral or review: the weight, times the tier's multiplier when the rules say so. */
function recordPoints(store: Store, member: MemberRow, rules: LoyaltyRules, weight: number): number {
  if (!rules.multiplyAllRules) return weight;
  return multiplied(weight, tierById(rules.tiers, tierRow(store, member.id, rules).tier)?.multiplier ?? 100);
}

interface Recorded {
  kind: 'referral' | 'review';
  member: MemberRow;
  referred: MemberRow | null;
  reference: string | null;
  points: number;
  key: string;
}

function writeRecord(store: Store, actor: string, record: Recorded, now: Date): PointsChange {
  const saved = savedLoyalty(store);
  const detail = record.referred?.member_number ?? record.reference;
  const lot = record.points > 0
    ? inLedgerTransaction(store, (writer) => writeEarning(store, writer, { member: record.member, rule: record.kind, points: record.points, detail, key: record.key, actor }, saved, now))
    : null;
  recordStatements(store.sqlite).insert.run({
    kind: record.kind, member_id: record.member.id, referred_id: record.referred?.id ?? null, reference: record.reference, transfer_id: lot?.id ?? null, actor, created_at: now.toISOString(),
  });
  recordAudit(store, {
    actor,
    action: `points.${record.kind}`,
    entityType: 'member',
    entityId: record.member.member_number,
    after: { referred: record.referred?.member_number ?? null, reference: record.reference, points: record.points, transferId: lot?.id ?? null },
  }, now);
  return pointsChange(store, record.member.id, lot?.id ?? 0, record.points, raiseTier(store, actor, record.member.id, saved.rules, now), now);
}

/** A retried confirmation answers what the first one did, instead of earning twice. */
function replayed(store: Store, key: string, memberId: number, now: Date): PointsChange | undefined {
  const earlier = findTransferByKey(store, key);
  return earlier ? pointsChange(store, memberId, earlier.id, earlier.kind === 'points_adjust' ? -earlier.amount : earlier.amount, null, now) : undefined;
}

/**
 * A retried referral (its key already earned this referrer points for this referred member)
 * answers the first, before the referral counts as recorded; the key reused for another referral
 * goes on, to REFERRAL_EXISTS or the ledger's IDEMPOTENCY_CONFLICT. A referral worth no points
 * earned nothing to find: its retry is REFERRAL_EXISTS.
 */
function replayedReferral(store: Store, key: string, referrer: MemberRow, referred: MemberRow, now: Date): PointsChange | undefined {
  const earlier = findTransferByKey(store, key);
  const lot = earlier ? getLot(store, earlier.id) : undefined;
  if (lot?.member_id !== referrer.id || lot.source !== referred.member_number) return undefined;
  return pointsChange(store, referrer.id, lot.id, lot.amount, null, now);
}

export function recordReferral(store: Store, actor: string, req: ReferralRequest, now: Date): PointsChange {
  return store.sqlite.transaction(() => {
    const referrer = getMemberRow(store, req.referrerId, 'referrerId');
    const referred = getMemberRow(store, req.referredId, 'referredId');
    if (referrer.id === referred.id) throw new AppError('SELF_REFERRAL', 'A member cannot refer themselves.', { field: 'referredId' });
    const key = `points:referral:${req.idempotencyKey}`;
    const retried = replayedReferral(store, key, referrer, referred, now);
    if (retried) return retried;
    const earlier = recordStatements(store.sqlite).referredBy.get(referred.id);
    if (earlier !== undefined) {
      throw new AppError('REFERRAL_EXISTS', `Member ${referred.member_number} was already referred.`, { field: 'referredId', referrerId: earlier });
    }
    assertMayEarn(referrer, 'referrerId');
    const { rules } = savedLoyalty(store);
    assertUnderCap(store, referrer, 'referral', rules.referralCap, now);
    const points = recordPoints(store, referrer, rules, rules.pointsPerReferral);
    return writeRecord(store, actor, { kind: 'referral', member: referrer, referred, reference: null, points, key }, now);
  }).immediate();
}

export function recordReview(store: Store, actor: string, req: ReviewRequest, now: Date): PointsChange {
  return store.sqlite.transaction(() => {
    const member = getMemberRow(store, req.memberId, 'memberId');
    const key = `points:review:${req.idempotencyKey}`;
    const earlier = replayed(store, key, member.id, now);
    if (earlier) return earlier;
    assertMayEarn(member, 'memberId');
    const { rules } = savedLoyalty(store);
    assertUnderCap(store, member, 'review', rules.reviewCap, now);
    const points = recordPoints(store, member, rules, rules.pointsPerReview);
    return writeRecord(store, actor, { kind: 'review', member, referred: null, reference: req.reference, points, key }, now);
  }).immediate();
}

/** A manual correction: + becomes a lot of its own (rule `adjustment`), − is taken from the lots that expire first. */
export function adjustPoints(store: Store, actor: string, req: AdjustRequest, now: Date): PointsChange {
  return store.sqlite.transaction(() => {
    const magnitude = assertWholePoints(Math.abs(req.points), 'points');
    const member = getMemberRow(store, req.memberId, 'memberId');
    if (member.status === 'closed') throw new AppError('MEMBER_CLOSED', `Member ${member.member_number} is closed.`, { field: 'memberId' });
    const saved = savedLoyalty(store);
    const key = `points:adjust:${req.idempotencyKey}`;
    const earlier = replayed(store, key, member.id, now);
    if (earlier) return earlier;
    const transferId = inLedgerTransaction(store, (writer) => (req.points > 0 ? addPoints(store, writer, member, magnitude, req.reason, key, actor, saved, now) : takePoints(store, writer, member, magnitude, req.reason, key, actor, now)));
    recordAudit(store, { actor, action: 'points.adjust', entityType: 'member', entityId: member.member_number, after: { points: req.points, reason: req.reason, transferId } }, now);
    const tierChanged = req.points > 0 ? raiseTier(store, actor, member.id, saved.rules, now) : null;
    return pointsChange(store, member.id, transferId, req.points, tierChanged, now);
  }).immediate();
}

function addPoints(store: Store, writer: LedgerWriter, member: MemberRow, points: number, reason: string, key: string, actor: string, saved: ReturnType<typeof savedLoyalty>, now: Date): number {
  return writeEarning(store, writer, { member, rule: 'adjustment', points, detail: reason, key, actor }, saved, now).id;
}

function takePoints(store: Store, writer: LedgerWriter, member: MemberRow, points: number, reason: string, key: string, actor: string, now: Date): number {
  const plan = planTake(store, member.id, points, ANY_TIME);
  return writePointsDebit(store, writer, { account: pointsAccountFor(store, member, now), to: 'points_issued', kind: 'points_adjust', move: 'adjust_down', rule: 'adjustment', detail: reason, key, actor, at: now, plan });
}
