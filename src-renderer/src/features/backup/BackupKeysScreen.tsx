import { useCallback, useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import BackupIcon from '@mui/icons-material/BackupOutlined';
import { useTranslation } from 'react-i18next';
import { backupResultSchema, type BackupFile } from '../../../../src-shared/contract/backup';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useJobFlow } from '../../api/use-job-flow';
import { useSession } from '../../session/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../../ui/JobProgress';
import { PageFrame } from '../../ui/PageFrame';
import { BackupList } from './BackupList';
import { BackupLocationPanel } from './BackupLocationPanel';
import { RekeyPanel } from './RekeyPanel';
import { RestoreDialog } from './RestoreDialog';

/** Admin → Backup & keys: back up now, restore a backup, rekey. */
export function BackupKeysScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const backups = useChannelQuery('backup.list', {});
  const [written, setWritten] = useState<BackupFile | null>(null);
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const backup = useJobFlow('backup.create', (job) => setWritten(backupResultSchema.parse(job.result)));
  const startRestore = useCallback((file: BackupFile) => setRestoring(file), []);

  return (
    <PageFrame
      title={t('backup:title')}
      subtitle={t('backup:subtitle')}
      actions={
        <Button
          variant="contained"
          startIcon={<BackupIcon />}
          disabled={backup.running}
          onClick={() => {
            setWritten(null);
            backup.reset();
            backup.start({});
          }}
        >
          {t('backup:create.action')}
        </Button>
      }
    >
      {backup.job && backup.job.state !== 'done' && <JobProgress job={backup.job} label={t('backup:create.progress')} />}
      {written && (
        <Alert severity="success" onClose={() => setWritten(null)}>
          {t('backup:create.done', { path: written.path })}
        </Alert>
      )}
      <ErrorAlert error={backup.error ?? backups.error} />
      <BackupLocationPanel />
      <Stack sx={{ gap: 1, flex: '1 1 0', minHeight: 300 }}>
        <Typography variant="subtitle1" component="h2">
          {t('backup:listTitle')}
        </Typography>
        <BackupList backups={backups.data ?? []} loading={backups.isPending} canRestore={can(session.role, 'backup.restore')} onRestore={startRestore} />
      </Stack>
      {can(session.role, 'keys.rekey') && <RekeyPanel />}
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </PageFrame>
  );
}
