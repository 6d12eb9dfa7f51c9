import { dashboardSummary } from '../../reports/dashboard-summary';
import type { HandlerMap } from '../handler';

export const dashboardHandlers: HandlerMap<'dashboard.summary'> = {
  'dashboard.summary': (input, ctx) => dashboardSummary({ store: ctx.store, role: ctx.app.certifiedRole(), now: ctx.now, ...input }),
};
