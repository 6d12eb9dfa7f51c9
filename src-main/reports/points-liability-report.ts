import { AppError } from '../../src-shared/errors';
import type { ReportDefinition } from './report-definition';

// TODO(issue 12): the points-liability report.
export const pointsLiabilityReport: ReportDefinition = {
  id: 'points-liability',
  open() {
    throw new AppError('INVALID_INPUT', 'The points-liability report is not built yet.', { field: 'report' });
  },
};
