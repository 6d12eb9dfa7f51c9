import { List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PointsSummary } from '../../../../src-shared/contract/points';
import { formatDate } from '../../ui/format';
import { usePointsFormat } from './points-format';

/** What each coming expiry day will remove, soonest first; what is left in a lot is all that expires. */
export function UpcomingExpiries({ expiries }: { expiries: PointsSummary['upcomingExpiries'] }) {
  const { t, i18n } = useTranslation();
  const format = usePointsFormat();
  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%' }} component="section" aria-label={t('points:expiries.title')}>
      <Typography variant="subtitle1" component="h3">
        {t('points:expiries.title')}
      </Typography>
      {expiries.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('points:expiries.none')}
        </Typography>
      ) : (
        <List dense data-testid="upcoming-expiries">
          {expiries.map((expiry) => (
            <ListItem key={expiry.date} disableGutters secondaryAction={<span style={{ fontVariantNumeric: 'tabular-nums' }}>{format(expiry.points)}</span>}>
              <ListItemText primary={<time dateTime={expiry.date}>{formatDate(expiry.date, i18n.language)}</time>} />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
