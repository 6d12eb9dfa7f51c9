import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { parseSystemMemo } from '../../../src-shared/system-memo';

// The one way a stored memo becomes text on screen or in a CSV the reader downloads: a system
// memo's parts in the reader's language, anything staff typed verbatim.

/** A stored memo (a transfer's or a receipt's) as the reader reads it; '' for none. */
export function memoText(t: TFunction, memo: string | null | undefined): string {
  const system = parseSystemMemo(memo ?? null);
  if (system?.memo === 'points') return t(`memo:points_${system.move}`, { rule: system.rule ? t(`memo:rule_${system.rule}`) : '', detail: system.detail ?? '' });
  if (system) return t(`memo:${system.memo}`, { merchant: system.merchant });
  return memo ?? '';
}

/** memoText bound to the current language, for components and grid value formatters. */
export function useMemoText(): (memo: string | null | undefined) => string {
  const { t } = useTranslation('memo');
  return useCallback((memo: string | null | undefined) => memoText(t, memo), [t]);
}
