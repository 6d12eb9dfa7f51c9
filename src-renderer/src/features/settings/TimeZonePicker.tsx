import { useMemo } from 'react';
import { Autocomplete, TextField, createFilterOptions } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The workstation's own zone: what a blank business time zone means. */
const WORKSTATION_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every IANA zone the runtime knows, with the blank choice (the workstation's zone) first. */
function zoneChoices(saved: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return ['', ...(saved === '' || known.includes(saved) ? known : [saved, ...known])];
}

/** "Asia/Shanghai" → "GMT+8": the zone's offset now, in `language`. */
function zoneOffset(zone: string, language: string, now: Date): string {
  const parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

export interface TimeZonePickerProps {
  /** An IANA zone, or '' for the workstation's. */
  value: string;
  onChange: (zone: string) => void;
  onBlur: () => void;
  label: string;
  helperText: string;
  error: boolean;
  readOnly: boolean;
}

/** One IANA time zone, found by typing part of its name ("Shanghai", "New_York"); the first choice is the workstation's own. */
export function TimeZonePicker({ value, onChange, onBlur, label, helperText, error, readOnly }: TimeZonePickerProps) {
  const { t, i18n } = useTranslation();
  const choices = useMemo(() => zoneChoices(value), [value]);
  const labels = useMemo(() => {
    const now = new Date();
    return new Map(choices.map((zone) => [zone, zone === '' ? t('settings:timeZone.workstation', { zone: WORKSTATION_ZONE }) : `${zone} (${zoneOffset(zone, i18n.language, now)})`]));
  }, [choices, t, i18n.language]);
  // "new york" finds America/New_York: the zone's underscores read as the spaces people type.
  const filterOptions = useMemo(() => createFilterOptions<string>({ stringify: (zone) => (labels.get(zone) ?? zone).replace(/_/g, ' ') }), [labels]);
  return (
    <Autocomplete
      disableClearable
      readOnly={readOnly}
      options={choices}
      value={value}
      onChange={(_event, zone) => onChange(zone)}
      onBlur={onBlur}
      getOptionLabel={(zone) => labels.get(zone) ?? zone}
      filterOptions={filterOptions}
      noOptionsText={t('settings:timeZone.noMatch')}
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} error={error} />}
      sx={{ width: 420, maxWidth: '100%' }}
    />
  );
}
