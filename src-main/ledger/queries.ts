import { AppError } from '../../src-shared/errors';
import type { AccountKind, AccountWithBalance, OwnerType, Transfer, TransferDetail } from '../../src-shared/contract/ledger';
import type { Store } from '../store/store';
import { balanceOfAccount, getAccountRow } from './accounts';
import { toAccount, toTransfer, type AccountRow, type TransferRow } from './rows';
import { ledgerStatements } from './statements';
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

/**
 * An account's transfers, newest first. Each side is read through its own account index (which
 * ends in the id) and the two are merged, so a busy system account pages without sorting its
 * whole history.
 */
export function accountTransfers(store: Store, accountId: number, query: AccountTransfersQuery): { rows: Transfer[]; total: number } {
  getAccountRow(store, accountId);
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  if (query.from !== undefined) {
    conditions.push('created_at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    conditions.push('created_at < ?');
    params.push(query.to);
  }
  if (query.kinds && query.kinds.length > 0) {
    conditions.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
    params.push(...query.kinds);
  }
  const extra = conditions.map((c) => ` AND ${c}`).join('');
  const window = query.offset + query.limit;
  const side = (column: string) => `SELECT * FROM (SELECT * FROM transfers WHERE ${column} = ?${extra} ORDER BY id DESC LIMIT ?)`;
  const rows = store.sqlite
    .prepare<unknown[], TransferRow>(`${side('debit_account_id')} UNION ALL ${side('credit_account_id')} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(accountId, ...params, window, accountId, ...params, window, query.limit, query.offset);
  const count = (column: string) =>
    store.sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM transfers WHERE ${column} = ?${extra}`).get(accountId, ...params)!.n;
  return { rows: rows.map(toTransfer), total: count('debit_account_id') + count('credit_account_id') };
}

export interface AccountFilter {
  currency?: string;
  kind?: AccountKind;
  ownerType?: OwnerType;
}

function whereOf(filter: AccountFilter): { sql: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [['currency', filter.currency], ['kind', filter.kind], ['owner_type', filter.ownerType]] as const) {
    if (value === undefined) continue;
    conditions.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '', params };
}

export function withBalance(row: AccountRow): AccountWithBalance {
  const account = toAccount(row);
  return { ...account, balance: balanceOfAccount(account) };
}

/** The chart of accounts with balances, in code order. */
export function listAccounts(store: Store, filter: AccountFilter & { offset: number; limit: number }): { rows: AccountWithBalance[]; total: number } {
  const where = whereOf(filter);
  const rows = store.sqlite
    .prepare<unknown[], AccountRow>(`SELECT * FROM accounts${where.sql} ORDER BY code LIMIT ? OFFSET ?`)
    .all(...where.params, filter.limit, filter.offset);
  const { n } = store.sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM accounts${where.sql}`).get(...where.params)!;
  return { rows: rows.map(withBalance), total: n };
}

export function selectAccounts(store: Store, filter: AccountFilter): AccountRow[] {
  const where = whereOf(filter);
  return store.sqlite.prepare<unknown[], AccountRow>(`SELECT * FROM accounts${where.sql} ORDER BY code`).all(...where.params);
}
