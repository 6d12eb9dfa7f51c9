import type { ReportId } from '../../src-shared/reports/report-access';
import type { ReportDefinition } from './report-definition';
import { trialBalanceReport } from './trial-balance-report';

// TODO(issue 12): every report registers here.
export const REPORTS: Partial<Record<ReportId, ReportDefinition>> = {
  'trial-balance': trialBalanceReport,
};
