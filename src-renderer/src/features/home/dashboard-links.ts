// The screens behind the dashboard's figures. A figure links only where the role may go (the
// links are checked against the routes the frame made available).

export const DASHBOARD_LINKS = {
  accounts: '/ledger/accounts',
  pointsReport: '/reports?report=points-liability',
  reports: '/reports',
  waitingBatches: '/payouts?status=submitted',
  payouts: '/payouts',
  members: '/members',
  cards: '/cards',
  verify: '/verify',
  audit: '/audit',
} as const;

export function membersOfTier(tier: string): string {
  return `${DASHBOARD_LINKS.members}?tier=${encodeURIComponent(tier)}`;
}

export function payoutsOfStatus(status: string): string {
  return `${DASHBOARD_LINKS.payouts}?status=${encodeURIComponent(status)}`;
}
