import { AppError } from '../../src-shared/errors';
import { isKnownCurrency } from '../../src-shared/money';
import { ACCOUNT_KINDS, OWNER_TYPES, type Account, type Balance } from '../../src-shared/contract/ledger';
import { recordAudit } from '../audit/record-audit';
import { execute } from '../store/sql';
import type { Store } from '../store/store';
import { availableBalance, postedBalance, type Totals } from './effects';
import { toAccount, type AccountRow } from './rows';
import { ledgerStatements } from './statements';
import { ledgerSql } from './tables';
import type { AccountSpec } from './types';

function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', `${field}: ${message}`, { field });
}

function checkSpec(spec: AccountSpec): void {
  if (typeof spec.code !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(spec.code)) throw invalid('code', 'letters, digits, dot, dash or underscore');
  if (typeof spec.name !== 'string' || spec.name.trim() === '' || spec.name.length > 120) throw invalid('name', '1 to 120 characters');
  if (!ACCOUNT_KINDS.includes(spec.kind)) throw invalid('kind', ACCOUNT_KINDS.join(', '));
  if (!isKnownCurrency(spec.currency)) throw invalid('currency', `unknown currency ${String(spec.currency)}`);
  if (!OWNER_TYPES.includes(spec.ownerType)) throw invalid('ownerType', OWNER_TYPES.join(', '));
  if (spec.ownerType === 'member' && !Number.isSafeInteger(spec.ownerId)) throw invalid('ownerId', 'a member account names its member');
}

/** Inserts an account row; `systemRole` is set only by the chart of accounts. */
export function insertAccount(store: Store, spec: AccountSpec, systemRole: string | null, now: Date): Account {
  checkSpec(spec);
  const statements = ledgerStatements(store.sqlite);
  if (statements.accountByCode.get(spec.code)) {
    throw new AppError('ACCOUNT_EXISTS', `An account with code ${spec.code} already exists.`, { field: 'code' });
  }
  const info = statements.insertAccount.run(
    spec.code, spec.name.trim(), spec.kind, spec.currency, spec.ownerType, spec.ownerId, systemRole, spec.noOverdraft ? 1 : 0, now.toISOString(),
  );
  return getAccount(store, Number(info.lastInsertRowid));
}

/** Opens an account with zero totals. Codes are unique across the ledger (ACCOUNT_EXISTS). */
export function createAccount(store: Store, spec: AccountSpec, now: Date = new Date()): Account {
  return insertAccount(store, spec, null, now);
}

export function getAccountRow(store: Store, id: number): AccountRow {
  const row = Number.isSafeInteger(id) ? ledgerStatements(store.sqlite).accountById.get(id) : undefined;
  if (!row) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${String(id)} does not exist.`, { field: 'accountId', accountId: id });
  return row;
}

export function getAccount(store: Store, id: number): Account {
  return toAccount(getAccountRow(store, id));
}

export function findAccountByCode(store: Store, code: string): Account | undefined {
  const row = ledgerStatements(store.sqlite).accountByCode.get(code);
  return row ? toAccount(row) : undefined;
}

/** The balance in the account's normal direction. */
export function balanceOfAccount(account: Totals & Pick<Account, 'kind'>): Balance {
  return {
    posted: postedBalance(account.kind, account),
    pendingDebits: account.debitsPending,
    pendingCredits: account.creditsPending,
    available: availableBalance(account.kind, account),
  };
}

export function balanceOf(store: Store, accountId: number): Balance {
  return balanceOfAccount(getAccount(store, accountId));
}

/**
 * Closes an account for good. Only an empty account closes: no posted balance and no pending
 * hold either way, so no money is stranded in it.
 */
export function closeAccount(store: Store, id: number, actor: string, now: Date = new Date()): Account {
  return store.sqlite
    .transaction(() => {
      const account = getAccount(store, id);
      if (account.closed) throw new AppError('ACCOUNT_CLOSED', `Account ${account.code} is already closed.`, { field: 'accountId', accountId: id });
      const balance = balanceOfAccount(account);
      if (balance.posted !== 0 || account.debitsPending !== 0 || account.creditsPending !== 0) {
        throw new AppError('ACCOUNT_HAS_BALANCE', `Account ${account.code} still holds ${balance.posted} with pending ${account.debitsPending}/${account.creditsPending}.`, {
          field: 'accountId',
          balance,
        });
      }
      execute(store.sqlite, ledgerSql.updateTable('accounts').set({ closed: 1, closed_at: now.toISOString() }).where('id', '=', id));
      recordAudit(store, { actor, action: 'ledger.closeAccount', entityType: 'account', entityId: id, before: { closed: false }, after: { closed: true, code: account.code } }, now);
      return getAccount(store, id);
    })
    .immediate();
}
