import { Box, Stack } from '@mui/material';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { walletSettings } from '../../../../src-shared/settings/wallet-settings';
import { FormTextField } from '../../ui/form';
import { CurrencyPicker } from './CurrencyPicker';
import { FeeExampleText, FeeRates, percentSlots } from './FeeRates';
import { walletForm } from './section-forms';
import { settingHint, settingLabel } from './setting-labels';
import { SettingsCard } from './SettingsCard';
import { useSectionForm, type SectionState } from './use-section-form';

/** Currencies & fees: which currencies members hold, and the payment fee, in general and per currency. */
export function WalletSection(state: SectionState) {
  const { t } = useTranslation();
  const section = useSectionForm(walletForm, state);
  const { control } = section;
  const { setValue } = section.form;
  const general = useWatch({ control, name: 'paymentFeeBps' });
  const firstCurrency = useWatch({ control, name: 'enabledCurrencies' })[0];
  return (
    <SettingsCard
      domain={walletSettings.domain}
      readOnly={state.readOnly}
      section={section}
    >
      <Controller
        control={control}
        name="enabledCurrencies"
        render={({ field, fieldState }) => (
          <CurrencyPicker
            value={field.value}
            onChange={(currencies) => {
              // A currency taken off loses its own fee rate; added back, it starts at the general rate.
              for (const removed of field.value.filter((code) => !currencies.includes(code))) setValue(`paymentFeeBpsByCurrency.${removed}`, '', { shouldDirty: true });
              field.onChange(currencies);
            }}
            onBlur={field.onBlur}
            label={settingLabel('enabledCurrencies', t)}
            helperText={fieldState.error?.message ?? settingHint('enabledCurrencies', t)}
            error={fieldState.error !== undefined}
            readOnly={state.readOnly}
          />
        )}
      />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <FormTextField
          control={control}
          name="paymentFeeBps"
          label={settingLabel('paymentFeeBps', t)}
          hint={settingHint('paymentFeeBps', t)}
          sx={{ width: 420, maxWidth: '100%' }}
          slotProps={percentSlots(state.readOnly)}
        />
        <Box sx={{ pb: 3 }}>{firstCurrency && <FeeExampleText percent={general} currency={firstCurrency} />}</Box>
      </Stack>
      <FeeRates control={control} readOnly={state.readOnly} />
    </SettingsCard>
  );
}
