import { useState } from 'react';
import { Alert, Button, Divider } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SignOutNotice } from '../../../../src-shared/contract/session';
import { useChannelQuery } from '../../api/queries';
import { formatDateTime } from '../../ui/format';
import { PublicFrame } from '../../ui/PublicFrame';
import { PassphraseUnlockForm } from './PassphraseUnlockForm';
import { RecoveryUnlockForm } from './RecoveryUnlockForm';

/** A backup by its file name: both live in the data folder's backups, which the backup screen lists. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** What ended the last session, when it was not the person themselves: today a restore. */
function SignOutNoticeAlert({ notice }: { notice: SignOutNotice }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert severity="info" sx={{ mb: 2 }} role="status">
      {t('session:notice.restored', { backup: fileName(notice.backup), date: formatDateTime(notice.backupCreatedAt, i18n.language), safety: fileName(notice.safetyBackup) })}
    </Alert>
  );
}

export function UnlockScreen() {
  const { t } = useTranslation();
  const [withRecoveryKey, setWithRecoveryKey] = useState(false);
  const notice = useChannelQuery('app.status', {}).data?.notice ?? null;
  return (
    <PublicFrame
      title={withRecoveryKey ? t('session:recovery.title') : t('session:unlock.title')}
      subtitle={withRecoveryKey ? t('session:recovery.intro') : t('session:unlock.intro')}
    >
      {notice && <SignOutNoticeAlert notice={notice} />}
      {withRecoveryKey ? <RecoveryUnlockForm /> : <PassphraseUnlockForm />}
      <Divider sx={{ my: 2 }} />
      <Button fullWidth onClick={() => setWithRecoveryKey((current) => !current)}>
        {withRecoveryKey ? t('session:recovery.back') : t('session:recovery.use')}
      </Button>
    </PublicFrame>
  );
}
