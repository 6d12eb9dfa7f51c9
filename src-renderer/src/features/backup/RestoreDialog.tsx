import { useQueryClient } from '@tanstack/react-query';
import { DialogContentText } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../../src-shared/contract/backup';
import { useErrorText } from '../../api/error-text';
import { useJobFlow } from '../../api/use-job-flow';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';

/**
 * Restore replaces the live data with a backup after checking it. The main process then signs
 * everyone out, so the screens are cleared and the unlock screen follows.
 */
export function RestoreDialog({ backup, onClose }: { backup: BackupFile | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const restore = useJobFlow('backup.restore', () => void queryClient.resetQueries());
  const close = () => {
    restore.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={backup !== null}
      title={t('backup:restore.title')}
      confirmLabel={t('backup:restore.confirm')}
      danger
      busy={restore.running}
      error={restore.error ? describe(restore.error) : null}
      onClose={close}
      onConfirm={() => backup && restore.start({ path: backup.path })}
    >
      <DialogContentText>
        {backup && t('backup:restore.explanation', { name: backup.name, date: formatDateTime(backup.createdAt, i18n.language) })}
      </DialogContentText>
      {restore.job && <JobProgress job={restore.job} label={t('backup:restore.progress')} />}
    </ConfirmDialog>
  );
}
