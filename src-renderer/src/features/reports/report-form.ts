import type { TFunction } from 'i18next';
import { z } from 'zod';
import { reportParamsSchema } from '../../../../src-shared/contract/reports';
import type { ReportId } from '../../../../src-shared/reports/report-access';
import { ApiError } from '../../api/call';
import { REQUIRED_FIELDS, reportParamsFrom, type ParamField } from './report-view';

// The parameters form checks what it can before asking: the contract's own schema
// (reportParamsSchema) over the parameters the typed values become, plus what the report needs
// (a statement's member) and what the router would refuse (a moment in the future). The router
// checks again; its refusals land on the field they name (reportFieldError).

const FIELD_NAMES = new Set<string>(['asOf', 'from', 'to', 'member', 'batch', 'actor', 'action', 'entity']);

function issueText(field: string, issue: z.core.$ZodIssue, t: TFunction): string {
  if (field === 'member') return t('reports:errors.memberNumber');
  if (field === 'batch') return t('reports:errors.batch');
  if (field === 'to' && issue.code === 'custom') return t('common:dateRange.reversed');
  return issue.message;
}

export function reportForm(report: ReportId, t: TFunction, now: () => Date = () => new Date()) {
  const text = z.string();
  return z
    .object({ asOf: text, from: text, to: text, member: text, batch: text, actor: text, action: text, entity: text })
    .superRefine((values, ctx) => {
      for (const field of REQUIRED_FIELDS[report] ?? []) {
        if (values[field].trim() === '') ctx.addIssue({ code: 'custom', path: [field], message: t(`reports:errors.required.${field}`) });
      }
      const params = reportParamsFrom(report, values);
      if (params.batch !== undefined && !Number.isSafeInteger(params.batch)) {
        ctx.addIssue({ code: 'custom', path: ['batch'], message: t('reports:errors.batch') });
        return;
      }
      if (params.asOf !== undefined && Date.parse(params.asOf) > now().getTime()) ctx.addIssue({ code: 'custom', path: ['asOf'], message: t('reports:errors.future') });
      if (params.from !== undefined && Date.parse(params.from) > now().getTime()) ctx.addIssue({ code: 'custom', path: ['from'], message: t('reports:errors.future') });
      const checked = reportParamsSchema.safeParse(params);
      for (const issue of checked.success ? [] : checked.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (FIELD_NAMES.has(field)) ctx.addIssue({ code: 'custom', path: [field], message: issueText(field, issue, t) });
      }
    });
}

/** A refusal of reports.run that names one of the form's fields, in words for under that field; null for any other. */
export function reportFieldError(error: unknown, t: TFunction): { field: ParamField; message: string } | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'MEMBER_NOT_FOUND') return { field: 'member', message: t('reports:errors.unknownMember') };
  if (error.code === 'PAYOUT_BATCH_NOT_FOUND') return { field: 'batch', message: t('reports:errors.unknownBatch') };
  if (error.code !== 'INVALID_INPUT' || !error.field || !FIELD_NAMES.has(error.field)) return null;
  const field = error.field as ParamField;
  const reason = error.details.reason;
  if (reason === 'future') return { field, message: t('reports:errors.future') };
  if (reason === 'range_reversed') return { field, message: t('common:dateRange.reversed') };
  if (reason === 'required') return { field, message: t(`reports:errors.required.${field}`, { defaultValue: t('validation:required') }) };
  if (reason === 'not_an_entity') return { field, message: t('reports:errors.entity') };
  return { field, message: t('reports:errors.invalid') };
}
