import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ITEM_STATUSES, type Batch } from '../../../../../src-shared/contract/payouts';
import { Money } from '../../../ui/Money';

function SummaryCard({ label, count, amount, currency, testId }: { label: string; count: number; amount?: number; currency: string; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper variant="outlined" data-testid={testId} sx={{ p: 1.5, minWidth: 150, flex: '1 1 150px' }}>
      <Typography variant="caption" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography variant="h6" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {new Intl.NumberFormat(i18n.language).format(count)}
      </Typography>
      {amount !== undefined && <Money minor={amount} currency={currency} sx={{ color: 'text.secondary' }} />}
    </Paper>
  );
}

/**
 * The batch in figures: rows in the file, what it pays, what was left out for errors; once paying
 * has begun, how many items and how much stand in each status, as the router counted them.
 */
export function BatchSummary({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const executed = batch.status === 'executing' || batch.status === 'completed';
  const statuses = ITEM_STATUSES.filter((status) => (batch.byStatus[status]?.count ?? 0) > 0);
  return (
    <Box component="section" aria-label={t('payout-batch:summary.label')} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        <SummaryCard testId="summary-rows" label={t('payout-batch:summary.rows')} count={batch.rowCount} currency={batch.currency} />
        <SummaryCard testId="summary-payable" label={t('payout-batch:summary.payable')} count={batch.itemCount} amount={batch.total} currency={batch.currency} />
        <SummaryCard testId="summary-skipped" label={t('payout-batch:summary.skipped')} count={batch.rowCount - batch.itemCount} currency={batch.currency} />
      </Box>
      {executed && (
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }} data-testid="summary-by-status">
          {statuses.map((status) => (
            <SummaryCard
              key={status}
              testId={`summary-${status}`}
              label={t(`payout-batch:itemStatus.${status}`)}
              count={batch.byStatus[status]?.count ?? 0}
              amount={batch.byStatus[status]?.amount ?? 0}
              currency={batch.currency}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
