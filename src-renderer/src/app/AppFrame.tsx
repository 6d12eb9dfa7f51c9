import { useMemo } from 'react';
import { AppBar, Box, Drawer, List, ListItemButton, ListItemIcon, ListItemText, ListSubheader, Toolbar, Typography } from '@mui/material';
import AccountBalance from '@mui/icons-material/AccountBalanceOutlined';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { routesFor } from './routes';
import { useLock, useSession } from '../session/session';
import { useIdleLock } from './use-idle-lock';
import { ColorModeToggle, LanguageSwitch } from '../ui/PreferenceControls';
import { UserMenu } from './UserMenu';
import { AvailableRoutesContext, HOME_PATH, NAV_SECTIONS, type AppRoute } from '../session/available-routes';

const DRAWER_WIDTH = 248;

function Navigation({ routes }: { routes: AppRoute[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Box component="nav" aria-label={t('common:nav.label')}>
      {NAV_SECTIONS.map((section) => {
        const items = routes.filter((route) => route.section === section);
        if (items.length === 0) return null;
        return (
          <List key={section} dense subheader={<ListSubheader sx={{ bgcolor: 'transparent' }}>{t(`common:nav.section.${section}`)}</ListSubheader>}>
            {items.map((route) => (
              <ListItemButton key={route.path} component={NavLink} to={route.path} selected={location.pathname === route.path}>
                <ListItemIcon sx={{ minWidth: 40 }}>{route.icon}</ListItemIcon>
                <ListItemText primary={t(route.labelKey)} />
              </ListItemButton>
            ))}
          </List>
        );
      })}
    </Box>
  );
}

/** The unlocked app: bar, role-filtered navigation, the routed screen, and the idle lock. */
export function AppFrame({ idleLockMinutes }: { idleLockMinutes: number }) {
  const { t } = useTranslation();
  const session = useSession();
  const lock = useLock();
  useIdleLock(idleLockMinutes, () => void lock());
  const routes = useMemo(() => routesFor(session.role), [session.role]);

  return (
    // The frame never scrolls; the screen inside it does, so bar and navigation stay put.
    <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          <AccountBalance />
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            {t('common:appName')}
          </Typography>
          <LanguageSwitch />
          <ColorModeToggle />
          <UserMenu session={session} onLock={() => void lock()} />
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
        <Toolbar />
        <Navigation routes={routes} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Toolbar />
        <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto', display: 'flex', flexDirection: 'column' }}>
          <AvailableRoutesContext.Provider value={routes}>
            <Routes>
              {routes.map((route) => (
                <Route key={route.path} path={route.path} element={route.element} />
              ))}
              <Route path="*" element={<Navigate to={HOME_PATH} replace />} />
            </Routes>
          </AvailableRoutesContext.Provider>
        </Box>
      </Box>
    </Box>
  );
}
