import { AppError } from '../../src-shared/errors';
import type { ReportFileFormat } from './report-export';

// TODO(issue 12): the PDF writer (pdfkit, Noto Sans SC) lands next.
export const pdfFormat: ReportFileFormat = {
  mediaType: 'application/pdf',
  extension: 'pdf',
  open() {
    throw new AppError('INVALID_INPUT', 'PDF exports are not built yet.', { field: 'format' });
  },
};
