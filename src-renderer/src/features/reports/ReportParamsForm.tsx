import { useMemo, type ReactNode } from 'react';
import { Box, Button, FormHelperText, Stack, TextField } from '@mui/material';
import PlayArrow from '@mui/icons-material/PlayArrow';
import dayjs from 'dayjs';
import { DesktopDateTimePicker } from '@mui/x-date-pickers/DesktopDateTimePicker';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReportId } from '../../../../src-shared/reports/report-access';
import { INPUT_LIMITS } from '../../../../src-shared/contract/common';
import { calendarMonthFormat } from '../../ui/DateLocalization';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { MemberNumberField } from './MemberNumberField';
import { reportForm } from './report-form';
import { parameterLabel, useReportText } from './report-text';
import { REPORT_FIELDS, type ParamField, type ReportParamValues } from './report-view';

const MOMENT = 'YYYY-MM-DDTHH:mm';
const FIELD_WIDTH = 160;

interface ReportParamsFormProps {
  report: ReportId;
  values: ReportParamValues;
  /** A refusal of the last run that names a field, shown under it. */
  serverError: { field: ParamField; message: string } | null;
  running: boolean;
  onRun: (values: ReportParamValues) => void;
  /** What stands first in the row (the report's own choice). */
  leading?: ReactNode;
}

function problemOf(errors: FieldErrors<ReportParamValues>, serverError: ReportParamsFormProps['serverError'], field: ParamField): string | null {
  return errors[field]?.message ?? (serverError?.field === field ? serverError.message : null);
}

/** The parameters the chosen report reads, checked with the contract's schema, and Run (Enter in any field runs too). */
export function ReportParamsForm({ report, values, serverError, running, onRun, leading }: ReportParamsFormProps) {
  const { t, i18n } = useTranslation();
  const say = useReportText();
  const resolver = useMemo(() => zodResolver(reportForm(report, t)), [report, t]);
  const form = useForm<ReportParamValues>({ resolver, defaultValues: values });
  const { errors } = form.formState;
  const fields = REPORT_FIELDS[report];
  const problem = (field: ParamField) => problemOf(errors, serverError, field);
  const label = (field: ParamField) => parameterLabel(field, say);
  const text = (field: 'batch' | 'actor' | 'action' | 'entity') => (
    <Controller
      key={field}
      control={form.control}
      name={field}
      render={({ field: bound }) => (
        <TextField
          {...bound}
          size="small"
          label={label(field)}
          error={problem(field) !== null}
          helperText={problem(field) ?? t(`reports:params.hint.${field}`)}
          slotProps={{ htmlInput: { maxLength: INPUT_LIMITS.code, spellCheck: false, ...(field === 'batch' ? { inputMode: 'numeric' } : {}) } }}
          sx={{ width: FIELD_WIDTH }}
        />
      )}
    />
  );
  const rangeProblem = problem('from') ?? (errors.to?.message !== t('common:dateRange.reversed') ? problem('to') : null);
  const field = (name: ParamField) => {
    switch (name) {
      case 'asOf':
        return (
          <Controller
            key={name}
            control={form.control}
            name="asOf"
            render={({ field: bound }) => (
              <DesktopDateTimePicker
                label={label('asOf')}
                value={bound.value ? dayjs(bound.value) : null}
                onChange={(next) => {
                  if (next === null) bound.onChange('');
                  else if (next.isValid()) bound.onChange(next.format(MOMENT));
                }}
                slotProps={{
                  calendarHeader: { format: calendarMonthFormat(i18n.language) },
                  actionBar: { actions: ['clear', 'today', 'accept'] },
                  textField: { size: 'small', sx: { width: 230 }, error: problem('asOf') !== null, helperText: problem('asOf') ?? t('reports:params.hint.asOf') },
                }}
              />
            )}
          />
        );
      case 'from':
        return (
          <Controller
            key={name}
            control={form.control}
            name="from"
            render={({ field: from }) => (
              <Controller
                control={form.control}
                name="to"
                render={({ field: to }) => (
                  <Stack sx={{ gap: 0.5 }}>
                    <Stack direction="row" sx={{ gap: 2 }}>
                      <DateRangeFields
                        value={{ from: from.value, to: to.value }}
                        labels={{ from: label('from'), to: label('to') }}
                        width={FIELD_WIDTH}
                        onChange={(range) => {
                          from.onChange(range.from);
                          to.onChange(range.to);
                        }}
                      />
                    </Stack>
                    <FormHelperText error={rangeProblem !== null} sx={{ mx: 1.75 }}>
                      {rangeProblem ?? t('reports:params.hint.period')}
                    </FormHelperText>
                  </Stack>
                )}
              />
            )}
          />
        );
      case 'to':
        return null;
      case 'member':
        return (
          <Box key={name} sx={{ width: 290 }}>
            <Controller control={form.control} name="member" render={({ field: bound }) => <MemberNumberField label={label('member')} value={bound.value} error={problem('member')} onChange={bound.onChange} />} />
          </Box>
        );
      default:
        return text(name);
    }
  };
  return (
    <Box component="form" noValidate aria-label={t('reports:params.title')} onSubmit={form.handleSubmit(onRun)} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
      {leading}
      {fields.map(field)}
      <Button type="submit" variant="contained" startIcon={<PlayArrow />} loading={running} sx={{ height: 40 }}>
        {t('reports:run')}
      </Button>
    </Box>
  );
}
