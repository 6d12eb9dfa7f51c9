import { Suspense, useMemo } from 'react';
import { AppBar, Box, Divider, LinearProgress, Drawer, IconButton, List, ListItemButton, ListItemIcon, ListItemText, ListSubheader, Toolbar, Tooltip, Typography, type Theme } from '@mui/material';
import AccountBalance from '@mui/icons-material/AccountBalanceOutlined';
import MenuIcon from '@mui/icons-material/Menu';
import MenuOpen from '@mui/icons-material/MenuOpen';
import { matchPath, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { routesFor, subRoutesFor } from './routes';
import { useLock, useSession } from '../session/session';
import { useIdleLock } from './use-idle-lock';
import { ColorModeToggle, LanguageSwitch } from '../ui/PreferenceControls';
import { useNavigationCollapsed } from '../ui/preferences-navigation';
import { UserMenu } from './UserMenu';
import { AvailableRoutesContext, HOME_PATH, NAV_SECTIONS, type AppRoute, type SubRoute } from '../session/available-routes';

const DRAWER_WIDTH = 248;
/** The folded navigation: the icons alone, each named by its tooltip and its aria-label. */
const RAIL_WIDTH = 64;
const NAVIGATION_ID = 'main-navigation';

function Navigation({ routes, subRoutes, collapsed }: { routes: AppRoute[]; subRoutes: SubRoute[]; collapsed: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const openSubRoute = subRoutes.find((sub) => matchPath(sub.path, location.pathname));
  return (
    <Box component="nav" id={NAVIGATION_ID} aria-label={t('common:nav.label')} sx={{ overflowX: 'hidden', overflowY: 'auto' }}>
      {NAV_SECTIONS.map((section, index) => {
        const items = routes.filter((route) => route.section === section);
        if (items.length === 0) return null;
        const title = t(`common:nav.section.${section}`);
        return (
          <List
            key={section}
            dense
            aria-label={title}
            subheader={collapsed ? index > 0 && <Divider sx={{ my: 1 }} /> : <ListSubheader sx={{ bgcolor: 'transparent' }}>{title}</ListSubheader>}
          >
            {items.map((route) => {
              const label = t(route.labelKey);
              return (
                <Tooltip key={route.path} title={collapsed ? label : ''} placement="right">
                  <ListItemButton
                    component={NavLink}
                    to={route.path}
                    // A screen with another screen under its path (Cards, the Card terminal) is current only on its own path.
                    end={routes.some((other) => other.path.startsWith(`${route.path}/`))}
                    selected={location.pathname === route.path || openSubRoute?.parent === route.path}
                    aria-label={collapsed ? label : undefined}
                    sx={{ minHeight: 40, px: collapsed ? 2.5 : 2 }}
                  >
                    <ListItemIcon sx={{ minWidth: collapsed ? 0 : 40 }}>{route.icon}</ListItemIcon>
                    {!collapsed && <ListItemText primary={label} />}
                  </ListItemButton>
                </Tooltip>
              );
            })}
          </List>
        );
      })}
    </Box>
  );
}

/** Folds and unfolds the navigation; a button, so Enter and Space work as they do on any. */
function NavigationToggle({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const label = collapsed ? t('common:nav.expand') : t('common:nav.collapse');
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" edge="start" onClick={onToggle} aria-label={label} aria-expanded={!collapsed} aria-controls={NAVIGATION_ID}>
        {collapsed ? <MenuIcon /> : <MenuOpen />}
      </IconButton>
    </Tooltip>
  );
}

function drawerWidth(collapsed: boolean) {
  const width = collapsed ? RAIL_WIDTH : DRAWER_WIDTH;
  const transition = (theme: Theme) => theme.transitions.create('width', { duration: theme.transitions.duration.shorter });
  return { width, flexShrink: 0, transition, '& .MuiDrawer-paper': { width, boxSizing: 'border-box', overflowX: 'hidden', transition } };
}

/** The unlocked app: bar, role-filtered navigation, the routed screen, and the idle lock. */
export function AppFrame({ idleLockMinutes }: { idleLockMinutes: number }) {
  const { t } = useTranslation();
  const session = useSession();
  const lock = useLock();
  useIdleLock(idleLockMinutes, () => void lock());
  const routes = useMemo(() => routesFor(session.role), [session.role]);
  const subRoutes = useMemo(() => subRoutesFor(session.role), [session.role]);
  const navigation = useNavigationCollapsed();

  return (
    // The frame never scrolls; the screen inside it does, so bar and navigation stay put.
    <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          <NavigationToggle collapsed={navigation.collapsed} onToggle={navigation.toggle} />
          <AccountBalance />
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            {t('common:appName')}
          </Typography>
          <LanguageSwitch />
          <ColorModeToggle />
          <UserMenu session={session} onLock={() => void lock()} />
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={drawerWidth(navigation.collapsed)}>
        <Toolbar />
        <Navigation routes={routes} subRoutes={subRoutes} collapsed={navigation.collapsed} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Toolbar />
        <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto', display: 'flex', flexDirection: 'column' }}>
          <AvailableRoutesContext.Provider value={routes}>
            <Suspense fallback={<LinearProgress aria-label={t('common:loading')} />}>
              <Routes>
                {routes.map((route) => (
                  <Route key={route.path} path={route.path} element={route.element} />
                ))}
                {subRoutes.map((route) => (
                  <Route key={route.path} path={route.path} element={route.element} />
                ))}
                <Route path="*" element={<Navigate to={HOME_PATH} replace />} />
              </Routes>
            </Suspense>
          </AvailableRoutesContext.Provider>
        </Box>
      </Box>
    </Box>
  );
}
