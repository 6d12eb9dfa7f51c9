import type { CheckResult } from '../../src-shared/contract/verify';
import { parseSystemMemo } from '../../src-shared/system-memo';
import { tierFor } from '../../src-shared/points/tiers';
import { auditRecords, FirstFault } from '../audit/audit-replay';
import { failed, passed, type Verifier } from '../integrity/verifier';
import type { Store } from '../store/store';
import type { LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { savedLoyalty } from './loyalty';
import type { PointLotsTable } from './tables';
import { windowStart } from './tier-state';

// The points part of `verify`. Against a key holder, each table is tied to something they cannot
// rewrite unseen:
// - points.lots: every lot is the transfer that earned it (member, amount, time, rule, and the
//   expiry and pending window its memo states); its remaining is the sum of its moves; every move
//   belongs to a points transfer of the lot's member, and each transfer's moves add up to it;
// - points.balances: each member's PTS balance equals the sum of their lots' remaining;
// - points.records and points.tiers: referrals, reviews, tiers and floors are what the audit log
//   recorded, and each tier is tierFor(qualifying points, floor) as of its last review;
// - points.credit: redeemed credit moves only with transfers of its own member's wallet, never
//   above them, and never below zero.

interface LotWithEarning extends PointLotsTable {
  kind: string | null;
  t_amount: number | null;
  created_at: string | null;
  memo: string | null;
  owner: number | null;
}

/** Each lot beside the transfer of its id, read in one pass (a query per lot would take minutes at a million). */
const LOTS_WITH_EARNINGS = `
  SELECT l.*, t.kind, t.amount AS t_amount, t.created_at, t.memo, w.member_id AS owner FROM point_lots l
  LEFT JOIN transfers t ON t.id = l.id LEFT JOIN member_wallets w ON w.account_id = t.credit_account_id ORDER BY l.id`;

function earnedAsStated(lot: LotWithEarning): boolean {
  const memo = parseSystemMemo(lot.memo);
  const terms = memo?.memo === 'points' && memo.move === 'earn' ? memo : null;
  return terms !== null && lot.kind === 'points_earn' && lot.owner === lot.member_id && lot.t_amount === lot.amount && lot.created_at === lot.earned_at
    && terms.rule === lot.rule && terms.expires === lot.expires_at && (terms.spendable ?? lot.created_at) === lot.spendable_at && terms.detail === lot.source;
}

const REMAINING_FAULT = `
  SELECT l.id FROM point_lots l LEFT JOIN (SELECT lot_id, sum(points) AS points FROM point_moves GROUP BY lot_id) m ON m.lot_id = l.id
  WHERE coalesce(m.points, 0) <> l.remaining ORDER BY l.id LIMIT 1`;

function pointsTransfersOk(store: Store, fault: FirstFault): number {
  let lots = 0;
  for (const lot of store.sqlite.prepare(LOTS_WITH_EARNINGS).iterate() as IterableIterator<LotWithEarning>) {
    lots += 1;
    if (!fault.found && !earnedAsStated(lot)) fault.note('point_lots', lot.id, `lot ${lot.id} is not what transfer ${lot.id} earned`);
  }
  const remaining = store.sqlite.prepare(REMAINING_FAULT).pluck().get() as number | undefined;
  if (remaining !== undefined) fault.note('point_lots', remaining, `lot ${remaining}'s remaining is not the sum of its moves`);
  return lots;
}

/** Every move's transfer is a points transfer of its lot's member, and adds up to the transfer's amount. */
const MOVE_FAULT = `
  SELECT m.transfer_id, min(m.lot_id) AS lot_id FROM point_moves m
  JOIN point_lots l ON l.id = m.lot_id
  LEFT JOIN transfers t ON t.id = m.transfer_id
  LEFT JOIN member_wallets w ON w.member_id = l.member_id AND w.currency = 'PTS'
  GROUP BY m.transfer_id
  HAVING count(t.id) = 0 OR count(DISTINCT l.member_id) > 1
      OR sum(m.points) <> max(CASE WHEN t.credit_account_id = w.account_id THEN t.amount WHEN t.debit_account_id = w.account_id THEN -t.amount END)
  ORDER BY m.transfer_id LIMIT 1`;

/** A points transfer of a member's PTS account with no moves: points that no lot accounts for. */
const UNMOVED_TRANSFER = `
  SELECT t.id FROM member_wallets w JOIN transfers t ON t.debit_account_id = w.account_id OR t.credit_account_id = w.account_id
  WHERE w.currency = 'PTS' AND NOT EXISTS (SELECT 1 FROM point_moves m WHERE m.transfer_id = t.id) ORDER BY t.id LIMIT 1`;

const BALANCE_FAULT = `
  SELECT w.member_id FROM member_wallets w JOIN accounts a ON a.id = w.account_id
  LEFT JOIN (SELECT member_id, sum(remaining) AS remaining FROM point_lots GROUP BY member_id) l ON l.member_id = w.member_id
  WHERE w.currency = 'PTS' AND a.credits_posted - a.debits_posted <> coalesce(l.remaining, 0)
  UNION ALL
  SELECT l.member_id FROM point_lots l LEFT JOIN member_wallets w ON w.member_id = l.member_id AND w.currency = 'PTS' WHERE w.account_id IS NULL
  ORDER BY 1 LIMIT 1`;

function lotsCheck(store: Store): CheckResult {
  const fault = new FirstFault();
  const lots = pointsTransfersOk(store, fault);
  const move = store.sqlite.prepare(MOVE_FAULT).get() as { transfer_id: number; lot_id: number } | undefined;
  if (move) fault.note('point_moves', `${move.transfer_id}:${move.lot_id}`, `the lineage of transfer ${move.transfer_id} does not add up to it`);
  const unmoved = store.sqlite.prepare(UNMOVED_TRANSFER).pluck().get() as number | undefined;
  if (unmoved !== undefined) fault.note('transfers', unmoved, `points transfer ${unmoved} has no lineage`);
  const moves = store.sqlite.prepare('SELECT count(*) FROM point_moves').pluck().get() as number;
  return fault.result('points.lots', `${lots} lots, each its earning transfer, and ${moves} moves adding up to their transfers`, { lots, moves });
}

function balancesCheck(store: Store): CheckResult {
  const member = store.sqlite.prepare(BALANCE_FAULT).pluck().get() as number | undefined;
  const accounts = store.sqlite.prepare(`SELECT count(*) FROM member_wallets WHERE currency = 'PTS'`).pluck().get() as number;
  return member === undefined
    ? passed('points.balances', `${accounts} points accounts, each equal to the sum of its member's lots`, { accounts })
    : failed('points.balances', `member ${member}'s points balance is not the sum of their lots`, { accounts }, 'members', member);
}

const CREDIT_FAULT = `
  SELECT c.transfer_id, c.member_id FROM point_credit c
  LEFT JOIN member_wallets w ON w.member_id = c.member_id AND w.currency = c.currency
  LEFT JOIN transfers t ON t.id = c.transfer_id
  WHERE t.id IS NULL OR t.currency <> c.currency OR (t.debit_account_id IS NOT w.account_id AND t.credit_account_id IS NOT w.account_id)
     OR abs(c.amount) > t.amount OR (c.amount > 0 AND t.credit_account_id IS NOT w.account_id)
  UNION ALL
  SELECT min(transfer_id), member_id FROM point_credit GROUP BY member_id, currency HAVING sum(amount) < 0
  LIMIT 1`;

function creditCheck(store: Store): CheckResult {
  const row = store.sqlite.prepare(CREDIT_FAULT).get() as { transfer_id: number; member_id: number } | undefined;
  const moves = store.sqlite.prepare('SELECT count(*) FROM point_credit').pluck().get() as number;
  return row === undefined
    ? passed('points.credit', `${moves} moves of redeemed credit, each within its wallet transfer`, { moves })
    : failed('points.credit', `redeemed credit moved by transfer ${row.transfer_id} is not within it`, { moves }, 'point_credit', `${row.transfer_id}:${row.member_id}`);
}

interface RecordRow {
  id: number;
  kind: string;
  member_number: string;
  referred: string | null;
  reference: string | null;
  transfer_id: number | null;
  actor: string;
  created_at: string;
}

function recordsCheck(store: Store): CheckResult {
  const fault = new FirstFault();
  const audited = auditRecords(store.sqlite, ['points.referral', 'points.review']);
  const rows = store.sqlite.prepare(
    `SELECT r.id, r.kind, m.member_number, d.member_number AS referred, r.reference, r.transfer_id, r.actor, r.created_at FROM point_records r
     LEFT JOIN members m ON m.id = r.member_id LEFT JOIN members d ON d.id = r.referred_id ORDER BY r.id`,
  ).all() as RecordRow[];
  rows.forEach((row, index) => {
    const record = audited[index];
    const after = record?.after as { referred?: string | null; reference?: string | null; transferId?: number | null } | undefined;
    const same = record && row.id === index + 1 && record.action === `points.${row.kind}` && record.entityId === row.member_number && record.actor === row.actor
      && record.at === row.created_at && (after?.referred ?? null) === row.referred && (after?.reference ?? null) === row.reference && (after?.transferId ?? null) === row.transfer_id;
    if (!same) fault.note('point_records', row.id, `record ${row.id} is not what the audit log recorded`);
  });
  if (audited.length > rows.length) fault.note('point_records', rows.length + 1, `record ${rows.length + 1}, in the audit log, is missing`);
  return fault.result('points.records', `${rows.length} referrals and reviews, each as audited`, { records: rows.length });
}

interface TierAfter {
  tier: string;
  floor: string | null;
}

interface ReplayedTier extends TierAfter {
  since: string;
  changedAt: string;
}

/** Each member's tier and floor replayed from the audit log, and the time of the last review of all tiers. */
function replayTiers(store: Store): { tiers: Map<string, ReplayedTier>; lastReview: string | null } {
  const tiers = new Map<string, ReplayedTier>();
  let lastReview: string | null = null;
  for (const record of auditRecords(store.sqlite, ['points.tier', 'points.tierReview', 'settings.update'])) {
    if (record.action === 'points.tier') {
      const after = record.after as unknown as TierAfter;
      const before = tiers.get(String(record.entityId));
      tiers.set(String(record.entityId), { tier: after.tier, floor: after.floor, since: before?.tier === after.tier ? before.since : record.at, changedAt: record.at });
    } else if (record.action === 'points.tierReview' || (record.after as Record<string, unknown> | null)?.loyalty !== undefined) {
      lastReview = record.at;
    }
  }
  return { tiers, lastReview };
}

interface TierStateRow {
  member_id: number;
  member_number: string;
  tier: string;
  floor: string | null;
  since: string;
}

function tiersCheck(store: Store): CheckResult {
  const fault = new FirstFault();
  const { tiers, lastReview } = replayTiers(store);
  const rows = store.sqlite.prepare('SELECT t.*, m.member_number FROM member_tiers t JOIN members m ON m.id = t.member_id ORDER BY t.member_id').all() as TierStateRow[];
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.member_number);
    const expected = tiers.get(row.member_number);
    if (!expected || expected.tier !== row.tier || expected.floor !== row.floor || expected.since !== row.since) fault.note('member_tiers', row.member_id, `member ${row.member_number}'s tier is not what the audit log recorded`);
  }
  for (const number of tiers.keys()) if (!seen.has(number)) fault.note('member_tiers', number, `member ${number}'s tier, in the audit log, is missing`);
  const orphans = store.sqlite.prepare('SELECT count(*) FROM member_tiers t LEFT JOIN members m ON m.id = t.member_id WHERE m.id IS NULL').pluck().get() as number;
  if (orphans > 0) fault.note('member_tiers', 'orphan', `${orphans} tier rows name no member`);
  tiersFollowPoints(store, fault, lastReview, tiers);
  return fault.result('points.tiers', `${rows.length} tiers, each as audited and as the qualifying points and floor give`, { tiers: rows.length });
}

