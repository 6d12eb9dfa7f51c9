import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ERROR_MESSAGES } from '../../../src-shared/error-messages';
import { formatAmount } from '../../../src-shared/money';
import type { PassphraseProblem } from '../../../src-shared/passphrase-policy';
import { SYSTEM_MEMO_REASON } from '../../../src-shared/system-memo';
import { ApiError } from './call';
import { formatDateTime, joinSentences } from '../ui/format';
import { fieldLabel } from '../i18n/validation-message';

// Error codes become words in exactly one place. The base sentence comes from the shared
// ERROR_MESSAGES (the CLI prints the same ones); details the main process attached are added here.

export function messageLanguage(language: string): keyof typeof ERROR_MESSAGES {
  return language === 'zh-CN' ? 'zh-CN' : 'en';
}

function detailText(error: ApiError, t: TFunction, language: string): string | null {
  const { details } = error;
  switch (error.code) {
    case 'AUTH_FAILED':
      return typeof details.attemptsLeft === 'number' ? t('common:errors.attemptsLeft', { count: details.attemptsLeft }) : null;
    case 'LOCKED_OUT':
      return typeof details.lockedUntil === 'string' ? t('common:errors.lockedUntil', { time: formatDateTime(details.lockedUntil, language) }) : null;
    case 'WEAK_PASSPHRASE':
      return Array.isArray(details.problems)
        ? joinSentences((details.problems as PassphraseProblem[]).map((problem) => t(`common:passphrase.problem.${problem}`)), language)
        : null;
    case 'INVALID_INPUT':
      return error.field ? invalidInputText(error.field, details, t) : null;
    // The counter's limits are stated in the currency's format (src-main/wallets/counter-limits.ts).
    case 'OVER_LIMIT':
      return typeof details.limit === 'number' && typeof details.currency === 'string'
        ? t('wallets:limits.overLimit', { limit: formatAmount(details.limit, details.currency, language) })
        : null;
    case 'APPROVAL_REQUIRED':
      return typeof details.threshold === 'number' && typeof details.currency === 'string'
        ? t('wallets:limits.threshold', { threshold: formatAmount(details.threshold, details.currency, language) })
        : null;
    default:
      return null;
  }
}

/** Why INVALID_INPUT refused a field, naming the field by its label. */
function invalidInputText(field: string, details: ApiError['details'], t: TFunction): string {
  const label = fieldLabel(field, t);
  // The router names why (src-main/api/router.ts reasonOf): a name with control characters, or too long.
  if (details.reason === 'control_characters') return t('common:errors.controlCharacters', { field: label });
  if (details.reason === 'too_big' && typeof details.maximum === 'number') return t('common:errors.tooLong', { field: label, maximum: details.maximum });
  if (details.reason === 'same_as_current') return t('session:changePassphrase.same');
  if (details.reason === 'range_reversed') return t('common:dateRange.reversed');
  if (details.reason === SYSTEM_MEMO_REASON) return t('common:validation.systemMemo');
  if (details.reason === 'recovery_key_not_hex') return t('session:recovery.notHex');
  if (details.reason === 'recovery_key_length' && typeof details.count === 'number') return t('session:recovery.format', { count: details.count });
  return t('common:errors.invalidField', { field: label });
}

export function errorText(error: unknown, t: TFunction, language: string): string {
  const apiError = error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) });
  const base = ERROR_MESSAGES[messageLanguage(language)][apiError.code];
  const detail = detailText(apiError, t, language);
  return detail ? joinSentences([base, detail], language) : base;
}

/** `describe(error)` in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => errorText(error, t, i18n.language), [t, i18n.language]);
}
