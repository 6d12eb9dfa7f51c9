import { useTranslation } from 'react-i18next';
import { sessionSettings } from '../../../../src-shared/settings/session-settings';
import { FormTextField } from '../../ui/form';
import { sessionForm } from './section-forms';
import { settingHint, settingLabel } from './setting-labels';
import { SettingsCard } from './SettingsCard';
import { useSectionForm, type SectionState } from './use-section-form';

const { idleLockMinutes } = sessionSettings.schema.shape;

/** Session: how long an unattended screen stays unlocked. */
export function SessionSection(state: SectionState) {
  const { t } = useTranslation();
  const section = useSectionForm(sessionForm, state);
  return (
    <SettingsCard
      domain={sessionSettings.domain}
      readOnly={state.readOnly}
      section={section}
    >
      <FormTextField
        control={section.control}
        name="idleLockMinutes"
        label={settingLabel('idleLockMinutes', t)}
        hint={settingHint('idleLockMinutes', t)}
        type="number"
        sx={{ maxWidth: 420 }}
        slotProps={{ htmlInput: { min: idleLockMinutes.minValue, max: idleLockMinutes.maxValue, step: 1, readOnly: state.readOnly } }}
      />
    </SettingsCard>
  );
}
