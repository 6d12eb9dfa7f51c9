import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Words } from './audit-words';

/** The audit vocabulary in the language on screen; a new object when the language changes. */
export function useAuditWords(): Words {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => ({ t, exists: (key: string) => i18n.exists(key), language }), [t, i18n, language]);
}
