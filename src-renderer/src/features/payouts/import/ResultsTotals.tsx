import { Paper, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ValidationReport } from '../../../../../src-shared/contract/payouts';
import { CaptionedMoney } from '../../../ui/Money';
import { CaptionedCount } from './CaptionedCount';

/** What the file would pay (rows without errors and their sum), and how many rows stand out or are left out. */
export function ResultsTotals({ report }: { report: ValidationReport }) {
  const { t } = useTranslation();
  const { totals } = report;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="results-totals">
      <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap' }}>
        <CaptionedCount label={t('payouts:import.totals.rows')} count={totals.rows} />
        <CaptionedCount label={t('payouts:import.totals.payableCount')} count={totals.payableCount} testId="payable-count" />
        <CaptionedMoney label={t('payouts:import.totals.payableAmount')} minor={totals.payableAmount} currency={report.currency} />
        <CaptionedCount label={t('payouts:import.totals.warning')} count={totals.warning} color="warning.main" testId="warning-count" />
        <CaptionedCount label={t('payouts:import.totals.error')} count={totals.error} color="error.main" testId="error-count" />
      </Stack>
    </Paper>
  );
}
