import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMIT_INTERVALS, type SpendingLimits } from '../../../../src-shared/cards/limits';
import { useFormatMoney } from '../../ui/Money';

/**
 * Limits in one line, for a grid cell: "Per day CN¥2,000.00 · 10 payments; Lifetime CN¥50,000.00",
 * the intervals with a limit only, in the reader's language; "No limits" when there are none.
 */
export function useLimitsSummary(): (limits: SpendingLimits, currency: string) => string {
  const { t } = useTranslation();
  const format = useFormatMoney();
  return useCallback(
    (limits: SpendingLimits, currency: string) => {
      const parts = LIMIT_INTERVALS.flatMap((interval) => {
        const limit = limits[interval];
        if (!limit || (limit.amount === null && limit.count === null)) return [];
        const values = [limit.amount !== null ? format(limit.amount, currency) : null, limit.count !== null ? t('card-admin:limits.payments', { count: limit.count }) : null];
        return [t('card-admin:limits.part', { interval: t(`card-admin:limits.interval.${interval}`), value: values.filter((value) => value !== null).join(' · ') })];
      });
      return parts.length === 0 ? t('card-admin:limits.noLimits') : parts.join(t('card-admin:limits.separator'));
    },
    [t, format],
  );
}
