import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from './format';

/** A moment in the reader's locale, with the exact ISO time on hover. */
export function DateTime({ value, dateOnly = false }: { value: string | null; dateOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  if (value === null) return <span>{t('common:never')}</span>;
  return (
    <time dateTime={value} title={value}>
      {dateOnly ? formatDate(value, i18n.language) : formatDateTime(value, i18n.language)}
    </time>
  );
}
