import { useMemo } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { payoutSettings } from '../../../../src-shared/settings/payout-settings';
import { useFormatMoney } from '../../ui/Money';
import { CellField } from './CellField';
import { payoutCurrencies, payoutForm, type PayoutForm } from './section-forms';
import { settingHint, settingLabel } from './setting-labels';
import { checkOptionalAmount } from './setting-text';
import { SettingsCard } from './SettingsCard';
import { useSectionForm, type SectionState } from './use-section-form';

type PayoutKey = keyof PayoutForm;

interface PerCurrencyAmountsProps {
  control: Control<PayoutForm>;
  setting: PayoutKey;
  currencies: readonly string[];
  /** What a blank cell means (no limit, one approver). */
  blank: string;
  readOnly: boolean;
}

/** One payout setting: its label and what it does, then an amount per currency in major units, each with what it is worth below it. */
function PerCurrencyAmounts({ control, setting, currencies, blank, readOnly }: PerCurrencyAmountsProps) {
  const { t } = useTranslation();
  const format = useFormatMoney();
  const label = settingLabel(setting, t);
  return (
    <Stack component="fieldset" sx={{ border: 0, p: 0, m: 0, gap: 1 }}>
      <Box component="legend" sx={{ p: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {label}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p">
          {settingHint(setting, t)}
        </Typography>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}>
        {currencies.map((currency) => {
          const worth = (value: string) => {
            const check = checkOptionalAmount(value, currency);
            return check.problem === null && check.minor !== undefined ? format(check.minor, currency) : ' ';
          };
          return (
            <CellField
              key={currency}
              control={control}
              name={`${setting}.${currency}`}
              unit={currency}
              label={t('settings:payouts.cell', { setting: label, currency })}
              placeholder={blank}
              readOnly={readOnly}
              note={worth}
            />
          );
        })}
      </Box>
    </Stack>
  );
}

/** Payouts: per currency, the most one row of a payout file may pay, and the batch total above which a second approver is needed. */
export function PayoutSection(state: SectionState) {
  const { t } = useTranslation();
  const section = useSectionForm(payoutForm, state);
  const currencies = useMemo(() => payoutCurrencies(state.saved), [state.saved]);
  const { control } = section;
  return (
    <SettingsCard domain={payoutSettings.domain} readOnly={state.readOnly} section={section}>
      <PerCurrencyAmounts control={control} setting="payoutItemLimits" currencies={currencies} blank={t('settings:limits.noLimit')} readOnly={state.readOnly} />
      <PerCurrencyAmounts control={control} setting="payoutSecondApprovalAbove" currencies={currencies} blank={t('settings:payouts.oneApprover')} readOnly={state.readOnly} />
      <Typography variant="body2" color="text.secondary">
        {t('settings:limits.majorUnits')}
      </Typography>
    </SettingsCard>
  );
}
