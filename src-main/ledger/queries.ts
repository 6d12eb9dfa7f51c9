import { AppError } from '../../src-shared/errors';
import type { AccountKind, AccountWithBalance, OwnerType, Transfer, TransferDetail } from '../../src-shared/contract/ledger';
import { selectAll, selectFirst } from '../store/sql';
import type { Store } from '../store/store';
import { balanceOfAccount, getAccountRow } from './accounts';
import { toAccount, toTransfer, type AccountRow, type TransferRow } from './rows';
import { ledgerStatements } from './statements';
import { ledgerSql } from './tables';
import type { AccountTransfersQuery } from './types';

// Read side of the ledger: one transfer with its links, an account's history, the accounts list.

export function getTransfer(store: Store, id: number): Transfer {
  const row = Number.isSafeInteger(id) ? ledgerStatements(store.sqlite).transferById.get(id) : undefined;
  if (!row) throw new AppError('TRANSFER_NOT_FOUND', `Transfer ${String(id)} does not exist.`, { field: 'id' });
  return toTransfer(row);
}

/** The transfer an idempotency key names, if it was used. */
export function findTransferByKey(store: Store, idempotencyKey: string): Transfer | undefined {
  const row = ledgerStatements(store.sqlite).transferByKey.get(idempotencyKey);
  return row ? toTransfer(row) : undefined;
}

/** The transfer and every row it is linked to: its hold or resolution, what it reverses or what reversed it. */
export function transferDetail(store: Store, id: number): TransferDetail {
  const statements = ledgerStatements(store.sqlite);
  const transfer = getTransfer(store, id);
  const maybe = (row: TransferRow | undefined) => (row ? toTransfer(row) : null);
  const ref = (accountId: number) => {
    const account = getAccountRow(store, accountId);
    return { id: account.id, code: account.code, name: account.name };
  };
  return {
    transfer,
    debitAccount: ref(transfer.debitAccountId),
    creditAccount: ref(transfer.creditAccountId),
    hold: transfer.pendingId === null ? null : maybe(statements.transferById.get(transfer.pendingId)),
    resolution: transfer.state === 'pending' ? maybe(statements.resolutionOf.get(transfer.id)) : null,
    reverses: transfer.reversesId === null ? null : maybe(statements.transferById.get(transfer.reversesId)),
    reversal: maybe(statements.reversalOf.get(transfer.id)),
  };
}

/** Which of these transfers a reversal has undone (a page of history at a time, so the list is short). */
export function reversedAmong(store: Store, transferIds: readonly number[]): Set<number> {
  if (transferIds.length === 0) return new Set();
  const rows = selectAll(store.sqlite, ledgerSql.selectFrom('transfers').select('reverses_id').where('reverses_id', 'in', transferIds));
  return new Set(rows.map((row) => row.reverses_id!));
}

type Side = 'debit_account_id' | 'credit_account_id';

/** The transfers on one side of an account that pass the query's filters. */
function sideTransfers(accountId: number, side: Side, query: AccountTransfersQuery) {
  let transfers = ledgerSql.selectFrom('transfers').where(side, '=', accountId);
  if (query.from !== undefined) transfers = transfers.where('created_at', '>=', query.from);
  if (query.to !== undefined) transfers = transfers.where('created_at', '<', query.to);
  if (query.kinds && query.kinds.length > 0) transfers = transfers.where('kind', 'in', query.kinds);
  return transfers;
}

/**
 * An account's transfers, newest first. Each side is read through its own account index (which
 * ends in the id) and the two are merged, so a busy system account pages without sorting its
 * whole history.
 */
export function accountTransfers(store: Store, accountId: number, query: AccountTransfersQuery): { rows: Transfer[]; total: number } {
  getAccountRow(store, accountId);
  const window = query.offset + query.limit;
  const newest = (side: Side) =>
    ledgerSql.selectFrom(sideTransfers(accountId, side, query).selectAll().orderBy('id', 'desc').limit(window).as('newest')).selectAll();
  const page = newest('debit_account_id').unionAll(newest('credit_account_id')).orderBy('id', 'desc').limit(query.limit).offset(query.offset);
  const count = (side: Side) => selectFirst(store.sqlite, sideTransfers(accountId, side, query).select((eb) => eb.fn.countAll<number>().as('n')))!.n;
  return { rows: selectAll(store.sqlite, page).map(toTransfer), total: count('debit_account_id') + count('credit_account_id') };
}

export interface AccountFilter {
  currency?: string;
  kind?: AccountKind;
  ownerType?: OwnerType;
}

function filteredAccounts(filter: AccountFilter) {
  let accounts = ledgerSql.selectFrom('accounts');
  if (filter.currency !== undefined) accounts = accounts.where('currency', '=', filter.currency);
  if (filter.kind !== undefined) accounts = accounts.where('kind', '=', filter.kind);
  if (filter.ownerType !== undefined) accounts = accounts.where('owner_type', '=', filter.ownerType);
  return accounts;
}

export function withBalance(row: AccountRow): AccountWithBalance {
  const account = toAccount(row);
  return { ...account, balance: balanceOfAccount(account) };
}

/** The chart of accounts with balances, in code order. */
export function listAccounts(store: Store, filter: AccountFilter & { offset: number; limit: number }): { rows: AccountWithBalance[]; total: number } {
  const rows = selectAll(store.sqlite, filteredAccounts(filter).selectAll().orderBy('code').limit(filter.limit).offset(filter.offset));
  const { n } = selectFirst(store.sqlite, filteredAccounts(filter).select((eb) => eb.fn.countAll<number>().as('n')))!;
  return { rows: rows.map(withBalance), total: n };
}

export function selectAccounts(store: Store, filter: AccountFilter): AccountRow[] {
  return selectAll(store.sqlite, filteredAccounts(filter).selectAll().orderBy('code'));
}
