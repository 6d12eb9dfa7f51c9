import type { PointMove, PointRule } from '../../src-shared/points/moves';
import type { PointsHistoryRow } from '../../src-shared/contract/points';
import { parseSystemMemo } from '../../src-shared/system-memo';
import { getMemberRow } from '../members/member-repo';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { findPointsAccountId } from './points-account';

// A member's points history (every movement of their points account, newest first, each with its
// lineage) and the monthly totals the points tab charts.

interface HistoryRow {
  id: number;
  created_at: string;
  kind: string;
  amount: number;
  credit_account_id: number;
  memo: string | null;
  actor: string;
  reverses_id: number | null;
  reversed: number;
}

const historyStatements = perConnection((sqlite) => ({
  count: sqlite.prepare<[number, number], number>('SELECT (SELECT count(*) FROM transfers WHERE debit_account_id = ?) + (SELECT count(*) FROM transfers WHERE credit_account_id = ?)').pluck(),
  page: sqlite.prepare<[number, number, number, number], HistoryRow>(
    `SELECT t.id, t.created_at, t.kind, t.amount, t.credit_account_id, t.memo, t.actor, t.reverses_id,
            EXISTS (SELECT 1 FROM transfers r WHERE r.reverses_id = t.id) AS reversed
     FROM transfers t WHERE t.id IN (SELECT id FROM transfers WHERE debit_account_id = ? UNION ALL SELECT id FROM transfers WHERE credit_account_id = ?)
     ORDER BY t.id DESC LIMIT ? OFFSET ?`,
  ),
  /** The account's balance after each of its transfers: every movement up to it. */
  balanceAfter: sqlite.prepare<[number, number, number, number], number>(
    `SELECT coalesce((SELECT sum(amount) FROM transfers WHERE credit_account_id = ? AND id <= ?), 0) - coalesce((SELECT sum(amount) FROM transfers WHERE debit_account_id = ? AND id <= ?), 0)`,
  ).pluck(),
  lineage: sqlite.prepare<[number], { lotId: number; points: number }>('SELECT lot_id AS lotId, points FROM point_moves WHERE transfer_id = ? ORDER BY lot_id'),
  linkedMoney: sqlite.prepare<[number], { currency: string; amount: number; reversed: number }>(
    `SELECT currency, amount, EXISTS (SELECT 1 FROM transfers r WHERE r.reverses_id = m.id) AS reversed FROM transfers m WHERE m.id = ? AND m.kind = 'points_redemption'`,
  ),
  monthly: sqlite.prepare<{ account: number; since: string }, { month: string; earned: number; spent: number; expired: number }>(
    `SELECT substr(created_at, 1, 7) AS month,
            sum(CASE WHEN credit_account_id = @account AND kind = 'points_earn' THEN amount ELSE 0 END) AS earned,
            sum(CASE WHEN debit_account_id = @account AND kind <> 'points_expire' THEN amount WHEN credit_account_id = @account AND kind = 'reversal' THEN -amount ELSE 0 END) AS spent,
            sum(CASE WHEN debit_account_id = @account AND kind = 'points_expire' THEN amount ELSE 0 END) AS expired
     FROM transfers WHERE (debit_account_id = @account OR credit_account_id = @account) AND created_at >= @since GROUP BY month ORDER BY month`,
  ),
}));

function moveOf(row: HistoryRow): PointMove {
  if (row.kind === 'reversal') return 'redeem_reversal';
  if (row.kind === 'points_adjust') return 'adjust_down';
  const parts = parseSystemMemo(row.memo);
  return parts?.memo === 'points' ? parts.move : 'earn';
}

export function pointsHistory(store: Store, memberId: number, offset: number, limit: number): { rows: PointsHistoryRow[]; total: number } {
  getMemberRow(store, memberId, 'memberId');
  const account = findPointsAccountId(store, memberId);
  if (account === undefined) return { rows: [], total: 0 };
  const s = historyStatements(store.sqlite);
  const rows = s.page.all(account, account, limit, offset).map((row): PointsHistoryRow => {
    const parts = parseSystemMemo(row.memo);
    const points = parts?.memo === 'points' || row.kind === 'reversal' ? row.amount * (row.credit_account_id === account ? 1 : -1) : row.amount;
    const money = row.kind === 'points_redeem' ? s.linkedMoney.get(row.id + 1) : undefined;
    return {
      transferId: row.id,
      at: row.created_at,
      move: moveOf(row),
      rule: parts?.memo === 'points' ? (parts.rule as PointRule | null) : null,
      points,
      balanceAfter: s.balanceAfter.get(account, row.id, account, row.id) ?? 0,
      detail: parts?.memo === 'points' ? parts.detail : row.memo,
      actor: row.actor,
      lineage: s.lineage.all(row.id),
      redemption: money ? { currency: money.currency, amount: money.amount, reversed: money.reversed === 1 } : null,
    };
  });
  return { rows, total: s.count.get(account, account) ?? 0 };
}

/** Earned, spent (net of redemptions given back) and expired per calendar month (UTC), the last `months`, oldest first, months without movement as zeros. */
export function monthlyPoints(store: Store, memberId: number, months: number, now: Date): { month: string; earned: number; spent: number; expired: number }[] {
  getMemberRow(store, memberId, 'memberId');
  const keys = Array.from({ length: months }, (_, index) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - index), 1)).toISOString().slice(0, 7));
  const account = findPointsAccountId(store, memberId);
  const found = new Map(account === undefined ? [] : historyStatements(store.sqlite).monthly.all({ account, since: `${keys[0]}-01` }).map((row) => [row.month, row]));
  return keys.map((month) => found.get(month) ?? { month, earned: 0, spent: 0, expired: 0 });
}
