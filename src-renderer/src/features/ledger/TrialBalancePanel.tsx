import { Box, Chip, Grid, Paper, Skeleton, Stack, Tooltip, Typography } from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { useTranslation } from 'react-i18next';
import type { CurrencyTotals } from '../../../../src-shared/contract/ledger';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CaptionedMoney } from '../../ui/Money';

function CurrencyCard({ totals }: { totals: CurrencyTotals }) {
  const { t } = useTranslation();
  const { currency } = totals;
  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%' }} data-testid={`trial-balance-${currency}`}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {currency}
        </Typography>
        {totals.balanced ? (
          <Chip size="small" color="success" icon={<CheckCircle />} label={t('ledger:trial.balanced')} />
        ) : (
          <Chip size="small" color="error" icon={<ErrorIcon />} label={t('ledger:trial.unbalanced')} />
        )}
      </Stack>
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap' }}>
        <CaptionedMoney label={t('ledger:trial.debitsPosted')} minor={totals.debitsPosted} currency={currency} />
        <CaptionedMoney label={t('ledger:trial.creditsPosted')} minor={totals.creditsPosted} currency={currency} />
        <CaptionedMoney label={t('ledger:trial.debitsPending')} minor={totals.debitsPending} currency={currency} />
        <CaptionedMoney label={t('ledger:trial.creditsPending')} minor={totals.creditsPending} currency={currency} />
      </Stack>
    </Paper>
  );
}

/** Σ debits against Σ credits per currency, over every account, and the journal's chain head. */
export function TrialBalancePanel() {
  const { t, i18n } = useTranslation();
  // Only the system accounts are listed one by one here; the totals always cover every account.
  const trial = useChannelQuery('ledger.trialBalance', { ownerType: 'system' });
  if (trial.isError) return <ErrorAlert error={trial.error} />;
  if (trial.isPending) return <Skeleton variant="rounded" height={120} />;
  const { currencies, head, transferCount } = trial.data;
  return (
    <Stack component="section" aria-label={t('ledger:trial.title')} sx={{ gap: 1.5 }}>
      <Grid container spacing={2}>
        {currencies.map((totals) => (
          <Grid key={totals.currency} size={{ xs: 12, md: 6 }}>
            <CurrencyCard totals={totals} />
          </Grid>
        ))}
      </Grid>
      <Typography variant="body2" color="text.secondary" data-testid="journal-head">
        {t('ledger:trial.head', { count: transferCount, formattedCount: new Intl.NumberFormat(i18n.language).format(transferCount) })}{' '}
        <Tooltip title={head}>
          <Box component="code" sx={{ fontFamily: '"Roboto Mono", "DejaVu Sans Mono", Consolas, monospace', wordBreak: 'break-all' }}>
            {head}
          </Box>
        </Tooltip>
      </Typography>
    </Stack>
  );
}
