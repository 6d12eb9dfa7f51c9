import type { Account, AccountKind, TransferState } from '../../src-shared/contract/ledger';

// How one journal row moves the running totals of its two accounts. The engine applies it when
// posting and verify applies it when replaying, so both read the journal the same way.

export type Totals = Pick<Account, 'debitsPosted' | 'creditsPosted' | 'debitsPending' | 'creditsPending'>;

/**
 * `holdAmount` is the amount of the hold a post or void resolves: resolving releases the whole
 * reservation, and a post then moves only what it posts (TigerBeetle's post_pending_transfer).
 */
export function applyMove(totals: Totals, side: 'debit' | 'credit', state: TransferState, amount: number, holdAmount: number): void {
  const debit = side === 'debit';
  switch (state) {
    case 'posted':
    case 'reversal':
      if (debit) totals.debitsPosted += amount;
      else totals.creditsPosted += amount;
      return;
    case 'pending':
      if (debit) totals.debitsPending += amount;
      else totals.creditsPending += amount;
      return;
    case 'post_pending':
      if (debit) {
        totals.debitsPending -= holdAmount;
        totals.debitsPosted += amount;
      } else {
        totals.creditsPending -= holdAmount;
        totals.creditsPosted += amount;
      }
      return;
    case 'void_pending':
      if (debit) totals.debitsPending -= holdAmount;
      else totals.creditsPending -= holdAmount;
      return;
  }
}

/** Liability, equity and income accounts grow with credits; assets and expenses with debits. */
export function isCreditNormal(kind: AccountKind): boolean {
  return kind === 'liability' || kind === 'equity' || kind === 'income';
}

export function postedBalance(kind: AccountKind, totals: Totals): number {
  return isCreditNormal(kind) ? totals.creditsPosted - totals.debitsPosted : totals.debitsPosted - totals.creditsPosted;
}

/** The posted balance less pending outflows (pending debits of a liability wallet, pending credits of an asset). */
export function availableBalance(kind: AccountKind, totals: Totals): number {
  return isCreditNormal(kind)
    ? totals.creditsPosted - totals.debitsPosted - totals.debitsPending
    : totals.debitsPosted - totals.creditsPosted - totals.creditsPending;
}
