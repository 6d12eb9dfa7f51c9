import { POINTS_CURRENCY } from '../../src-shared/money';
import type { Wallet, WalletHistoryQuery, WalletHistoryRow } from '../../src-shared/contract/wallets';
import { accountTransfers, balanceOf, reversedAmong } from '../ledger';
import { getMemberRow } from '../members/member-repo';
import { enabledCurrencies, findWalletAccountId, memberWallets } from '../members/member-wallets';
import { walletHistoryContext } from '../members/wallet-history-context';
import type { Store } from '../store/store';
import { selectAll } from '../store/sql';
import { walletSql } from './tables';

// What a teller reads about a member's money. Reads never open a wallet: a currency enabled after
// the member joined shows as an empty wallet until the first operation in it.

export function walletSummary(store: Store, memberId: number): { memberId: number; wallets: Wallet[] } {
  getMemberRow(store, memberId, 'memberId');
  // Points have their own tab (points.summary): a PTS account is never a wallet the counter offers.
  const opened = memberWallets(store, memberId).filter((w) => w.currency !== POINTS_CURRENCY);
  const wallets: Wallet[] = opened.map((w) => {
    const balance = balanceOf(store, w.accountId);
    return { currency: w.currency, accountId: w.accountId, balance: balance.posted, available: balance.available, pending: balance.pendingDebits };
  });
  for (const currency of enabledCurrencies(store)) {
    if (!opened.some((w) => w.currency === currency)) wallets.push({ currency, accountId: null, balance: 0, available: 0, pending: 0 });
  }
  return { memberId, wallets: wallets.sort((a, b) => a.currency.localeCompare(b.currency)) };
}

function receiptNumbers(store: Store, transferIds: number[]): Map<number, string> {
  if (transferIds.length === 0) return new Map();
  const query = walletSql
    .selectFrom('wallet_receipt_transfers as t')
    .innerJoin('wallet_receipts as r', 'r.id', 't.receipt_id')
    .select(['t.transfer_id', 'r.receipt_number'])
    .where('t.transfer_id', 'in', transferIds);
  const rows = selectAll(store.sqlite, query);
  return new Map(rows.map((r) => [r.transfer_id, r.receipt_number]));
}

/** The wallet's transfers, newest first, each with the receipt it was posted under, the balance after it and its other side. */
export function walletHistory(store: Store, query: WalletHistoryQuery): { rows: WalletHistoryRow[]; total: number } {
  getMemberRow(store, query.memberId, 'memberId');
  const accountId = findWalletAccountId(store, query.memberId, query.currency);
  if (accountId === undefined) return { rows: [], total: 0 };
  const page = accountTransfers(store, accountId, {
    offset: query.offset,
    limit: query.limit,
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.kinds === undefined ? {} : { kinds: query.kinds }),
  });
  const ids = page.rows.map((t) => t.id);
  const receipts = receiptNumbers(store, ids);
  const reversed = reversedAmong(store, ids);
  const context = walletHistoryContext(store, accountId, page.rows);
  return {
    rows: page.rows.map((t) => ({
      transferId: t.id,
      at: t.createdAt,
      kind: t.kind,
      direction: t.creditAccountId === accountId ? 'in' : 'out',
      amount: t.amount,
      memo: t.memo,
      receiptNumber: receipts.get(t.id) ?? null,
      reversed: reversed.has(t.id),
      balanceAfter: context.balanceAfter(t.id),
      counterparty: context.counterparty(t),
    })),
    total: page.total,
  };
}
