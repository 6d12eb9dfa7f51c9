import { AppError } from '../../src-shared/errors';
import type { ReportDefinition } from './report-definition';

// TODO(issue 12): the payouts report.
export const payoutReport: ReportDefinition = {
  id: 'payouts',
  open() {
    throw new AppError('INVALID_INPUT', 'The payouts report is not built yet.', { field: 'report' });
  },
};
