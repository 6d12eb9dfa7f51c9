import type { ReportParams } from '../../../../src-shared/contract/reports';
import { REPORT_IDS, type ReportId } from '../../../../src-shared/reports/report-access';
import { normalizeMemberNumber } from '../../../../src-shared/member-number';
import { dayRangeQuery } from '../../ui/DateRangeFields';

// What the Reports screen shows lives in the URL's query (as the journal's filters do): the report,
// the parameters as typed, and whether it was run, so Back or a reload shows the same report again
// and a report can be bookmarked. Defaults stay out of the URL.

/** The parameters as a person types them: days as yyyy-mm-dd, the moment as local yyyy-mm-ddTHH:mm, '' for none. */
export interface ReportParamValues {
  asOf: string;
  from: string;
  to: string;
  member: string;
  batch: string;
  actor: string;
  action: string;
  entity: string;
}

export type ParamField = keyof ReportParamValues;

export interface ReportView {
  report: ReportId | null;
  values: ReportParamValues;
  /** Whether Run was pressed for these values (the preview is shown). */
  ran: boolean;
  /** The section tab open, by its id ('' for the first). */
  section: string;
}

export const NO_PARAM_VALUES: ReportParamValues = { asOf: '', from: '', to: '', member: '', batch: '', actor: '', action: '', entity: '' };
export const NO_REPORT_VIEW: ReportView = { report: null, values: NO_PARAM_VALUES, ran: false, section: '' };

const PARAM_FIELDS = Object.keys(NO_PARAM_VALUES) as ParamField[];

/** The parameters each report reads, in the order its form shows them (the contract: reportParamsSchema). */
export const REPORT_FIELDS: Record<ReportId, readonly ParamField[]> = {
  'trial-balance': ['asOf'],
  statement: ['member', 'from', 'to'],
  'points-liability': ['asOf'],
  cards: [],
  payouts: ['from', 'to', 'batch'],
  'audit-log': ['from', 'to', 'actor', 'action', 'entity'],
  verification: [],
  receipts: ['from', 'to', 'actor'],
};

/** Parameters a report cannot be run without. */
export const REQUIRED_FIELDS: Partial<Record<ReportId, readonly ParamField[]>> = { statement: ['member'] };

function isReportId(value: string | null): value is ReportId {
  return (REPORT_IDS as readonly string[]).includes(value ?? '');
}

export function reportViewFrom(params: URLSearchParams): ReportView {
  const report = params.get('report');
  const values = Object.fromEntries(PARAM_FIELDS.map((field) => [field, params.get(field) ?? ''])) as unknown as ReportParamValues;
  return { report: isReportId(report) ? report : null, values, ran: params.get('run') === '1', section: params.get('section') ?? '' };
}

/** The query with this view written in; a report's unused parameters are left out. */
export function withReportView(params: URLSearchParams, view: ReportView): URLSearchParams {
  const next = new URLSearchParams(params);
  const used = view.report ? REPORT_FIELDS[view.report] : [];
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('report', view.report ?? '');
  for (const field of PARAM_FIELDS) set(field, used.includes(field) ? view.values[field] : '');
  set('run', view.ran && view.report ? '1' : '');
  set('section', view.section);
  return next;
}

/** A local yyyy-mm-ddTHH:mm as the instant it names. */
export function localMomentToIso(moment: string): string {
  return new Date(moment).toISOString();
}

/**
 * The channel's parameters for what was typed: only the fields the report reads, days as the
 * instants that bound them in local time, a member number without its spaces, a batch as a number.
 */
export function reportParamsFrom(report: ReportId, values: ReportParamValues): ReportParams {
  const used = new Set(REPORT_FIELDS[report]);
  const text = (field: ParamField) => (used.has(field) && values[field].trim() ? values[field].trim() : undefined);
  const asOf = text('asOf');
  const batch = text('batch');
  const member = text('member');
  const days = used.has('from') ? dayRangeQuery({ from: values.from, to: values.to }) : {};
  const params: ReportParams = {
    asOf: asOf === undefined ? undefined : localMomentToIso(asOf),
    ...days,
    member: member === undefined ? undefined : normalizeMemberNumber(member),
    batch: batch === undefined ? undefined : Number(batch),
    actor: text('actor'),
    action: text('action'),
    entity: text('entity'),
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as ReportParams;
}
