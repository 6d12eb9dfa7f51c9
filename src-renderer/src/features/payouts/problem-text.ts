import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownCurrency } from '../../../../src-shared/money';
import { amountReasonMessage } from '../../../../src-shared/payouts/amount-reasons';
import type { ProblemFields } from '../../../../src-shared/row-problem';
import { messageLanguage } from '../../api/error-text';
import { rowProblemText } from '../../api/row-problem-text';
import { joinSentences } from '../../ui/format';

// A row's problem in the reader's language: the code's message from the shared catalogue and, for
// INVALID_AMOUNT, which rule the amount broke (negative, zero, a decimal too many…), so a person
// sees why "12.345" was refused, not only what an amount should look like.

/** The problem in words; `currency` is the one the amount was read in (the row's, when it is a known currency, else the batch's). */
export function payoutProblemText(problem: ProblemFields, currency: string, language: string): string {
  const message = rowProblemText(problem, language);
  if (problem.code !== 'INVALID_AMOUNT') return message;
  const why = amountReasonMessage(problem.details?.reason, currency, messageLanguage(language));
  return why === null ? message : joinSentences([message, why], language);
}

/** The currency a row's amount was read in: its own when the file names a known one, else the batch's. */
export function amountCurrency(rowCurrency: string, batchCurrency: string): string {
  return rowCurrency !== '' && isKnownCurrency(rowCurrency) ? rowCurrency : batchCurrency;
}

/** `describe(problem, currency)` in the current language. */
export function usePayoutProblemText(): (problem: ProblemFields, currency: string) => string {
  const { i18n } = useTranslation();
  return useCallback((problem: ProblemFields, currency: string) => payoutProblemText(problem, currency, i18n.language), [i18n.language]);
}
