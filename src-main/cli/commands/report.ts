import { AppError } from '../../../src-shared/errors';
import { REPORT_FORMATS, REPORT_LANGUAGES, type ReportFormat, type ReportLanguage, type ReportParams } from '../../../src-shared/contract/reports';
import { REPORT_IDS, type ReportId } from '../../../src-shared/reports/report-access';
import { expectOk, stringOption, type CliCommand, type CliContext } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';
import { choiceOption, exportOutcome, outOption, runExport, WHO } from './export';

// `report …`: an auditor's report written whole to a file (CSV, JSON or PDF) by the router's
// export job, the one the Reports screen starts, so who may run which report is decided there
// (src-shared/reports/report-access.ts) and the export is audited as from the screen.

/** Each parameter option and the report parameter it sets; every report reads the ones it needs. */
const PARAMETER_OPTIONS = { 'as-of': 'asOf', from: 'from', to: 'to', member: 'member', actor: 'actor', action: 'action', entity: 'entity' } as const;

function reportArgument(ctx: CliContext): ReportId {
  const [report, extra] = ctx.positionals;
  if (report === undefined) throw new AppError('INVALID_INPUT', `Name the report: ${REPORT_IDS.join(', ')}.`, { field: 'report' });
  if (!(REPORT_IDS as readonly string[]).includes(report)) throw new AppError('INVALID_INPUT', `There is no report "${report}"; the reports are ${REPORT_IDS.join(', ')}.`, { field: 'report' });
  if (extra !== undefined) throw new AppError('INVALID_INPUT', `Name one report; "${extra}" is one too many.`, { field: 'report' });
  return report as ReportId;
}

/** A batch id as `payouts list` prints it: `12` or `#12`. */
function batchOption(ctx: CliContext): number | undefined {
  const text = stringOption(ctx, 'batch');
  if (text === undefined) return undefined;
  const digits = text.replace(/^#/, '');
  if (!/^\d{1,15}$/.test(digits) || Number(digits) === 0) throw new AppError('INVALID_INPUT', `--batch must be a batch id such as 12; "${text}" is not.`, { field: 'batch' });
  return Number(digits);
}

function reportParams(ctx: CliContext): ReportParams {
  const params: ReportParams = {};
  for (const [option, key] of Object.entries(PARAMETER_OPTIONS)) {
    const value = stringOption(ctx, option);
    if (value !== undefined) params[key] = value;
  }
  const batch = batchOption(ctx);
  if (batch !== undefined) params.batch = batch;
  return params;
}

const PARAMETER_USAGE = '[--as-of T] [--from T --to T] [--member M] [--batch B] [--actor U] [--action A] [--entity E]';

export const reportCommand: CliCommand = {
  name: 'report',
  summary:
    'Write a report whole to a file: CSV (UTF-8 with BOM), JSON (amounts as decimal strings in major units) or PDF; every report states its parameters, who made it and when, both chain heads and the trust fingerprint. Progress on stderr.',
  usage: `report ${REPORT_IDS.join('|')} --format ${REPORT_FORMATS.join('|')} --out FILE --data DIR ${PARAMETER_USAGE} [--lang ${REPORT_LANGUAGES.join('|')}] ${WHO} [--json]`,
  options: {
    ...UNLOCK_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    batch: { type: 'string' },
    ...Object.fromEntries(Object.keys(PARAMETER_OPTIONS).map((option) => [option, { type: 'string' as const }])),
  },
  async run(ctx) {
    const report = reportArgument(ctx);
    const format: ReportFormat = choiceOption(ctx, 'format', REPORT_FORMATS);
    const language: ReportLanguage = choiceOption(ctx, 'lang', REPORT_LANGUAGES, 'en');
    const path = outOption(ctx);
    const params = reportParams(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const result = await runExport(ctx, router, path, async () => expectOk(await router.invoke('reports.export', { report, params, format, language, path })));
      return exportOutcome(`the ${report} report (${format})`, result);
    });
  },
};
