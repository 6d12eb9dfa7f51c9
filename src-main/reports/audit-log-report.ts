import { AppError } from '../../src-shared/errors';
import type { ReportDefinition } from './report-definition';

// TODO(issue 12): the audit-log report.
export const auditLogReport: ReportDefinition = {
  id: 'audit-log',
  open() {
    throw new AppError('INVALID_INPUT', 'The audit-log report is not built yet.', { field: 'report' });
  },
};
