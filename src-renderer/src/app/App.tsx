import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, CircularProgress, CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createQueryClient, useChannelQuery } from '../api/queries';
import { useErrorText } from '../api/error-text';
import { ColorModeProvider } from '../ui/preferences';
import { DateLocalizationProvider } from '../ui/DateLocalization';
import { buildTheme } from './theme';
import { SessionContext } from '../session/session';
import { lazyScreen, preloadScreens } from './lazy-screen';
import { SetupWizard } from '../features/setup/SetupWizard';
import { UnlockScreen } from '../features/session/UnlockScreen';

const AppFrame = lazyScreen(() => import('./AppFrame'), 'AppFrame');

function Loading() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <CircularProgress aria-label={t('common:loading')} />
    </Box>
  );
}

/** Once the first screen is drawn and the page has nothing to do, the screens behind it load. */
function usePreloadWhenIdle() {
  useEffect(() => {
    const idle = requestIdleCallback(() => void preloadScreens());
    return () => cancelIdleCallback(idle);
  }, []);
}

/**
 * Decides what the person sees from `app.status`: setup on a fresh data folder, unlock while
 * locked, the app while signed in. Setup stays up until its recovery key has been confirmed,
 * even though the main process is already signed in by then.
 */
function AppGate() {
  const { t } = useTranslation();
  const describe = useErrorText();
  const status = useChannelQuery('app.status', {}, { staleTime: Infinity });
  const [setupRunning, setSetupRunning] = useState(false);
  useHomeForAnotherPerson(status.data?.session?.username ?? null);
  usePreloadWhenIdle();

  if (status.isPending) return <Loading />;
  if (status.isError) {
    return (
      <Box sx={{ p: 4 }}>
        <Alert severity="error" action={<Button onClick={() => void status.refetch()}>{t('common:actions.retry')}</Button>}>
          {describe(status.error)}
        </Alert>
      </Box>
    );
  }
  const { initialized, session, idleLockMinutes } = status.data;
  if (!initialized || setupRunning) {
    return (
      <SetupWizard
        onStarted={() => setSetupRunning(true)}
        onFinished={() => setSetupRunning(false)}
      />
    );
  }
  if (!session) return <UnlockScreen />;
  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<Loading />}>
        <AppFrame idleLockMinutes={idleLockMinutes} />
      </Suspense>
    </SessionContext.Provider>
  );
}

/**
 * The page stays in the URL while the screen is locked: the same person unlocking goes on where
 * they were, someone else starts at home, not on the page the last person left open.
 */
function useHomeForAnotherPerson(username: string | null) {
  const navigate = useNavigate();
  const lastPerson = useRef<string | null>(null);
  useEffect(() => {
    if (username === null) return;
    if (lastPerson.current !== null && lastPerson.current !== username) void navigate('/', { replace: true });
    lastPerson.current = username;
  }, [username, navigate]);
}

function ThemedApp() {
  const { i18n } = useTranslation();
  return (
    <ColorModeProvider>
      {(mode) => <ThemedRoot mode={mode} language={i18n.language} />}
    </ColorModeProvider>
  );
}

function ThemedRoot({ mode, language }: { mode: 'light' | 'dark'; language: string }) {
  const theme = useMemo(() => buildTheme(mode, language), [mode, language]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <DateLocalizationProvider language={language}>
        <HashRouter>
          <AppGate />
        </HashRouter>
      </DateLocalizationProvider>
    </ThemeProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemedApp />
    </QueryClientProvider>
  );
}
