import { Alert, AlertTitle, Button, Skeleton, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shownName, useSession } from '../../session/session';
import { DateTime } from '../../ui/DateTime';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageFrame } from '../../ui/PageFrame';
import { RoleChip } from '../../ui/StatusChip';
import { can } from '../../../../src-shared/permissions';
import { CounterToday } from './CounterToday';
import { DashboardCharts } from './DashboardCharts';
import { DashboardFigures } from './DashboardFigures';
import { useCanOpen } from './FigureCard';
import { WaitingBatches } from './WaitingBatches';
import { DASHBOARD_LINKS } from './dashboard-links';
import { useDashboard } from './use-dashboard';

/** The oversight screens an auditor or admin goes on to from here, where the role may open them (a section, not a second navigation landmark). */
const ONWARD = [
  { to: DASHBOARD_LINKS.verify, labelKey: 'home:dashboard.onward.verify' },
  { to: DASHBOARD_LINKS.audit, labelKey: 'home:dashboard.onward.audit' },
  { to: DASHBOARD_LINKS.reports, labelKey: 'home:dashboard.onward.reports' },
] as const;

/**
 * Where everyone lands: the dashboard of what this role looks after (the figures its permissions
 * show, each a link to the screen behind it), and the counter today for those who work one (first for a teller, whose day it is).
 */
export function HomeScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const dashboard = useDashboard();
  const canOpen = useCanOpen();
  const onward = ONWARD.filter((link) => canOpen(link.to));
  const summary = dashboard.data;
  const fresh = summary !== undefined && (summary.members?.total ?? 0) === 0 && (summary.payoutsThisMonth?.rows.length ?? 0) === 0;
  return (
    <PageFrame
      title={t('home:welcome', { name: shownName(session, t) })}
      subtitle={t('home:subtitle')}
      actions={
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2">{t('home:signedInAs', { username: session.username })}</Typography>
          <RoleChip role={session.role} />
          <Typography variant="body2" color="text.secondary">
            {t('home:since')} <DateTime value={session.unlockedAt} />
          </Typography>
        </Stack>
      }
    >
      {session.role === 'teller' && <CounterToday />}
      <ErrorAlert error={dashboard.error} />
      {dashboard.isPending && <Skeleton variant="rounded" height={120} aria-label={t('common:loading')} />}
      {summary && fresh && (
        <Alert severity="info" variant="outlined">
          <AlertTitle>{t('home:dashboard.fresh.title')}</AlertTitle>
          {t(can(session.role, 'members.write') ? 'home:dashboard.fresh.hintRegister' : 'home:dashboard.fresh.hint')}
        </Alert>
      )}
      {summary && (
        <Stack sx={{ gap: 2 }} data-testid="dashboard" data-drawn="true">
          <DashboardFigures summary={summary} />
          {summary.waitingApproval && <WaitingBatches waiting={summary.waitingApproval} />}
          <DashboardCharts summary={summary} />
        </Stack>
      )}
      {session.role !== 'teller' && can(session.role, 'wallet.deposit') && <CounterToday />}
      {onward.length > 0 && (
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} component="section" aria-label={t('home:dashboard.onward.title')}>
          {onward.map((link) => (
            <Button key={link.to} variant="outlined" size="small" component={Link} to={link.to}>
              {t(link.labelKey)}
            </Button>
          ))}
        </Stack>
      )}
    </PageFrame>
  );
}
