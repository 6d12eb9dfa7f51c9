import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n, TFunction } from 'i18next';
import type { CheckResult } from '../../../../src-shared/contract/verify';

// Check names come from the main process (`ledger.no_overdraft`); each has a name and a
// description under verify:check.<name>. A check from a newer domain that this screen does not
// know yet shows its raw name, and nothing is reported missing.

export interface CheckWords {
  name: string;
  /** What the check proves, in the reader's language; null for a check this screen does not know. */
  description: string | null;
  /** What it looked at, one phrase per count: "7 transfers", "25 accounts". */
  counts: string[];
}

export function checkWords(check: CheckResult, t: TFunction, i18n: I18n): CheckWords {
  const key = `verify:check.${check.name}`;
  const known = i18n.exists(`${key}.name`);
  const number = new Intl.NumberFormat(i18n.language);
  const counts = Object.entries(check.counts).map(([what, count]) => {
    const options = { count, value: number.format(count) };
    return i18n.exists(`verify:count.${what}`, options) ? t(`verify:count.${what}`, options) : `${what}: ${options.value}`;
  });
  return { name: known ? t(`${key}.name`) : check.name, description: known ? t(`${key}.description`) : null, counts };
}

export function useCheckWords(): (check: CheckResult) => CheckWords {
  const { t, i18n } = useTranslation();
  return useCallback((check: CheckResult) => checkWords(check, t, i18n), [t, i18n]);
}
