import type { CheckResult } from '../../src-shared/contract/verify';
import { parseSystemMemo } from '../../src-shared/system-memo';
import { tierFor } from '../../src-shared/points/tiers';
import { auditRecords, FirstFault } from '../audit/audit-replay';
import { failed, passed, type Verifier } from '../integrity/verifier';
import type { Store } from '../store/store';
import type { LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { savedLoyalty } from './loyalty';
import type { PointLotsTable } from './tables';
import { QUALIFYING_BY_MEMBER, qualifyingPoints, qualifyingWindow } from './tier-state';

// The points part of `verify`. Against a key holder, each table is tied to something they cannot
// rewrite unseen:
// - points.lots: every lot is the transfer that earned it (member, amount, time, rule, and the
//   expiry and pending window its memo states); its remaining is the sum of its moves; every move
//   belongs to a points transfer of the lot's member, and each transfer's moves add up to it;
// - points.balances: each member's PTS balance equals the sum of their lots' remaining;
// - points.records and points.tiers: referrals, reviews, tiers and floors are what the audit log
//   recorded, and each tier is tierFor(qualifying points, floor) as of its last review;
// - points.credit: redeemed credit moves exactly as a replay of its wallet's transfers gives
//   (paid in by redemptions, spent first by counter debits, never above the balance, given back
//   by reversals).

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

/**
 * Each payment lot against its refund: revoked when (and only when) its payment's receipt was
 * reversed, at that time, with the shortfall being what the refund owed (the lot less what had
 * expired from it before) and its take-back transfer did not take.
 */
const REFUND_FAULT = `
  SELECT id FROM (
    SELECT l.id, l.revoked_at, l.shortfall, l.amount, v.created_at AS refunded_at,
      (SELECT coalesce(-sum(m.points), 0) FROM point_moves m JOIN transfers t ON t.id = m.transfer_id
       WHERE m.lot_id = l.id AND t.kind = 'points_expire' AND t.id < (SELECT min(transfer_id) FROM wallet_receipt_transfers WHERE receipt_id = v.id)) AS expired,
      (SELECT coalesce(sum(t.amount), 0) FROM transfers t WHERE t.kind = 'points_clawback' AND t.cause_ref = 'receipt:' || l.source) AS taken
    FROM point_lots l
    LEFT JOIN wallet_receipts p ON l.rule = 'payment' AND p.receipt_number = l.source
    LEFT JOIN wallet_receipts v ON v.reverses_receipt_id = p.id
    WHERE l.rule = 'payment' OR l.revoked_at IS NOT NULL OR l.shortfall <> 0)
  WHERE revoked_at IS NOT refunded_at OR shortfall <> CASE WHEN refunded_at IS NULL THEN 0 ELSE amount - expired - taken END
  ORDER BY id LIMIT 1`;

/** A move naming a lot that is gone: the lot was removed, its lineage left behind. */
const ORPHAN_MOVE = 'SELECT m.lot_id FROM point_moves m LEFT JOIN point_lots l ON l.id = m.lot_id WHERE l.id IS NULL ORDER BY m.lot_id LIMIT 1';

function lotsCheck(store: Store): CheckResult {
  const fault = new FirstFault();
  const lots = pointsTransfersOk(store, fault);
  const refund = store.sqlite.prepare(REFUND_FAULT).pluck().get() as number | undefined;
  if (refund !== undefined) fault.note('point_lots', refund, `lot ${refund}'s refund (when, and the shortfall) is not what its payment's reversal did`);
  const orphan = store.sqlite.prepare(ORPHAN_MOVE).pluck().get() as number | undefined;
  if (orphan !== undefined) fault.note('point_lots', orphan, `lot ${orphan}, which moves name, is missing`);
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

/** Wallets redeemed credit could have reached: a redemption paid into them, or a credit row names them. */
const CREDIT_WALLETS = `
  SELECT w.member_id, w.currency, w.account_id FROM member_wallets w
  WHERE w.currency <> 'PTS' AND (EXISTS (SELECT 1 FROM point_credit c WHERE c.member_id = w.member_id AND c.currency = w.currency)
     OR EXISTS (SELECT 1 FROM transfers t WHERE t.credit_account_id = w.account_id AND t.kind = 'points_redemption'))
  ORDER BY w.member_id, w.currency`;

const WALLET_TRANSFERS = `
  SELECT t.id, t.kind, t.state, t.amount, t.debit_account_id, t.reverses_id, o.kind AS reversed_kind FROM transfers t LEFT JOIN transfers o ON o.id = t.reverses_id
  WHERE t.id IN (SELECT id FROM transfers WHERE debit_account_id = @account UNION SELECT id FROM transfers WHERE credit_account_id = @account) ORDER BY t.id`;

/** A credit row for a wallet the member does not have. */
const CREDIT_WITHOUT_WALLET = `
  SELECT c.transfer_id, c.member_id FROM point_credit c LEFT JOIN member_wallets w ON w.member_id = c.member_id AND w.currency = c.currency
  WHERE w.account_id IS NULL ORDER BY c.transfer_id LIMIT 1`;

interface WalletTransfer {
  id: number;
  kind: string;
  state: string;
  amount: number;
  debit_account_id: number;
  reverses_id: number | null;
  reversed_kind: string | null;
}

/** The wallet debits made at the counter: each spends redeemed credit first (credit.ts). */
const SPENDING_KINDS = new Set(['payment', 'fee', 'withdrawal', 'member_transfer']);

/**
 * The credit moves a wallet's transfers make, replayed by the rules of credit.ts: a redemption
 * pays its amount in; a counter debit spends credit first, then credit beyond the balance after it
 * goes (a reversal that debits spends none, unless it takes back a redemption); a reversal that
 * credits gives back what its original took.
 */
function replayCredit(account: number, transfers: readonly WalletTransfer[]): Map<number, number> {
  const moves = new Map<number, number>();
  let balance = 0;
  let credit = 0;
  for (const t of transfers) {
    if (t.state === 'pending' || t.state === 'void_pending') continue;
    let move = 0;
    if (t.debit_account_id === account) {
      balance -= t.amount;
      if (t.kind === 'reversal' || SPENDING_KINDS.has(t.kind)) {
        const spent = t.kind !== 'reversal' || t.reversed_kind === 'points_redemption' ? t.amount : 0;
        const used = Math.min(credit, spent);
        move = -(used + Math.max(0, credit - used - Math.max(0, balance)));
      }
    } else {
      balance += t.amount;
      if (t.kind === 'points_redemption') move = t.amount;
      else if (t.kind === 'reversal' && t.reverses_id !== null) move = -Math.min(0, moves.get(t.reverses_id) ?? 0);
    }
    if (move !== 0) {
      moves.set(t.id, move);
      credit += move;
    }
  }
  return moves;
}

function creditCheck(store: Store): CheckResult {
  const fault = new FirstFault();
  const transfersOf = store.sqlite.prepare(WALLET_TRANSFERS);
  const recordedOf = store.sqlite.prepare('SELECT transfer_id, amount FROM point_credit WHERE member_id = ? AND currency = ? ORDER BY transfer_id').raw();
  const wallets = store.sqlite.prepare(CREDIT_WALLETS).all() as { member_id: number; currency: string; account_id: number }[];
  for (const wallet of wallets) {
    const expected = replayCredit(wallet.account_id, transfersOf.all({ account: wallet.account_id }) as WalletTransfer[]);
    const recorded = new Map(recordedOf.all(wallet.member_id, wallet.currency) as [number, number][]);
    const wrong = [...new Set([...expected.keys(), ...recorded.keys()])].sort((a, b) => a - b).find((id) => expected.get(id) !== recorded.get(id));
    if (wrong !== undefined) fault.note('point_credit', `${wrong}:${wallet.member_id}`, `redeemed credit moved by transfer ${wrong} is not what the wallet's transfers give`);
  }
  const stray = store.sqlite.prepare(CREDIT_WITHOUT_WALLET).get() as { transfer_id: number; member_id: number } | undefined;
  if (stray) fault.note('point_credit', `${stray.transfer_id}:${stray.member_id}`, `redeemed credit moved by transfer ${stray.transfer_id} names a wallet the member does not have`);
  const moves = store.sqlite.prepare('SELECT count(*) FROM point_credit').pluck().get() as number;
  return fault.result('points.credit', `${moves} moves of redeemed credit, each as its wallet's transfers give`, { moves });
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
  // Record n is the n-th referral or review the audit log recorded: a row removed is named by its own id.
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (let id = 1; id <= Math.max(audited.length, rows.at(-1)?.id ?? 0); id += 1) {
    const row = byId.get(id);
    const record = audited[id - 1];
    if (!row) {
      if (record) fault.note('point_records', id, `record ${id}, in the audit log, is missing`);
      continue;
    }
    const after = record?.after as { referred?: string | null; reference?: string | null; transferId?: number | null } | undefined;
    const same = record && record.action === `points.${row.kind}` && record.entityId === row.member_number && record.actor === row.actor
      && record.at === row.created_at && (after?.referred ?? null) === row.referred && (after?.reference ?? null) === row.reference && (after?.transferId ?? null) === row.transfer_id;
    if (!same) fault.note('point_records', row.id, `record ${row.id} is not what the audit log recorded`);
  }
  const stray = rows.find((row) => row.id < 1);
  if (stray) fault.note('point_records', stray.id, `record ${stray.id} is not what the audit log recorded`);
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
  const memberIds = new Map(store.sqlite.prepare('SELECT member_number, id FROM members').raw().all() as [string, number][]);
  for (const number of tiers.keys()) if (!seen.has(number)) fault.note('member_tiers', memberIds.get(number) ?? number, `member ${number}'s tier, in the audit log, is missing`);
  const orphans = store.sqlite.prepare('SELECT count(*) FROM member_tiers t LEFT JOIN members m ON m.id = t.member_id WHERE m.id IS NULL').pluck().get() as number;
  if (orphans > 0) fault.note('member_tiers', 'orphan', `${orphans} tier rows name no member`);
  tiersFollowPoints(store, fault, lastReview, tiers);
  return fault.result('points.tiers', `${rows.length} tiers, each as audited and as the qualifying points and floor give`, { tiers: rows.length });
}

/** Every member's qualifying points at one time, in one pass over the lots. */
function qualifyingAll(store: Store, rules: LoyaltyRules, at: Date): Map<number, number> {
  const rows = store.sqlite.prepare(QUALIFYING_BY_MEMBER).all(...qualifyingWindow(rules, at)) as { member_id: number; points: number }[];
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
  const members = store.sqlite.prepare(`SELECT m.id, m.member_number, t.tier, t.floor FROM members m LEFT JOIN member_tiers t ON t.member_id = m.id
    WHERE t.member_id IS NOT NULL OR m.id IN (SELECT DISTINCT member_id FROM point_lots)`).all() as { id: number; member_number: string; tier: string | null; floor: string | null }[];
  for (const member of members) {
    const held = rank(member.tier ?? rules.tiers[0]!.id);
    const low = rank(tierFor(rules, now.get(member.id) ?? 0, member.floor).id);
    let high = lastReview === null ? low : Math.max(low, rank(tierFor(rules, atReview.get(member.id) ?? 0, member.floor).id));
    const changedAt = replayed.get(member.member_number)?.changedAt;
    if (changedAt !== undefined && (lastReview === null || changedAt > lastReview)) {
      high = Math.max(high, rank(tierFor(rules, qualifyingPoints(store, member.id, rules, new Date(changedAt)), member.floor).id));
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
