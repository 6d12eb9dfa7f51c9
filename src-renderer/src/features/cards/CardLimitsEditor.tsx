import { useId, useMemo } from 'react';
import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Controller, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { LIMIT_INTERVALS, type Allowance, type LimitInterval, type SpendingLimits } from '../../../../src-shared/contract/cards';
import { AmountField } from '../../ui/AmountField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { boundField } from '../../ui/form';
import { useFormatMoney } from '../../ui/Money';
import { formatDateTime } from '../../ui/format';
import { hasCountLimit, limitsFormSchema, limitsFormValues, type LimitsFormValues } from './limits-form';

// Spending limits by interval, an amount (in major units) and a count, blank for none. Used for a
// card's limits (with what is left of each, the card's and the member's taken together) and for a
// member's limits per currency. The table is a form: Tab moves along the fields, Enter saves.

export interface CardLimitsEditorProps {
  currency: string;
  limits: SpendingLimits;
  /** What is left to spend per interval (cards.allowance); left out for a member's own limits. */
  allowance?: Allowance[];
  readOnly: boolean;
  saving: boolean;
  error: unknown;
  saved: boolean;
  onSave: (limits: SpendingLimits) => void;
  /** Names the fields for the screen reader and the tests: "Card limits", "Member limits CNY". */
  label: string;
}

/** Off screen but read out (as MUI's visuallyHidden): sizes in px, since sx reads 1 as 100%. */
const visuallyHidden = { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, border: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** A field's name for the screen reader (and the tests); the column's heading says it to the eye. */
function HiddenLabel({ htmlFor, children }: { htmlFor: string; children: string }) {
  return (
    <Box component="label" htmlFor={htmlFor} sx={visuallyHidden}>
      {children}
    </Box>
  );
}

function LimitFields({ control, interval, currency, idPrefix }: { control: Control<LimitsFormValues, unknown, SpendingLimits>; interval: LimitInterval; currency: string; idPrefix: string }) {
  const { t } = useTranslation();
  const name = t(`cards:interval.${interval}`);
  return (
    <>
      <TableCell sx={{ minWidth: 170 }}>
        <HiddenLabel htmlFor={`${idPrefix}-${interval}-amount`}>{t('cards:limits.amountOf', { interval: name })}</HiddenLabel>
        <Controller
          control={control}
          name={`${interval}.amount`}
          render={({ field, fieldState }) => (
            <AmountField
              id={`${idPrefix}-${interval}-amount`}
              currency={currency}
              value={field.value}
              onValueChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              name={field.name}
              size="small"
              fullWidth
              placeholder={t('cards:limits.none')}
              showProblem={false}
              serverError={fieldState.error?.message ?? null}
            />
          )}
        />
      </TableCell>
      <TableCell sx={{ width: 120 }}>
        {hasCountLimit(interval) ? (
          <>
            <HiddenLabel htmlFor={`${idPrefix}-${interval}-count`}>{t('cards:limits.countOf', { interval: name })}</HiddenLabel>
            <Controller
              control={control}
              name={`${interval}.count`}
              render={({ field, fieldState }) => (
                <TextField
                  {...boundField(field)}
                  id={`${idPrefix}-${interval}-count`}
                  size="small"
                  fullWidth
                  placeholder={t('cards:limits.none')}
                  error={fieldState.error !== undefined}
                  helperText={fieldState.error?.message ?? ' '}
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                />
              )}
            />
          </>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }}>
            {t('cards:limits.eachIsOne')}
          </Typography>
        )}
      </TableCell>
    </>
  );
}

function LimitText({ values }: { values: LimitsFormValues[LimitInterval] }) {
  const { t } = useTranslation();
  return (
    <>
      <TableCell>{values.amount || t('cards:limits.none')}</TableCell>
      <TableCell>{values.count || '—'}</TableCell>
    </>
  );
}

function Remaining({ allowance, currency }: { allowance: Allowance | undefined; currency: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormatMoney();
  if (!allowance || allowance.limitedBy === null) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('cards:limits.unlimited')}
      </Typography>
    );
  }
  const parts = [
    allowance.amountRemaining !== null && allowance.amountLimit !== null
      ? t('cards:limits.amountLeft', { left: format(allowance.amountRemaining, currency), limit: format(allowance.amountLimit, currency) })
      : null,
    allowance.countRemaining !== null && allowance.countLimit !== null ? t('cards:limits.countLeft', { count: allowance.countRemaining, limit: allowance.countLimit }) : null,
  ].filter((part) => part !== null);
  return (
    <Stack sx={{ gap: 0.25 }} data-testid={`allowance-${allowance.interval}`}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {parts.join(' · ')}
        </Typography>
        <Chip size="small" variant="outlined" color={allowance.limitedBy === 'member' ? 'warning' : 'default'} label={t(`cards:limits.limitedBy.${allowance.limitedBy}`)} sx={{ height: 20 }} />
      </Stack>
      {allowance.resetsAt && (
        <Typography variant="caption" color="text.secondary">
          {t('cards:limits.resetsAt', { time: formatDateTime(allowance.resetsAt, i18n.language) })}
        </Typography>
      )}
    </Stack>
  );
}

export function CardLimitsEditor({ currency, limits, allowance, readOnly, saving, error, saved, onSave, label }: CardLimitsEditorProps) {
  const { t } = useTranslation();
  const resolver = useMemo(() => zodResolver(limitsFormSchema(currency, t)), [currency, t]);
  const values = useMemo(() => limitsFormValues(limits, currency), [limits, currency]);
  const form = useForm<LimitsFormValues, unknown, SpendingLimits>({ resolver, values });
  const idPrefix = useId();
  const submit = form.handleSubmit(onSave);
  return (
    <Box component="form" onSubmit={submit} noValidate aria-label={label} data-testid="limits-editor">
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" sx={{ '& tbody td, & tbody th': { verticalAlign: 'top', px: 1, position: 'relative' }, '& thead th': { px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('cards:limits.interval')}</TableCell>
              <TableCell>{t('cards:limits.amount', { currency })}</TableCell>
              <TableCell>{t('cards:limits.count')}</TableCell>
              {allowance && <TableCell>{t('cards:limits.remaining')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {LIMIT_INTERVALS.map((interval) => (
              <TableRow key={interval} data-testid={`limit-${interval}`}>
                <TableCell component="th" scope="row" sx={{ pt: 1.5, whiteSpace: 'nowrap' }}>
                  {t(`cards:interval.${interval}`)}
                </TableCell>
                {readOnly ? <LimitText values={values[interval]} /> : <LimitFields control={form.control} interval={interval} currency={currency} idPrefix={idPrefix} />}
                {allowance && (
                  <TableCell sx={{ pt: 1.5 }}>
                    <Remaining allowance={allowance.find((row) => row.interval === interval)} currency={currency} />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <ErrorAlert error={error} />
      {!readOnly && (
        <Stack direction="row" sx={{ gap: 1, mt: 1, alignItems: 'center', justifyContent: 'flex-end' }}>
          {saved && !form.formState.isDirty && (
            <Typography variant="body2" color="success.main" role="status">
              {t('cards:limits.saved')}
            </Typography>
          )}
          <Button disabled={saving || !form.formState.isDirty} onClick={() => form.reset(values)}>
            {t('cards:limits.undo')}
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {t('cards:limits.save')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}
