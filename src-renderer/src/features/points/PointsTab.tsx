import { Grid, Skeleton, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PointLotsGrid } from './PointLotsGrid';
import { PointsActions, type PointsActionsProps } from './PointsActions';
import { PointsBalances } from './PointsBalances';
import { PointsChart } from './PointsChart';
import { PointsHistoryGrid } from './PointsHistoryGrid';
import { UpcomingExpiries } from './UpcomingExpiries';
import { PageSection } from '../../ui/PageSection';


/** The member page's Points tab: the balances and what can be done with them, the months at a glance, the lots and every movement. */
export function PointsTab(props: PointsActionsProps) {
  const { t } = useTranslation();
  const { memberId } = props;
  const summary = useChannelQuery('points.summary', { memberId });
  return (
    <Stack sx={{ gap: 3 }} data-testid="points-tab">
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <PointsActions {...props} />
      </Stack>
      <ErrorAlert error={summary.error} />
      {summary.isPending ? <Skeleton variant="rounded" height={110} /> : summary.data && <PointsBalances summary={summary.data} />}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <PointsChart memberId={memberId} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <UpcomingExpiries expiries={summary.data?.upcomingExpiries ?? []} />
        </Grid>
      </Grid>
      <PageSection title={t('points:lots.title')}>
        <PointLotsGrid memberId={memberId} />
      </PageSection>
      <PageSection title={t('points:history.title')}>
        <PointsHistoryGrid memberId={memberId} />
      </PageSection>
    </Stack>
  );
}
