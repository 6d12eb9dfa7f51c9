import { useMemo } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import { useTranslation } from 'react-i18next';
import { calendarMonthFormat } from './DateLocalization';

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

const DAY = 'YYYY-MM-DD';

interface DayFieldProps {
  label: string;
  day: string;
  width: number;
  problem?: string | undefined;
  onDay: (day: string) => void;
}

/**
 * One localized date field (DateLocalization.tsx sets the language): typed section by section
 * or picked from the calendar. A date still being typed is not passed on, so the filter keeps
 * its last whole day until the new one is complete; emptying the field clears the day.
 */
function DayField({ label, day, width, problem, onDay }: DayFieldProps) {
  const { i18n } = useTranslation();
  const value = useMemo(() => (day ? dayjs(day) : null), [day]);
  const change = (next: Dayjs | null) => {
    if (next === null) onDay('');
    else if (next.isValid()) onDay(next.format(DAY));
  };
  return (
    <DesktopDatePicker
      label={label}
      value={value}
      onChange={change}
      slotProps={{
        calendarHeader: { format: calendarMonthFormat(i18n.language) },
        // Clearing by mouse; from the keyboard, Backspace empties the section in focus.
        actionBar: { actions: ['clear', 'today'] },
        textField: { size: 'small', sx: { width }, ...(problem ? { error: true, helperText: problem } : {}) },
      }}
    />
  );
}

/** The From and To date fields of a filter bar; a To before From is marked on To. */
export function DateRangeFields({ value, labels, width, onChange }: { value: DayRange; labels: { from: string; to: string }; width: number; onChange: (next: DayRange) => void }) {
  const { t } = useTranslation();
  const reversed = isReversedRange(value);
  return (
    <>
      <DayField label={labels.from} day={value.from} width={width} onDay={(from) => onChange({ ...value, from })} />
      <DayField label={labels.to} day={value.to} width={width} problem={reversed ? t('common:dateRange.reversed') : undefined} onDay={(to) => onChange({ ...value, to })} />
    </>
  );
}
