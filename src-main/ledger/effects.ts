import type { AccountKind, TransferState } from '../../src-shared/contract/ledger';
import type { Totals } from './rows';

// How one journal row moves the running totals of its two accounts. The engine applies it when
// posting and verify applies it when replaying, so both read the journal the same way.

/**
 * `holdAmount` is the amount of the hold a post or void resolves: resolving releases the whole
 * reservation, and a post then moves only what it posts (TigerBeetle's post_pending_transfer).
 */
export function applyMove(totals: Totals, side: 'debit' | 'credit', state: TransferState, amount: number, holdAmount: number): void {
  const debit = side === 'debit';
  switch (state) {
    case 'posted':
    case 'reversal':
      if (debit) totals.debits_posted += amount;
      else totals.credits_posted += amount;
      return;
    case 'pending':
      if (debit) totals.debits_pending += amount;
      else totals.credits_pending += amount;
      return;
    case 'post_pending':
      if (debit) {
        totals.debits_pending -= holdAmount;
        totals.debits_posted += amount;
      } else {
        totals.credits_pending -= holdAmount;
        totals.credits_posted += amount;
      }
      return;
    case 'void_pending':
      if (debit) totals.debits_pending -= holdAmount;
      else totals.credits_pending -= holdAmount;
      return;
  }
}

/** Liability, equity and income accounts grow with credits; assets and expenses with debits. */
export function isCreditNormal(kind: AccountKind): boolean {
  return kind === 'liability' || kind === 'equity' || kind === 'income';
}

export function postedBalance(kind: AccountKind, totals: Totals): number {
  return isCreditNormal(kind) ? totals.credits_posted - totals.debits_posted : totals.debits_posted - totals.credits_posted;
}

/** The posted balance less pending outflows (pending debits of a liability wallet, pending credits of an asset). */
export function availableBalance(kind: AccountKind, totals: Totals): number {
  return isCreditNormal(kind)
    ? totals.credits_posted - totals.debits_posted - totals.debits_pending
    : totals.debits_posted - totals.credits_posted - totals.credits_pending;
}
