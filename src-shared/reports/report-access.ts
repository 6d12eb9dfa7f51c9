import type { Permission } from '../permissions';

// Which reports exist and who may run each. Auditors and admins see all; finance the money
// reports; tellers member statements and their own counter receipts. The router checks this on
// every run and export; the screens only use it to offer what a person may run.

export const REPORT_IDS = ['trial-balance', 'statement', 'points-liability', 'cards', 'payouts', 'audit-log', 'verification', 'receipts'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const REPORT_ACCESS: Record<ReportId, Permission> = {
  'trial-balance': 'reports.ledger',
  statement: 'reports.statement',
  'points-liability': 'reports.ledger',
  cards: 'reports.cards',
  payouts: 'reports.payouts',
  'audit-log': 'reports.audit',
  verification: 'reports.audit',
  /** Tellers see only their own receipts (the report narrows itself); everyone else sees every teller's. */
  receipts: 'reports.statement',
};
