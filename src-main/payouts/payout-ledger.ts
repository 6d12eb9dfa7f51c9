// The journal's side of a payout batch (issue 11), in the batch's currency:
// - approval:  a hold on 1200 Payout funding for the batch total, credit 2400 Payouts in execution
// - execution: first the hold is posted in full (the money is now in execution); then each item
//              moves from 2400 to the member's wallet (PAID) or to 2410 Bank payouts clearing
//              (SENT); at the end whatever was not paid goes back from 2400 to funding
// - the bank:  a SENT item is settled (2410 → 1100 Bank settlement) or returned (2410 → 1200)
// The ledger's holds resolve once, between two accounts, which keeps their invariants simple; a
// batch pays many accounts, so it resolves its hold once, into an account of its own, and pays
// from there. Every transfer's key is derived from the batch and item, so running execution
// again after a crash finds what was written and pays nothing twice.

export const PAYOUT_KINDS = {
  batch: 'payout_batch',
  item: 'payout',
  release: 'payout_release',
  settlement: 'payout_settlement',
  return: 'payout_return',
  funding: 'payout_funding',
} as const;

export type BatchStep = 'hold' | 'start' | 'release';

export function payoutLedgerKey(batchId: number, step: BatchStep): string {
  return `payout:${batchId}:${step}`;
}

export function itemLedgerKey(batchId: number, itemId: number, step: 'pay' | 'settle' | 'return' = 'pay'): string {
  return `payout:${batchId}:item:${itemId}${step === 'pay' ? '' : `:${step}`}`;
}

export function itemCause(itemId: number): string {
  return `payout-item:${itemId}`;
}
