import { Button, Stack } from '@mui/material';
import ArrowForward from '@mui/icons-material/ArrowForward';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { cardSettings } from '../../../../src-shared/settings/card-settings';
import { FormTextField } from '../../ui/form';
import { CARD_PROGRAMS_PATH } from '../card-programs/card-programs-path';
import { cardForm } from './section-forms';
import { settingHint, settingLabel } from './setting-labels';
import { SettingsCard } from './SettingsCard';
import { TimeZonePicker } from './TimeZonePicker';
import { useSectionForm, type SectionState } from './use-section-form';

const { authorizationHoldDays } = cardSettings.schema.shape;

/** Cards: the time zone whose days the spending limits count, how long an authorization holds money, and the way to the card programs. */
export function CardSection(state: SectionState) {
  const { t } = useTranslation();
  const section = useSectionForm(cardForm, state);
  const { control } = section;
  return (
    <SettingsCard domain={cardSettings.domain} readOnly={state.readOnly} section={section}>
      <Controller
        control={control}
        name="businessTimeZone"
        render={({ field, fieldState }) => (
          <TimeZonePicker
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            label={settingLabel('businessTimeZone', t)}
            helperText={fieldState.error?.message ?? settingHint('businessTimeZone', t)}
            error={fieldState.error !== undefined}
            readOnly={state.readOnly}
          />
        )}
      />
      <FormTextField
        control={control}
        name="authorizationHoldDays"
        label={settingLabel('authorizationHoldDays', t)}
        hint={settingHint('authorizationHoldDays', t)}
        type="number"
        sx={{ width: 420, maxWidth: '100%' }}
        slotProps={{ htmlInput: { min: authorizationHoldDays.minValue, max: authorizationHoldDays.maxValue, step: 1, readOnly: state.readOnly } }}
      />
      <Stack direction="row">
        <Button component={RouterLink} to={CARD_PROGRAMS_PATH} variant="outlined" endIcon={<ArrowForward />}>
          {t('settings:openCardPrograms')}
        </Button>
      </Stack>
    </SettingsCard>
  );
}
