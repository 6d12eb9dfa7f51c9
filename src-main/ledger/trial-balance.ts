import type { CurrencyTotals, OwnerType, TrialBalance } from '../../src-shared/contract/ledger';
import type { Store } from '../store/store';
import { GENESIS_HASH } from './journal';
import { selectAccounts, withBalance } from './queries';
import { ledgerStatements } from './statements';

// The trial balance reads the running totals, not the journal: it costs one pass over the
// accounts however long the journal grows. verify proves the totals equal the journal.

interface TotalsRow {
  currency: string;
  debits_posted: number;
  credits_posted: number;
  debits_pending: number;
  credits_pending: number;
}

export function currencyTotals(store: Store): CurrencyTotals[] {
  const rows = store.sqlite
    .prepare<[], TotalsRow>(
      `SELECT currency, sum(debits_posted) AS debits_posted, sum(credits_posted) AS credits_posted,
              sum(debits_pending) AS debits_pending, sum(credits_pending) AS credits_pending
       FROM accounts GROUP BY currency ORDER BY currency`,
    )
    .all();
  return rows.map((r) => ({
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
