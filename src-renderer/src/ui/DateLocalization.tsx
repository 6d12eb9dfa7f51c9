import { useMemo, type ReactNode } from 'react';
import 'dayjs/locale/zh-cn';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { enUS, zhCN } from '@mui/x-date-pickers/locales';

// The date pickers speak the interface language: in Chinese the field reads 年/月/日 in that order
// (dayjs zh-cn's YYYY/MM/DD) and the calendar shows Chinese month and weekday names, weeks
// starting on Monday; in English, MM/DD/YYYY and English names.

/** The picker strings per language; an empty Chinese field shows 年/月/日 rather than YYYY/MM/DD. */
function pickerStrings(zh: boolean) {
  const strings = (zh ? zhCN : enUS).components.MuiLocalizationProvider.defaultProps.localeText;
  if (!zh) return strings;
  return { ...strings, fieldYearPlaceholder: () => '年', fieldMonthPlaceholder: () => '月', fieldDayPlaceholder: () => '日' };
}

/** The calendar's month heading: 2026年12月 in Chinese (dayjs zh-cn alone gives 十二月 2026), December 2026 in English. */
export function calendarMonthFormat(language: string): string {
  return language === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY';
}

export function DateLocalizationProvider({ language, children }: { language: string; children: ReactNode }) {
  const zh = language === 'zh-CN';
  const localeText = useMemo(() => pickerStrings(zh), [zh]);
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={zh ? 'zh-cn' : 'en'} localeText={localeText}>
      {children}
    </LocalizationProvider>
  );
}
