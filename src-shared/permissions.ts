// The permission matrix. The router enforces it on every call; the UI only uses it to hide
// what a role cannot do.
export const ROLES = ['admin', 'teller', 'finance', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'staff.read',
  'staff.manage',
  'audit.read',
  'backup.run',
  'backup.restore',
  'keys.rekey',
  'settings.read',
  'settings.manage',
  'members.read',
  'members.write',
  'wallet.deposit',
  'wallet.withdraw',
  'wallet.pay',
  'wallet.transfer',
  'ledger.read',
  'ledger.reverse',
  /** Redeem a member's points into their wallet at the counter. */
  'points.redeem',
  /** Record a referral or a review, which earn points. */
  'points.record',
  /** Adjust a member's points by hand, with a reason. */
  'points.adjust',
  /** Set the lowest tier a member may hold. */
  'points.tierFloor',
  /** See card programs, cards (masked), their limits and activity, and members' bank cards. */
  'cards.read',
  /** Set up and close card programs (BIN, length, currency, default limits). */
  'cards.programs',
  /** Issue a virtual card, or replace one. */
  'cards.issue',
  /** Activate, freeze, unfreeze or cancel a card, and set card and member limits. */
  'cards.manage',
  /** See a card's full number and CVV again, with a reason, audited. */
  'cards.reveal',
  /** Authorize, capture and void card payments at the card terminal. */
  'cards.authorize',
  /** Link and unlink a member's own bank cards, and choose the default payout card. */
  'bankCards.manage',
  /** See payout batches, their items, timeline and results, and the funding account. */
  'payouts.read',
  /** Import a payout file as a draft batch, submit it for approval, or cancel it before approval. */
  'payouts.import',
  /** Approve or reject another person's payout batch (maker-checker). */
  'payouts.approve',
  /** Execute an approved batch, and record the bank's settlement or return of a bank-card item. */
  'payouts.execute',
  /** Deposit into the payout funding account. */
  'payouts.fund',
  /** Run every due task now (hold expiry, and later lot, card and authorization expiry). */
  'jobs.run',
  /** Trial balance, points liability and the journal export (ledger-cli, hledger, CSV). */
  'reports.ledger',
  /** A member's statement for a period: every movement, opening and closing balances, points. */
  'reports.statement',
  /** The card register (every card masked). */
  'reports.cards',
  /** The payout batch report: batches and items with maker, approvers, times and content hash. */
  'reports.payouts',
  /** The audit log extract and the rendered verification certificate. */
  'reports.audit',
  /** Load the deterministic demo data (`paydesk demo`): members, wallets and transfers in bulk. */
  'demo.load',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** `public` needs no session (status, setup, unlock); `session` needs any signed-in person. */
export type Access = Permission | 'public' | 'session';

const READ_ONLY: Permission[] = ['staff.read', 'audit.read', 'settings.read', 'members.read', 'ledger.read', 'cards.read', 'payouts.read', 'reports.ledger', 'reports.statement', 'reports.cards', 'reports.payouts', 'reports.audit'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  teller: ['members.read', 'members.write', 'wallet.deposit', 'wallet.withdraw', 'wallet.pay', 'wallet.transfer', 'points.redeem', 'points.record', 'cards.read', 'cards.issue', 'cards.manage', 'cards.authorize', 'bankCards.manage', 'reports.statement'],
  finance: ['members.read', 'ledger.read', 'ledger.reverse', 'audit.read', 'settings.read', 'jobs.run', 'points.adjust', 'cards.read', 'payouts.read', 'payouts.import', 'payouts.approve', 'payouts.execute', 'payouts.fund', 'reports.ledger', 'reports.statement', 'reports.payouts'],
  auditor: READ_ONLY,
};

export function can(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'session') return true;
  return ROLE_PERMISSIONS[role].includes(access);
}
