import { useState } from 'react';
import { Alert, Paper, Snackbar, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../src-shared/permissions';
import { SETTINGS_SECTIONS } from '../../../../src-shared/settings';
import type { SettingsSection } from '../../../../src-shared/settings/define';
import { useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageFrame } from '../../ui/PageFrame';
import { TrustFingerprint } from '../../ui/TrustFingerprint';
import { useSession } from '../../session/session';
import { SECTION_CARDS } from './section-cards';
import { EditedElsewhereCard } from './EditedElsewhereCard';

/** Admin → Settings: every setting by section, editable with settings.manage and readable with settings.read. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const readOnly = !can(session.role, 'settings.manage');
  const overview = useChannelQuery('settings.overview', {});
  // The notice keeps its words while it closes, so it does not go blank on its way out.
  const [notice, setNotice] = useState<{ domain: string; open: boolean } | null>(null);
  const close = () => setNotice((shown) => shown && { ...shown, open: false });
  return (
    <PageFrame title={t('settings:title')} subtitle={t('settings:subtitle')}>
      {readOnly && <Alert severity="info">{t('settings:readOnly')}</Alert>}
      <ErrorAlert error={overview.error} />
      {overview.data &&
        SETTINGS_SECTIONS.map(({ domain, editedAt }: SettingsSection) => {
          if (editedAt) return <EditedElsewhereCard key={domain} domain={domain} path={editedAt} />;
          const Section = SECTION_CARDS[domain];
          return Section ? (
            <Section key={domain} saved={overview.data.values} invalid={overview.data.invalid} readOnly={readOnly} onSaved={() => setNotice({ domain, open: true })} />
          ) : null;
        })}
      <Paper variant="outlined" component="section" aria-labelledby="trust-fingerprint-title" sx={{ p: 3 }}>
        <Typography id="trust-fingerprint-title" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          {t('common:trustFingerprint.title')}
        </Typography>
        <TrustFingerprint fingerprint={session.trustFingerprint} />
      </Paper>
      <Snackbar open={notice?.open ?? false} autoHideDuration={5000} onClose={close} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
        <Alert severity="success" variant="filled" onClose={close}>
          {notice && t('settings:saved', { section: t(`settings:section.${notice.domain}.title`) })}
        </Alert>
      </Snackbar>
    </PageFrame>
  );
}
