import { useEffect, useState } from 'react';
import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatCountdown } from '../../ui/format';

/** The lockout's time left, ticking every second; tells the parent when it is over. */
export function LockoutNotice({ lockedUntil, onOver }: { lockedUntil: string; onOver: () => void }) {
  const { t } = useTranslation();
  const until = new Date(lockedUntil).getTime();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) {
        window.clearInterval(timer);
        onOver();
      }
    }, 1_000);
    return () => window.clearInterval(timer);
  }, [until, onOver]);

  return (
    <Alert severity="warning" role="alert" data-testid="lockout-notice">
      <AlertTitle>{t('session:unlock.lockedOutTitle')}</AlertTitle>
      {t('session:unlock.lockedOut', { time: formatCountdown(until - now) })}
    </Alert>
  );
}
