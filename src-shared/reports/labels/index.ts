import type { ReportId } from '../report-access';
import type { ReportLabels } from './text';
import { trialBalanceLabels } from './trial-balance';
import { statementLabels } from './statement';
import { pointsLiabilityLabels } from './points-liability';
import { cardsLabels } from './cards';
import { payoutsLabels } from './payouts';
import { auditLogLabels } from './audit-log';
import { verificationLabels } from './verification';
import { receiptsLabels } from './receipts';

export const REPORT_LABELS: Record<ReportId, ReportLabels> = {
  'trial-balance': trialBalanceLabels,
  statement: statementLabels,
  'points-liability': pointsLiabilityLabels,
  cards: cardsLabels,
  payouts: payoutsLabels,
  'audit-log': auditLogLabels,
  verification: verificationLabels,
  receipts: receiptsLabels,
};

export { HEADER_LABELS, PARAMETER_LABELS } from './common';
export type { ReportLabels, SectionLabels, Text } from './text';
