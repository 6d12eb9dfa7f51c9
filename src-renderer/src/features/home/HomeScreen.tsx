import { Card, CardActionArea, CardContent, Grid, Paper, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HOME_PATH, useAvailableRoutes } from '../../session/available-routes';
import { shownName, useSession } from '../../session/session';
import { DateTime } from '../../ui/DateTime';
import { EmptyState } from '../../ui/EmptyState';
import { PageFrame } from '../../ui/PageFrame';
import { RoleChip } from '../../ui/StatusChip';
import { can } from '../../../../src-shared/permissions';
import { CounterToday } from './CounterToday';

/** Where everyone lands: who is signed in, their counter today (those who work one), and the screens their role opens. */
export function HomeScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const screens = useAvailableRoutes().filter((route) => route.path !== HOME_PATH);
  return (
    <PageFrame title={t('home:welcome', { name: shownName(session, t) })} subtitle={t('home:subtitle')}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2">{t('home:signedInAs', { username: session.username })}</Typography>
          <RoleChip role={session.role} />
          <Typography variant="body2" color="text.secondary">
            {t('home:since')} <DateTime value={session.unlockedAt} />
          </Typography>
        </Stack>
      </Paper>
      {can(session.role, 'wallet.deposit') && <CounterToday />}
      {screens.length === 0 ? (
        <Paper variant="outlined">
          <EmptyState title={t('home:noScreens.title')} hint={t('home:noScreens.hint')} />
        </Paper>
      ) : (
        <Grid container spacing={2}>
          {screens.map((route) => (
            <Grid key={route.path} size={{ xs: 12, sm: 6, lg: 4 }}>
              <Card variant="outlined" sx={{ height: '100%' }}>
                <CardActionArea component={Link} to={route.path} sx={{ height: '100%' }}>
                  <CardContent>
                    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', mb: 1, color: 'primary.main' }}>
                      {route.icon}
                      <Typography variant="subtitle1" component="h2">
                        {t(route.labelKey)}
                      </Typography>
                    </Stack>
                    <Typography variant="body2" color="text.secondary">
                      {t(route.descriptionKey)}
                    </Typography>
                  </CardContent>
                </CardActionArea>
              </Card>
            </Grid>
          ))}
        </Grid>
      )}
    </PageFrame>
  );
}
