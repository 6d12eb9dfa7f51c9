import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, POINTS_CURRENCY } from '../../../../src-shared/money';

// Points are the ledger's PTS unit, written as the money helpers write any amount. Rates and
// factors are settings in basis points and hundredths, written with Intl as percent and ×n.

/** `format(points)` in the reader's locale ("1,500 PTS"), with a sign when asked for one. */
export function usePointsFormat(): (points: number, signed?: boolean) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (points: number, signed = false) => {
      const text = formatAmount(Math.abs(points), POINTS_CURRENCY, i18n.language);
      if (points < 0) return `−${text}`;
      return signed && points > 0 ? `+${text}` : text;
    },
    [i18n.language],
  );
}

export function formatBasisPoints(bps: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function formatMultiplier(hundredths: number, language: string): string {
  return `×${new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(hundredths / 100)}`;
}

/** A calendar month as the router names it ("2026-11") in the reader's words ("Nov 2026", "2026年11月"). */
export function formatMonth(month: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
