import { POINTS_CURRENCY } from '../../src-shared/money';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';

// The dashboard's money figures, from the accounts' running totals: a member wallet is a liability
// (credits less debits), and accounts_member_balance (migration 0008) holds exactly the member
// accounts by currency and balance, so the sums read that index and no transfer at all.

export interface CurrencyAmount {
  currency: string;
  amount: number;
}

/** Posted balances of every member account, by currency (PTS included: the caller splits it off). */
function memberBalances(store: Store): CurrencyAmount[] {
  const sql = `SELECT currency, sum(credits_posted - debits_posted) AS amount FROM accounts INDEXED BY accounts_member_balance
    WHERE owner_type = 'member' GROUP BY currency ORDER BY currency`;
  return prepare(store.sqlite, sql).all() as CurrencyAmount[];
}

/** What the operator owes members in money, per currency; points are counted apart. */
export function walletLiabilities(store: Store): CurrencyAmount[] {
  return memberBalances(store).filter((row) => row.currency !== POINTS_CURRENCY);
}

/**
 * Points members hold (their PTS accounts), and what of it sits in lots expiring after `now` and
 * by `until` (point_lots_due: the live lots that expire, by expiry).
 */
export function pointsOutstanding(store: Store, now: Date, until: Date): { outstanding: number; expiringSoon: number } {
  const outstanding = memberBalances(store).find((row) => row.currency === POINTS_CURRENCY)?.amount ?? 0;
  const expiringSql = `SELECT coalesce(sum(remaining), 0) FROM point_lots INDEXED BY point_lots_due
    WHERE remaining > 0 AND expires_at IS NOT NULL AND expires_at > ? AND expires_at <= ?`;
  const expiringSoon = prepare(store.sqlite, expiringSql).pluck().get(now.toISOString(), until.toISOString()) as number;
  return { outstanding, expiringSoon };
}
