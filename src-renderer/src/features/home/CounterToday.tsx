import { Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CaptionedMoney } from '../../ui/Money';

/** Today in the reader's local time, as the instants that bound it. */
function todayBounds(now = new Date()): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1, 0, 0, 0, -1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The signed-in person's own counter today: operations, and cash in and out per currency (until the dashboard). */
export function CounterToday() {
  const { t } = useTranslation();
  const day = useChannelQuery('wallets.counterDay', todayBounds());
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="counter-today">
      <Typography id="counter-today" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('home:today.title')}
      </Typography>
      <ErrorAlert error={day.error} />
      {day.data && day.data.operations === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('home:today.none')}
        </Typography>
      )}
      {day.data && day.data.operations > 0 && (
        <Stack sx={{ gap: 1 }}>
          <Typography variant="body2">{t('home:today.operations', { count: day.data.operations })}</Typography>
          {day.data.currencies.map((currency) => (
            <Stack key={currency.currency} direction="row" sx={{ gap: 4, flexWrap: 'wrap' }}>
              <CaptionedMoney label={t('home:today.cashIn')} minor={currency.cashIn} currency={currency.currency} />
              <CaptionedMoney label={t('home:today.cashOut')} minor={currency.cashOut} currency={currency.currency} />
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
