// A batch's page is /payouts/:batchId (payout-paths.ts); the id as the route gives it is text.

/** The batch id in the route, or null when it is not a positive whole number. */
export function batchIdFrom(param: string | undefined): number | null {
  if (param === undefined || !/^[1-9]\d*$/.test(param)) return null;
  const id = Number(param);
  return Number.isSafeInteger(id) ? id : null;
}
