import { Box, Divider, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ITEM_STATUSES, type Batch } from '../../../../../src-shared/contract/payouts';
import { Money } from '../../../ui/Money';

function SummaryCard({ label, count, amount, currency, testId }: { label: string; count: number; amount?: number; currency: string; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper variant="outlined" data-testid={testId} sx={{ px: 1.5, py: 1, flex: '0 1 170px', minWidth: 140 }}>
      <Typography variant="caption" color="text.secondary" component="p" noWrap title={label}>
        {label}
      </Typography>
      <Stack>
        <Typography variant="h6" component="p" sx={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.3 }}>
          {new Intl.NumberFormat(i18n.language).format(count)}
        </Typography>
        {amount !== undefined && <Money minor={amount} currency={currency} sx={{ color: 'text.secondary', fontSize: '0.875rem' }} />}
      </Stack>
    </Paper>
  );
}

/**
 * The batch in figures: rows in the file, what it pays, what was left out for errors; once paying
 * has ended (or stopped), how many items and how much stand in each status, as the router counted them.
 */
export function BatchSummary({ batch, paying }: { batch: Batch; paying: boolean }) {
  const { t } = useTranslation();
  // While a job pays, the progress bar tells how far it is; the counts are read again when it ends.
  const executed = batch.status === 'completed' || (batch.status === 'executing' && !paying);
  const statuses = ITEM_STATUSES.filter((status) => (batch.byStatus[status]?.count ?? 0) > 0);
  return (
    <Box component="section" aria-label={t('payout-batch:summary.label')} sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
      <SummaryCard testId="summary-rows" label={t('payout-batch:summary.rows')} count={batch.rowCount} currency={batch.currency} />
      <SummaryCard testId="summary-payable" label={t('payout-batch:summary.payable')} count={batch.itemCount} amount={batch.total} currency={batch.currency} />
      <SummaryCard testId="summary-skipped" label={t('payout-batch:summary.skipped')} count={batch.rowCount - batch.itemCount} currency={batch.currency} />
      {executed && <Divider orientation="vertical" flexItem />}
      {executed &&
        statuses.map((status) => (
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
  );
}
