import { AppError } from '../../src-shared/errors';
import type { ReportDefinition } from './report-definition';

// TODO(issue 12): the cards report.
export const cardRegisterReport: ReportDefinition = {
  id: 'cards',
  open() {
    throw new AppError('INVALID_INPUT', 'The cards report is not built yet.', { field: 'report' });
  },
};
