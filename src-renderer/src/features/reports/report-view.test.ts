import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/call';
import { translatorForTests } from '../../i18n/test-translator';
import { reportFieldError, reportForm } from './report-form';
import { NO_PARAM_VALUES, NO_REPORT_VIEW, reportParamsFrom, reportViewFrom, withReportView, type ReportParamValues } from './report-view';

// The Reports screen keeps the report and its parameters in the URL, sends only what the chosen
// report reads, and says each problem with a parameter on its own field, before and after asking.

const translator = translatorForTests();
const NOW = new Date('2026-12-02T12:00:00.000Z');

function problems(report: Parameters<typeof reportForm>[0], values: Partial<ReportParamValues>): Record<string, string> {
  const result = reportForm(report, translator().t, () => NOW).safeParse({ ...NO_PARAM_VALUES, ...values });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the reports view in the URL', () => {
  it('reads back the report, its parameters, the run and the open section', () => {
    const view = { report: 'statement' as const, values: { ...NO_PARAM_VALUES, member: '100000009', from: '2026-11-01', to: '2026-11-30' }, ran: true, section: 'points' };
    const params = withReportView(new URLSearchParams(), view);
    expect(params.toString()).toBe('report=statement&from=2026-11-01&to=2026-11-30&member=100000009&run=1&section=points');
    expect(reportViewFrom(params)).toEqual(view);
  });

  it('leaves out what the report does not read, and an unknown report', () => {
    const view = { report: 'trial-balance' as const, values: { ...NO_PARAM_VALUES, member: '100000009', asOf: '2026-11-30T18:00' }, ran: false, section: '' };
    expect(withReportView(new URLSearchParams(), view).toString()).toBe('report=trial-balance&asOf=2026-11-30T18%3A00');
    expect(reportViewFrom(new URLSearchParams('report=balance-sheet&run=1'))).toEqual({ ...NO_REPORT_VIEW, ran: true });
  });
});

describe('the parameters sent', () => {
  it('sends days as the local instants that bound them, the member without spaces and the batch as a number', () => {
    const values = { ...NO_PARAM_VALUES, member: '1000 0000 9', from: '2026-11-01', to: '2026-11-30', batch: '3', asOf: '2026-11-30T18:00' };
    expect(reportParamsFrom('statement', values)).toEqual({ member: '100000009', from: new Date('2026-11-01T00:00:00').toISOString(), to: new Date('2026-11-30T23:59:59.999').toISOString() });
    expect(reportParamsFrom('payouts', values)).toMatchObject({ batch: 3 });
    expect(reportParamsFrom('trial-balance', values)).toEqual({ asOf: new Date('2026-11-30T18:00').toISOString() });
    expect(reportParamsFrom('trial-balance', NO_PARAM_VALUES)).toEqual({});
  });
});

describe('the parameters form', () => {
  it('accepts a trial balance as of now or a past moment', () => {
    expect(problems('trial-balance', {})).toEqual({});
    expect(problems('trial-balance', { asOf: '2026-11-30T18:00' })).toEqual({});
  });

  it('refuses a moment in the future, a statement without its member, a bad member number, a To before From and a batch that is no number', () => {
    expect(problems('trial-balance', { asOf: '2027-01-01T00:00' })).toEqual({ asOf: 'This moment is still in the future: a report can only state what has happened.' });
    expect(problems('statement', {})).toEqual({ member: 'Choose the member the statement is for.' });
    expect(problems('statement', { member: '100000008' })).toEqual({ member: 'Enter a 9-digit member number with a valid check digit.' });
    expect(problems('statement', { member: '100000009', from: '2026-11-30', to: '2026-11-01' })).toEqual({ to: 'The end date is before the start date.' });
    expect(problems('payouts', { batch: 'seven' })).toEqual({ batch: 'Enter a batch number (a whole number).' });
  });

  it("puts the router's refusals on the field they name, and leaves others to the alert", () => {
    const t = () => translator().t;
    expect(reportFieldError(new ApiError({ code: 'MEMBER_NOT_FOUND', message: 'x', details: { field: 'member' } }), t())).toEqual({ field: 'member', message: 'No member has this number.' });
    expect(reportFieldError(new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'asOf', reason: 'future' } }), t())).toEqual({
      field: 'asOf',
      message: 'This moment is still in the future: a report can only state what has happened.',
    });
    expect(reportFieldError(new ApiError({ code: 'PAYOUT_BATCH_NOT_FOUND', message: 'x', details: { field: 'batch' } }), t())).toEqual({ field: 'batch', message: 'There is no payout batch with this number.' });
    expect(reportFieldError(new ApiError({ code: 'FORBIDDEN', message: 'x' }), t())).toBeNull();
    expect(reportFieldError(new ApiError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'report' } }), t())).toBeNull();
  });
});
