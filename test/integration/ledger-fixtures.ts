import { randomBytes } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import { createStore, type Store } from '../../src-main/store/store';
import { createAccount, systemAccount, type Account, type TransferRequest } from '../../src-main/ledger';
import { tempDataDir } from '../support/temp-data';

// Shared by the ledger tests: a real encrypted store in a temporary folder, a few accounts, and
// a snapshot of everything a refusal must leave untouched.

const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

export async function ledgerStore(): Promise<Store> {
  const store = await createStore(tempDataDir(), randomBytes(32));
  stores.push(store);
  return store;
}

export interface Book {
  store: Store;
  cash: Account;
  merchant: Account;
  fees: Account;
  alice: Account;
  bob: Account;
}

let walletSeq = 0;

export function openWallet(store: Store, name: string, currency = 'CNY'): Account {
  walletSeq += 1;
  return createAccount(store, { code: `2100-${name}-${walletSeq}-${currency}`, name, kind: 'liability', currency, ownerType: 'member', ownerId: walletSeq, noOverdraft: true });
}

/** Two member wallets (no overdraft) beside the CNY system accounts. */
export async function book(): Promise<Book> {
  const store = await ledgerStore();
  return {
    store,
    cash: systemAccount(store, 'branch_cash', 'CNY'),
    merchant: systemAccount(store, 'merchant_settlement', 'CNY'),
    fees: systemAccount(store, 'fee_income', 'CNY'),
    alice: openWallet(store, 'alice'),
    bob: openWallet(store, 'bob'),
  };
}

let keySeq = 0;

export function req(debit: Account, credit: Account, amount: number, extra: Partial<TransferRequest> = {}): TransferRequest {
  keySeq += 1;
  return { idempotencyKey: `test-${keySeq}`, debitAccountId: debit.id, creditAccountId: credit.id, amount, kind: 'deposit', actor: 'tina', ...extra };
}

/** Every account row byte for byte, and the journal's length and head. */
export function snapshot(store: Store): unknown {
  return {
    accounts: store.sqlite.prepare('SELECT * FROM accounts ORDER BY id').all(),
    journal: store.sqlite.prepare('SELECT count(*) AS n, max(id) AS last, (SELECT hash FROM transfers ORDER BY id DESC LIMIT 1) AS head FROM transfers').get(),
  };
}

/** Runs a change that must be refused with `code`, and proves nothing changed. */
export function expectRefused(store: Store, code: string, change: () => unknown, details?: Record<string, unknown>): void {
  const before = snapshot(store);
  let thrown: unknown;
  try {
    change();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected ${code}`).toMatchObject({ code, ...(details ? { details: expect.objectContaining(details) } : {}) });
  expect(snapshot(store)).toEqual(before);
}
