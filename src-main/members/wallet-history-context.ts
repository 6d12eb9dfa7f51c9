import type { WalletCounterparty } from '../../src-shared/contract/members';
import { parseSystemMemo } from '../../src-shared/system-memo';
import { balanceOf, type Transfer } from '../ledger';
import { ledgerSql } from '../ledger/tables';
import type { Store } from '../store/store';
import { selectAll } from '../store/sql';
import { walletSql } from '../wallets/tables';
import { findMemberRow, memberRef } from './member-repo';

// What a page of a member's wallet history says beyond each transfer itself:
// - the balance after it: the wallet's posted balance now, less every posted movement newer than
//   the row, so a page costs the transfers since its oldest row, never the wallet's whole past;
// - who was on the other side: the other member's wallet, the merchant a payment's receipt (or,
//   for history loaded in bulk without receipts and for card payments, its system memo, or its
//   hold's when it posts one) names, or one of the operator's accounts by its chart role (branch
//   cash for a deposit or withdrawal).

/** The journal states that move a posted balance (a hold and its void only move the pending totals). */
const MOVES_POSTED = ['posted', 'post_pending', 'reversal'] as const;

type HistoryTransfer = Pick<Transfer, 'id' | 'debitAccountId' | 'creditAccountId' | 'memo' | 'pendingId'>;

export interface WalletHistoryContext {
  balanceAfter(transferId: number): number;
  counterparty(transfer: HistoryTransfer): WalletCounterparty | null;
}

/**
 * A wallet is a liability (member-wallets.ts): a credit raises its balance, a debit lowers it.
 * Returns each listed transfer's balance after it, keyed by transfer id.
 */
function balancesAfter(store: Store, walletId: number, transferIds: readonly number[]): Map<number, number> {
  const balances = new Map<number, number>();
  if (transferIds.length === 0) return balances;
  const oldest = Math.min(...transferIds);
  const side = (column: 'debit_account_id' | 'credit_account_id') =>
    ledgerSql.selectFrom('transfers').select(['id', 'amount', 'credit_account_id']).where(column, '=', walletId).where('id', '>=', oldest).where('state', 'in', MOVES_POSTED);
  const newer = selectAll(store.sqlite, side('debit_account_id').unionAll(side('credit_account_id')).orderBy('id', 'desc'));
  let balance = balanceOf(store, walletId).posted;
  let at = 0;
  // Walk back from now, undoing each movement newer than the row; a hold moved nothing, so the
  // balance after it is the one it found.
  for (const id of [...transferIds].sort((a, b) => b - a)) {
    for (; at < newer.length && newer[at]!.id > id; at += 1) balance -= signed(newer[at]!, walletId);
    balances.set(id, balance);
  }
  return balances;
}

function signed(row: { amount: number; credit_account_id: number }, walletId: number): number {
  return row.credit_account_id === walletId ? row.amount : -row.amount;
}

/** The merchant each payment's receipt names. */
function merchantsOf(store: Store, transferIds: readonly number[]): Map<number, string> {
  if (transferIds.length === 0) return new Map();
  const query = walletSql
    .selectFrom('wallet_receipt_transfers as t')
    .innerJoin('wallet_receipts as r', 'r.id', 't.receipt_id')
    .select(['t.transfer_id', 'r.merchant'])
    .where('t.transfer_id', 'in', transferIds)
    .where('r.merchant', 'is not', null);
  return new Map(selectAll(store.sqlite, query).map((row) => [row.transfer_id, row.merchant!]));
}

/** The memos of the holds that the page's posts and voids resolve: a card capture says nothing of its own. */
function holdMemos(store: Store, transfers: readonly HistoryTransfer[]): Map<number, string | null> {
  const holdIds = transfers.flatMap((t) => (t.memo === null && t.pendingId !== null ? [t.pendingId] : []));
  if (holdIds.length === 0) return new Map();
  const query = ledgerSql.selectFrom('transfers').select(['id', 'memo']).where('id', 'in', [...new Set(holdIds)]);
  return new Map(selectAll(store.sqlite, query).map((row) => [row.id, row.memo]));
}

type OtherAccount = { id: number; owner_type: string; owner_id: number | null; system_role: string | null };

function otherAccounts(store: Store, accountIds: readonly number[]): Map<number, OtherAccount> {
  if (accountIds.length === 0) return new Map();
  const query = ledgerSql.selectFrom('accounts').select(['id', 'owner_type', 'owner_id', 'system_role']).where('id', 'in', [...new Set(accountIds)]);
  return new Map(selectAll(store.sqlite, query).map((row) => [row.id, row]));
}

function describeAccount(store: Store, account: OtherAccount | undefined, merchant: string | undefined): WalletCounterparty | null {
  if (!account) return null;
  if (account.owner_type === 'member' && account.owner_id !== null) {
    const member = findMemberRow(store, account.owner_id);
    return member ? { kind: 'member', member: memberRef(member) } : null;
  }
  if (account.system_role === 'merchant_settlement' && merchant !== undefined) return { kind: 'merchant', name: merchant };
  return account.system_role === null ? null : { kind: 'operator', role: account.system_role };
}

/** The balance after, and the other side of, each transfer on one page of a wallet's history. */
export function walletHistoryContext(store: Store, walletId: number, transfers: readonly HistoryTransfer[]): WalletHistoryContext {
  const ids = transfers.map((t) => t.id);
  const otherSide = (t: Pick<Transfer, 'debitAccountId' | 'creditAccountId'>) => (t.debitAccountId === walletId ? t.creditAccountId : t.debitAccountId);
  const balances = balancesAfter(store, walletId, ids);
  const merchants = merchantsOf(store, ids);
  const accounts = otherAccounts(store, transfers.map(otherSide));
  const holds = holdMemos(store, transfers);
  const memoOf = (t: HistoryTransfer) => t.memo ?? (t.pendingId === null ? null : (holds.get(t.pendingId) ?? null));
  return {
    balanceAfter: (transferId) => balances.get(transferId) ?? 0,
    counterparty: (t) => describeAccount(store, accounts.get(otherSide(t)), merchants.get(t.id) ?? merchantOf(memoOf(t))),
  };
}

/** The merchant a payment's (or its fee's) system memo names. */
function merchantOf(memo: string | null): string | undefined {
  const parts = parseSystemMemo(memo);
  return parts && 'merchant' in parts ? parts.merchant : undefined;
}
