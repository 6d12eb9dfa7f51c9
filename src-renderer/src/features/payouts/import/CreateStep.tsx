import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ValidationReport } from '../../../../../src-shared/contract/payouts';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { DetailRow } from '../../../ui/DetailRow';
import { Money } from '../../../ui/Money';

interface CreateStepProps {
  fileName: string;
  report: ValidationReport;
  creating: boolean;
  error: unknown;
  onBack: () => void;
  onCreate: () => void;
}

/** Step 4: what the new draft batch will pay and leave out; Create keeps it, and its page opens for submission. */
export function CreateStep({ fileName, report, creating, error, onBack, onCreate }: CreateStepProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const { totals } = report;
  return (
    <Stack sx={{ gap: 2, maxWidth: 640 }}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack component="dl" sx={{ gap: 1, m: 0 }}>
          <DetailRow label={t('payouts:import.facts.file')}>{fileName}</DetailRow>
          <DetailRow label={t('payouts:import.file.currency')}>{report.currency}</DetailRow>
          <DetailRow label={t('payouts:import.totals.payableCount')}>{number.format(totals.payableCount)}</DetailRow>
          <DetailRow label={t('payouts:import.totals.payableAmount')} strong>
            <Money minor={totals.payableAmount} currency={report.currency} />
          </DetailRow>
          <DetailRow label={t('payouts:import.totals.error')}>{number.format(totals.error)}</DetailRow>
        </Stack>
      </Paper>
      <Typography variant="body2" color="text.secondary">
        {t('payouts:import.create.explanation')}
      </Typography>
      {totals.error > 0 && <Alert severity="warning">{t('payouts:import.create.leftOut', { count: totals.error, rows: number.format(totals.error) })}</Alert>}
      <ErrorAlert error={error} />
      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
        <Button onClick={onBack} disabled={creating}>
          {t('payouts:import.back')}
        </Button>
        <Button variant="contained" onClick={onCreate} disabled={creating}>
          {t('payouts:import.create.button')}
        </Button>
      </Stack>
    </Stack>
  );
}
