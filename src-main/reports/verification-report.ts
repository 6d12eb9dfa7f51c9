import { AppError } from '../../src-shared/errors';
import type { ReportDefinition } from './report-definition';

// TODO(issue 12): the verification report.
export const verificationReport: ReportDefinition = {
  id: 'verification',
  open() {
    throw new AppError('INVALID_INPUT', 'The verification report is not built yet.', { field: 'report' });
  },
};
