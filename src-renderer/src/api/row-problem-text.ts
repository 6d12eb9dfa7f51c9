import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { rowProblemMessage, type ProblemFields } from '../../../src-shared/row-problem';
import { messageLanguage } from './error-text';

// Row and file problems of an imported file become words here, beside the error codes, from the
// shared catalogue the CLI prints too. The main process's English `message` is never shown.

export function rowProblemText(problem: ProblemFields, language: string): string {
  return rowProblemMessage(problem, messageLanguage(language));
}

/** `describe(problem)` in the current language. */
export function useRowProblemText(): (problem: ProblemFields) => string {
  const { i18n } = useTranslation();
  return useCallback((problem: ProblemFields) => rowProblemText(problem, i18n.language), [i18n.language]);
}
