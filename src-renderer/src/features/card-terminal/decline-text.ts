import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DECLINE_CODES, type DeclineCode } from '../../../../src-shared/contract/cards';
import { ApiError } from '../../api/call';
import { useErrorText } from '../../api/error-text';

export interface DeclineText {
  code: DeclineCode;
  /** The code's message, in the reader's language. */
  message: string;
  /** For LIMIT_EXCEEDED: the interval whose limit the amount would pass, in words. */
  interval: string | null;
  /** The declined attempt's row, kept in the card's activity (absent for a preview). */
  authorizationId: number | null;
}

export function isDeclineCode(code: string): code is DeclineCode {
  return (DECLINE_CODES as readonly string[]).includes(code);
}

/** A terminal decline in words, or null for any other refusal (shown as it is). */
export function useDeclineText(): (error: unknown) => DeclineText | null {
  const { t } = useTranslation();
  const describe = useErrorText();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError) || !isDeclineCode(error.code)) return null;
      const { interval, authorizationId } = error.details;
      return {
        code: error.code,
        message: describe(error),
        interval: typeof interval === 'string' ? t(`card-admin:limits.interval.${interval}`) : null,
        authorizationId: typeof authorizationId === 'number' ? authorizationId : null,
      };
    },
    [t, describe],
  );
}
