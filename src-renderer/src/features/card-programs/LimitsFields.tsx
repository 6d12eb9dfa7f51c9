import { Box, TextField, Typography } from '@mui/material';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LIMIT_INTERVALS } from '../../../../src-shared/cards/limits';
import { AmountField } from '../../ui/AmountField';
import { boundField } from '../../ui/form';
import { hasCountLimit } from '../cards/limits-form';

export interface LimitsFieldsProps<T extends FieldValues> {
  control: Control<T>;
  /** Where the LimitsFormValues sit in the form (`defaultLimits`). */
  name: string;
  currency: string;
  disabled?: boolean;
}

/** Per interval, the most that may be spent and how many payments: blank is no limit. */
export function LimitsFields<T extends FieldValues>({ control, name, currency, disabled = false }: LimitsFieldsProps<T>) {
  const { t } = useTranslation();
  const path = (interval: string, part: 'amount' | 'count') => `${name}.${interval}.${part}` as FieldPath<T>;
  return (
    <Box role="group" aria-label={t('card-admin:limits.title')} sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2, rowGap: 1.5 }}>
      {LIMIT_INTERVALS.map((interval) => {
        const intervalName = t(`card-admin:limits.interval.${interval}`);
        return [
          <Controller
            key={`${interval}-amount`}
            control={control}
            name={path(interval, 'amount')}
            render={({ field, fieldState }) => (
              <AmountField
                size="small"
                label={t('card-admin:limits.amountOf', { interval: intervalName })}
                currency={currency}
                value={String(field.value ?? '')}
                onValueChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                showProblem={false}
                serverError={fieldState.error?.message ?? null}
                placeholder={t('card-admin:limits.none')}
                disabled={disabled}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            )}
          />,
          hasCountLimit(interval) ? (
            <Controller
              key={`${interval}-count`}
              control={control}
              name={path(interval, 'count')}
              render={({ field, fieldState }) => (
                <TextField
                  size="small"
                  {...boundField(field)}
                  label={t('card-admin:limits.countOf', { interval: intervalName })}
                  placeholder={t('card-admin:limits.none')}
                  error={fieldState.error !== undefined}
                  helperText={fieldState.error?.message ?? ' '}
                  disabled={disabled}
                  autoComplete="off"
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric' } }}
                />
              )}
            />
          ) : (
            <Typography key={`${interval}-count`} variant="body2" color="text.secondary" sx={{ pt: 1 }}>
              {t('card-admin:limits.onePerAuthorization')}
            </Typography>
          ),
        ];
      })}
    </Box>
  );
}
