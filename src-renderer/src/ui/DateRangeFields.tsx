import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** Two date fields' days, yyyy-mm-dd or ''. */
export interface DayRange {
  from: string;
  to: string;
}

/** An end day before the start day: no query is made, and the To field says why. */
export function isReversedRange({ from, to }: DayRange): boolean {
  return from !== '' && to !== '' && to < from;
}

/** The days as the instants that bound them in local time, for a channel's `from` and `to`. */
export function dayRangeQuery({ from, to }: DayRange): { from?: string; to?: string } {
  return {
    ...(from ? { from: new Date(`${from}T00:00:00`).toISOString() } : {}),
    ...(to ? { to: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
  };
}

/** The From and To date fields of a filter bar; a To before From is marked on To. */
export function DateRangeFields({ value, labels, width, onChange }: { value: DayRange; labels: { from: string; to: string }; width: number; onChange: (next: DayRange) => void }) {
  const { t } = useTranslation();
  const reversed = isReversedRange(value);
  const field = { size: 'small' as const, type: 'date', slotProps: { inputLabel: { shrink: true } }, sx: { width } };
  return (
    <>
      <TextField {...field} label={labels.from} value={value.from} onChange={(event) => onChange({ ...value, from: event.target.value })} />
      <TextField
        {...field}
        label={labels.to}
        value={value.to}
        onChange={(event) => onChange({ ...value, to: event.target.value })}
        error={reversed}
        helperText={reversed ? t('common:dateRange.reversed') : undefined}
      />
    </>
  );
}
