import { balanceOf } from '../ledger';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';

// A member's wallet over a period [from, to), read as the trial balance reads the books: the
// running totals stand at now, and what the wallet moved since an instant is taken back from
// them (the wallet's own account index, one member's history, never the whole journal). A wallet
// is a liability (members/member-wallets.ts): a credit pays money in, a debit takes it out.

/** The journal states that move a posted balance: a hold and its void move only the pending totals. */
const MOVES_POSTED = `state IN ('posted', 'post_pending', 'reversal')`;

export interface WalletPeriod {
  opening: number;
  moneyIn: number;
  moneyOut: number;
  closing: number;
}

/** One posted movement of a wallet, as the journal holds it. */
export interface WalletMove {
  id: number;
  created_at: string;
  kind: string;
  amount: number;
  debit_account_id: number;
  credit_account_id: number;
  memo: string | null;
  pending_id: number | null;
}

const SIDE_SUMS = (side: 'debit_account_id' | 'credit_account_id') =>
  `SELECT coalesce(sum(amount), 0) FROM transfers WHERE ${side} = ? AND created_at >= ? AND created_at < ? AND ${MOVES_POSTED}`;

/** Money in and out of the wallet at or after `from` and before `to`. */
function movedBetween(store: Store, accountId: number, from: string, to: string): { moneyIn: number; moneyOut: number } {
  const sum = (side: 'debit_account_id' | 'credit_account_id') => prepare(store.sqlite, SIDE_SUMS(side)).pluck().get(accountId, from, to) as number;
  return { moneyIn: sum('credit_account_id'), moneyOut: sum('debit_account_id') };
}

/** After every time the journal can hold: "since `to`" reads to the end. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** The wallet's balance at `from` and at `to`, and what came in and went out between them; opening + in − out = closing. */
export function walletPeriod(store: Store, accountId: number, from: string, to: string): WalletPeriod {
  const since = movedBetween(store, accountId, to, END_OF_TIME);
  const within = movedBetween(store, accountId, from, to);
  const closing = balanceOf(store, accountId).posted - since.moneyIn + since.moneyOut;
  return { opening: closing - within.moneyIn + within.moneyOut, moneyIn: within.moneyIn, moneyOut: within.moneyOut, closing };
}

const MOVES_SQL = (side: 'debit_account_id' | 'credit_account_id') =>
  `SELECT id, created_at, kind, amount, debit_account_id, credit_account_id, memo, pending_id FROM transfers
   WHERE ${side} = @account AND created_at >= @from AND created_at < @to AND ${MOVES_POSTED}`;

/** Every posted movement of the wallet in the period, oldest first. */
export function walletMoves(store: Store, accountId: number, from: string, to: string): IterableIterator<WalletMove> {
  const sql = `${MOVES_SQL('debit_account_id')} UNION ALL ${MOVES_SQL('credit_account_id')} ORDER BY created_at, id`;
  return prepare(store.sqlite, sql).iterate({ account: accountId, from, to }) as IterableIterator<WalletMove>;
}

/** How many posted movements the wallet made in the period. */
export function countWalletMoves(store: Store, accountId: number, from: string, to: string): number {
  const count = (side: 'debit_account_id' | 'credit_account_id') =>
    prepare(store.sqlite, `SELECT count(*) FROM transfers WHERE ${side} = ? AND created_at >= ? AND created_at < ? AND ${MOVES_POSTED}`).pluck().get(accountId, from, to) as number;
  return count('debit_account_id') + count('credit_account_id');
}

/** The movement as the member sees it: + paid into the wallet, − taken out. */
export function signedFor(move: Pick<WalletMove, 'amount' | 'credit_account_id'>, accountId: number): number {
  return move.credit_account_id === accountId ? move.amount : -move.amount;
}
