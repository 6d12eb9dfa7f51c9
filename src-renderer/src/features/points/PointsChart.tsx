import { useMemo } from 'react';
import { Paper, Skeleton, Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatMonth, usePointsFormat } from './points-format';

const MONTHS = 12;

/** Points earned, spent and expired per month over the last year, as points.monthly counts them. */
export function PointsChart({ memberId }: { memberId: number }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const format = usePointsFormat();
  const monthly = useChannelQuery('points.monthly', { memberId, months: MONTHS });
  const dataset = useMemo(() => (monthly.data ?? []).map((row) => ({ ...row, label: formatMonth(row.month, i18n.language) })), [monthly.data, i18n.language]);
  const moved = dataset.some((row) => row.earned > 0 || row.spent > 0 || row.expired > 0);
  const valueFormatter = (value: number | null) => (value === null ? null : format(value));
  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%' }} component="section" aria-label={t('points:chart.title')}>
      <Typography variant="subtitle1" component="h3">
        {t('points:chart.title')}
      </Typography>
      <ErrorAlert error={monthly.error} />
      {monthly.isPending && <Skeleton variant="rounded" height={240} />}
      {monthly.isSuccess && !moved && <EmptyState title={t('points:chart.empty')} hint={t('points:chart.emptyHint')} />}
      {monthly.isSuccess && moved && (
        <BarChart
          height={260}
          dataset={dataset}
          xAxis={[{ scaleType: 'band', dataKey: 'label' }]}
          yAxis={[{ width: 56, valueFormatter: (value: number) => new Intl.NumberFormat(i18n.language, { notation: 'compact' }).format(value) }]}
          series={[
            { dataKey: 'earned', label: t('points:chart.earned'), color: theme.palette.success.main, valueFormatter },
            { dataKey: 'spent', label: t('points:chart.spent'), color: theme.palette.primary.main, valueFormatter },
            { dataKey: 'expired', label: t('points:chart.expired'), color: theme.palette.warning.main, valueFormatter },
          ]}
          localeText={{ noData: t('points:chart.empty'), loading: t('common:loading') }}
          grid={{ horizontal: true }}
        />
      )}
    </Paper>
  );
}
