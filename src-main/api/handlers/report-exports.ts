import { AppError } from '../../../src-shared/errors';
import type { HandlerMap } from '../handler';

// TODO(issue 12): exports as jobs (formats helper).
const notYet = (): never => {
  throw new AppError('INVALID_INPUT', 'Exports are not built yet.', { field: 'format' });
};

export const reportExportHandlers: HandlerMap<'reports.export' | 'reports.exportJournal' | 'reports.download'> = {
  'reports.export': notYet,
  'reports.exportJournal': notYet,
  'reports.download': notYet,
};
