import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../src-shared/errors';
import { exportResultSchema, type ExportResult } from '../../../src-shared/contract/reports';
import type { ParsedInput } from '../../../src-shared/contract';
import { exportReport, exportTarget } from '../../reports/report-export';
import { checkReportParams } from '../../reports/run-report';
import type { CallContext, HandlerMap } from '../handler';
import { startJournalExportJob } from '../../reports/journal-export-job';
import { reportContext, requireReport } from './reports';

/** Job kinds whose result is an exportResult: the file `reports.download` hands back. */
const EXPORT_JOB_KINDS = new Set(['reports.export', 'reports.exportJournal']);

/** The screen receives a download as base64 in one answer; a bigger file is opened from its folder instead. */
export const DOWNLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Refused at once, before any job starts: a report this role may not run, parameters the report
 * does not accept (a future date, an unknown member: checkReportParams),
 * a folder that is not there. The job then reads everything on a snapshot of its own.
 */
function startReportExport(input: ParsedInput<'reports.export'>, ctx: CallContext): { jobId: string } {
  requireReport(ctx, input.report);
  const { app, store, now } = ctx;
  const readCtx = reportContext(ctx, input.params);
  checkReportParams(input.report, readCtx);
  const target = exportTarget(store, input.report, input.format, now, input.path);
  const jobId = app.jobs.start(
    'reports.export',
    ({ report: onProgress, signal }) =>
      exportReport({ report: input.report, format: input.format, language: input.language, target, ctx: readCtx, options: app.options, onProgress, signal }),
    { cancellable: true, now },
  );
  return { jobId };
}

/** The file of a finished export job of this session, as it was written (its hash is checked). */
function downloadExport(input: ParsedInput<'reports.download'>, { app }: CallContext) {
  const job = app.jobs.get(input.jobId);
  if (!EXPORT_JOB_KINDS.has(job.kind)) throw new AppError('JOB_NOT_FOUND', `Job ${input.jobId} wrote no file.`, { field: 'jobId' });
  if (job.state !== 'done') {
    throw new AppError('INVALID_INPUT', `Job ${input.jobId} has not finished writing its file (${job.state}).`, { field: 'jobId', reason: 'not_finished', state: job.state });
  }
  const result: ExportResult = exportResultSchema.parse(job.result);
  if (!existsSync(result.path)) throw new AppError('INVALID_INPUT', `${result.path} is no longer there.`, { field: 'jobId', reason: 'file_missing' });
  const bytes = statSync(result.path).size;
  if (bytes > DOWNLOAD_LIMIT_BYTES) {
    throw new AppError('INVALID_INPUT', `${result.fileName} is ${Math.ceil(bytes / 1024 / 1024)} MB, more than the ${DOWNLOAD_LIMIT_BYTES / 1024 / 1024} MB a download holds; open it from ${result.path}.`, {
      field: 'jobId',
      reason: 'too_large',
      path: result.path,
      bytes,
    });
  }
  const content = readFileSync(result.path);
  if (createHash('sha256').update(content).digest('hex') !== result.sha256) {
    throw new AppError('INVALID_INPUT', `${result.path} was changed after it was written.`, { field: 'jobId', reason: 'file_changed' });
  }
  return { fileName: result.fileName, mediaType: result.mediaType, base64: content.toString('base64') };
}

export const reportExportHandlers: HandlerMap<'reports.export' | 'reports.exportJournal' | 'reports.download'> = {
  'reports.export': startReportExport,
  'reports.exportJournal': (input, { app, store, session, signer, now }) =>
    startJournalExportJob({ jobs: app.jobs, store, username: session.username, trustFingerprint: signer.trustFingerprint, now, nativeBinding: app.options.nativeBinding }, input),
  'reports.download': downloadExport,
};
