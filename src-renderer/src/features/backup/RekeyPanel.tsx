import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogContent, DialogContentText, DialogTitle, Paper, Stack, Typography } from '@mui/material';
import Key from '@mui/icons-material/VpnKeyOutlined';
import { useTranslation } from 'react-i18next';
import { rekeyResultSchema } from '../../../../src-shared/contract/backup';
import { useErrorText } from '../../api/error-text';
import { useJobFlow } from '../../api/use-job-flow';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { JobProgress } from '../../ui/JobProgress';
import { RecoveryKeyPanel } from '../../ui/RecoveryKeyPanel';

/**
 * Rekey: a new master key re-encrypts the data. The recovery key stays; only a folder from before
 * recovery keys had their own slot gets one now, shown once, as at setup.
 */
export function RekeyPanel() {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [rekeyed, setRekeyed] = useState(false);
  const rekey = useJobFlow('keys.rekey', (job) => {
    setConfirming(false);
    setRekeyed(true);
    setRecoveryKey(rekeyResultSchema.parse(job.result).recoveryKey);
  });

  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', justifyContent: 'space-between' }}>
        <Box sx={{ maxWidth: 640 }}>
          <Typography variant="subtitle1" component="h2">
            {t('backup:rekey.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('backup:rekey.description')}
          </Typography>
        </Box>
        <Button
          variant="outlined"
          startIcon={<Key />}
          onClick={() => {
            rekey.reset();
            setRekeyed(false);
            setConfirming(true);
          }}
        >
          {t('backup:rekey.action')}
        </Button>
      </Stack>
      {rekeyed && recoveryKey === null && (
        <Alert severity="success" role="status" sx={{ mt: 2 }}>
          {t('backup:rekey.done')}
        </Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('backup:rekey.confirmTitle')}
        confirmLabel={t('backup:rekey.confirm')}
        busy={rekey.running}
        error={rekey.error ? describe(rekey.error) : null}
        onClose={() => setConfirming(false)}
        onConfirm={() => rekey.start({})}
      >
        <DialogContentText>{t('backup:rekey.explanation')}</DialogContentText>
        {rekey.job && <JobProgress job={rekey.job} label={t('backup:rekey.progress')} />}
      </ConfirmDialog>
      <Dialog open={recoveryKey !== null} maxWidth="sm" fullWidth aria-labelledby="new-recovery-key-title">
        <DialogTitle id="new-recovery-key-title">{t('backup:rekey.newKeyTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('backup:rekey.newKeyIntro')}</DialogContentText>
          {recoveryKey && (
            <RecoveryKeyPanel
              recoveryKey={recoveryKey}
              continueLabel={t('common:actions.done')}
              onContinue={() => {
                setRecoveryKey(null);
                setRekeyed(false);
              }}
            />
          )}
        </DialogContent>
      </Dialog>
    </Paper>
  );
}
