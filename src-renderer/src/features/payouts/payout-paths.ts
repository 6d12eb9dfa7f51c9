// Where the payout screens live: the list is the navigation's entry, the import wizard and a
// batch's page are reached from it (and keep "Payouts" selected in the navigation).

export const PAYOUTS_PATH = '/payouts';
export const PAYOUT_IMPORT_PATH = '/payouts/import';
/** A batch's page, as the router matches it; `batchPath` builds one. */
export const PAYOUT_BATCH_PATH = '/payouts/:batchId';

export function batchPath(batchId: number): string {
  return `${PAYOUTS_PATH}/${batchId}`;
}
