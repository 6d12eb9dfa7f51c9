import { AppError } from '../../../src-shared/errors';
import { can } from '../../../src-shared/permissions';
import { REPORT_ACCESS, REPORT_IDS, type ReportId } from '../../../src-shared/reports/report-access';
import type { ReportParams } from '../../../src-shared/contract/reports';
import type { ReportContext } from '../../reports/report-definition';
import { previewReport } from '../../reports/run-report';
import type { CallContext, HandlerMap } from '../handler';

/** Each report has its own permission; the channel is open to every session, so the router checks it here. */
export function requireReport(ctx: CallContext, report: ReportId): void {
  const role = ctx.app.certifiedRole();
  const permission = REPORT_ACCESS[report];
  if (!can(role, permission)) throw new AppError('FORBIDDEN', `The ${role} role may not run the ${report} report.`, { permission });
}

export function reportContext(ctx: CallContext, params: ReportParams): ReportContext {
  return { store: ctx.store, params, now: ctx.now, viewer: { username: ctx.session.username, role: ctx.app.certifiedRole() }, signer: ctx.signer };
}

export const reportHandlers: HandlerMap<'reports.run' | 'reports.available'> = {
  'reports.run': (input, ctx) => {
    requireReport(ctx, input.report);
    return previewReport(input.report, reportContext(ctx, input.params));
  },
  'reports.available': (_input, ctx) => REPORT_IDS.filter((report) => can(ctx.app.certifiedRole(), REPORT_ACCESS[report])),
};
