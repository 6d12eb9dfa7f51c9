import type { ReportId } from '../../src-shared/reports/report-access';
import type { ReportDefinition } from './report-definition';
import { trialBalanceReport } from './trial-balance-report';
import { statementReport } from './statement-report';
import { pointsLiabilityReport } from './points-liability-report';
import { cardRegisterReport } from './card-register-report';
import { payoutReport } from './payout-report';
import { auditLogReport } from './audit-log-report';
import { verificationReport } from './verification-report';
import { receiptsReport } from './receipts-report';

export const REPORTS: Record<ReportId, ReportDefinition> = {
  'trial-balance': trialBalanceReport,
  statement: statementReport,
  'points-liability': pointsLiabilityReport,
  cards: cardRegisterReport,
  payouts: payoutReport,
  'audit-log': auditLogReport,
  verification: verificationReport,
  receipts: receiptsReport,
};
