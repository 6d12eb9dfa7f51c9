import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PointsSummary } from '../../../../src-shared/contract/points';
import { CaptionedMoney } from '../../ui/Money';
import { usePointsFormat } from './points-format';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography variant="body1" component="p" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** The member's points as the router counts them: held, spendable now, still pending, refunds' shortfall, and the wallet credit that came from points. */
export function PointsBalances({ summary }: { summary: PointsSummary }) {
  const { t } = useTranslation();
  const format = usePointsFormat();
  return (
    <Stack sx={{ gap: 2 }}>
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="points-balances">
        <Typography variant="overline" color="text.secondary" component="h3">
          {t('points:balance.title')}
        </Typography>
        <Typography variant="h5" component="p" data-testid="points-balance" aria-label={t('points:balance.title')} sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {format(summary.balance)}
        </Typography>
        <Stack direction="row" sx={{ gap: 4, mt: 1, flexWrap: 'wrap' }}>
          <Figure label={t('points:balance.spendable')} value={format(summary.spendable)} testId="points-spendable" />
          <Figure label={t('points:balance.pending')} value={format(summary.pending)} testId="points-pending" />
          {summary.shortfall > 0 && <Figure label={t('points:balance.shortfall')} value={format(summary.shortfall)} testId="points-shortfall" />}
          {summary.redeemedCredit.map((credit) => (
            <CaptionedMoney key={credit.currency} label={t('points:balance.redeemedCredit', { currency: credit.currency })} minor={credit.amount} currency={credit.currency} />
          ))}
        </Stack>
      </Paper>
      {summary.shortfall > 0 && (
        <Alert severity="warning" data-testid="points-shortfall-alert">
          {t('points:balance.shortfallExplained', { points: format(summary.shortfall) })}
        </Alert>
      )}
    </Stack>
  );
}
