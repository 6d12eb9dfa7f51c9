import type { CurrencyTotals, OwnerType, TrialBalance } from '../../src-shared/contract/ledger';
import { selectAll } from '../store/sql';
import type { Store } from '../store/store';
import { GENESIS_HASH } from './journal';
import { selectAccounts, withBalance } from './queries';
import { ledgerStatements } from './statements';
import { ledgerSql } from './tables';

// The trial balance reads the running totals, not the journal: it costs one pass over the
// accounts however long the journal grows. verify proves the totals equal the journal.

export function currencyTotals(store: Store): CurrencyTotals[] {
  const query = ledgerSql
    .selectFrom('accounts')
    .select(({ fn }) => [
      'currency',
      fn.sum<number>('debits_posted').as('debits_posted'),
      fn.sum<number>('credits_posted').as('credits_posted'),
      fn.sum<number>('debits_pending').as('debits_pending'),
      fn.sum<number>('credits_pending').as('credits_pending'),
    ])
    .groupBy('currency')
    .orderBy('currency');
  return selectAll(store.sqlite, query).map((r) => ({
    currency: r.currency,
    debitsPosted: r.debits_posted,
    creditsPosted: r.credits_posted,
    debitsPending: r.debits_pending,
    creditsPending: r.credits_pending,
    balanced: r.debits_posted === r.credits_posted && r.debits_pending === r.credits_pending,
  }));
}

export function journalHead(store: Store): { count: number; head: string } {
  const tail = ledgerStatements(store.sqlite).chainTail.get();
  return { count: tail?.id ?? 0, head: tail?.hash ?? GENESIS_HASH };
}

/** Totals per currency over every account, and the accounts themselves (optionally filtered). */
export function trialBalance(store: Store, filter: { currency?: string; ownerType?: OwnerType } = {}): TrialBalance {
  return store.sqlite
    .transaction(() => {
      const currencies = currencyTotals(store).filter((c) => filter.currency === undefined || c.currency === filter.currency);
      const accounts = selectAccounts(store, filter).map(withBalance);
      const { count, head } = journalHead(store);
      return { currencies, accounts, transferCount: count, head };
    })
    .deferred();
}
