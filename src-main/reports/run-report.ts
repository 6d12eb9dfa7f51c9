import type { ReportDocument } from '../../src-shared/contract/reports';
import { REPORT_PREVIEW_ROWS } from '../../src-shared/contract/reports';
import type { ReportId } from '../../src-shared/reports/report-access';
import type { OpenedReport, ReportContext } from './report-definition';
import { reportHeader } from './report-header';
import { REPORTS } from './report-registry';

export function openReport(id: ReportId, ctx: ReportContext): OpenedReport {
  return REPORTS[id].open(ctx);
}

/** Refuses the parameters a report would refuse (coded errors), reading as little as it can. */
export function checkReportParams(id: ReportId, ctx: ReportContext): void {
  const definition = REPORTS[id];
  if (definition.check) definition.check(ctx);
  else ctx.store.sqlite.transaction(() => definition.open(ctx)).deferred();
}

function firstRows<T>(rows: Iterable<T>, limit: number): T[] {
  const taken: T[] = [];
  if (limit <= 0) return taken;
  for (const row of rows) {
    taken.push(row);
    if (taken.length >= limit) break;
  }
  return taken;
}

/** The report for the screen: header, and each section's first rows with its full count, read in one snapshot. */
export function previewReport(id: ReportId, ctx: ReportContext, limit = REPORT_PREVIEW_ROWS): ReportDocument {
  return ctx.store.sqlite
    .transaction(() => {
      const opened = openReport(id, ctx);
      const header = reportHeader(id, opened.parameters, ctx);
      const sections = opened.sections.map((section) => ({ id: section.id, columns: section.columns, rows: firstRows(section.rows(), limit), totalRows: section.count() }));
      return { header, sections };
    })
    .deferred();
}
