import { AppError } from '../../src-shared/errors';
import type { ReportDefinition } from './report-definition';

// TODO(issue 12): the statement report.
export const statementReport: ReportDefinition = {
  id: 'statement',
  open() {
    throw new AppError('INVALID_INPUT', 'The statement report is not built yet.', { field: 'report' });
  },
};