/** Every member's qualifying points at one time, in one pass over the lots. */
function qualifyingAll(store: Store, rules: LoyaltyRules, at: Date): Map<number, number> {
  const time = at.toISOString();
  const rows = store.sqlite.prepare(
    `SELECT member_id, sum(amount) AS points FROM point_lots WHERE earned_at > ? AND earned_at <= ? AND (revoked_at IS NULL OR revoked_at > ?) GROUP BY member_id`,
  ).all(windowStart(rules, at), time, time) as { member_id: number; points: number }[];
  return new Map(rows.map((row) => [row.member_id, row.points]));
}

/**
 * tier = f(qualifying points, floor): never below what the points give now (upgrades apply at
 * once), never above what they gave at the last review of all tiers or at the member's own last
 * change since (downgrades wait for the review, no longer).
 */
function tiersFollowPoints(store: Store, fault: FirstFault, lastReview: string | null, replayed: ReadonlyMap<string, ReplayedTier>): void {
  const { rules } = savedLoyalty(store);
  const rank = (id: string) => rules.tiers.findIndex((t) => t.id === id);
  const now = qualifyingAll(store, rules, new Date());
  const atReview = lastReview === null ? new Map<number, number>() : qualifyingAll(store, rules, new Date(lastReview));
  const qualifying = store.sqlite.prepare(`SELECT coalesce(sum(amount), 0) FROM point_lots WHERE member_id = ? AND earned_at > ? AND earned_at <= ? AND (revoked_at IS NULL OR revoked_at > ?)`).pluck();
  const members = store.sqlite.prepare(`SELECT m.id, m.member_number, t.tier, t.floor FROM members m LEFT JOIN member_tiers t ON t.member_id = m.id
    WHERE t.member_id IS NOT NULL OR m.id IN (SELECT DISTINCT member_id FROM point_lots)`).all() as { id: number; member_number: string; tier: string | null; floor: string | null }[];
  for (const member of members) {
    const held = rank(member.tier ?? rules.tiers[0]!.id);
    const low = rank(tierFor(rules, now.get(member.id) ?? 0, member.floor).id);
    let high = lastReview === null ? low : Math.max(low, rank(tierFor(rules, atReview.get(member.id) ?? 0, member.floor).id));
    const changedAt = replayed.get(member.member_number)?.changedAt;
    if (changedAt !== undefined && (lastReview === null || changedAt > lastReview)) {
      const at = new Date(changedAt);
      const points = qualifying.get(member.id, windowStart(rules, at), changedAt, changedAt) as number;
      high = Math.max(high, rank(tierFor(rules, points, member.floor).id));
    }
    if (held < low || held > high) fault.note('member_tiers', member.id, `member ${member.member_number}'s tier is not what their qualifying points and floor give`);
  }
}

export const pointsVerifier: Verifier = {
  domain: 'points',
  run(store) {
    return { checks: [lotsCheck(store), balancesCheck(store), creditCheck(store), recordsCheck(store), tiersCheck(store)] };
  },
};
