import { useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../../src-shared/settings';
import { ApiError } from '../../api/call';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormTextField, useServerError } from '../../ui/form';
import { PageFrame } from '../../ui/PageFrame';
import { TrustFingerprint } from '../../ui/TrustFingerprint';
import { useSession } from '../../session/session';

// A number field holds text; coerce it, then apply the contract's own limits.
const idleLockForm = z.object({ idleLockMinutes: z.coerce.number().pipe(settingsSchema.shape.idleLockMinutes) });
const FIELDS = ['idleLockMinutes'] as const;

function IdleLockForm({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(idleLockForm), defaultValues: { idleLockMinutes: minutes } });
  const server = useServerError(form.setError, FIELDS);
  const update = useChannelMutation('settings.update', {
    onSuccess: () => setSaved(true),
    onError: server.report,
  });
  const submit = form.handleSubmit((input) => {
    server.clear();
    setSaved(false);
    update.mutate(input);
  });
  return (
    <Stack component="form" onSubmit={submit} noValidate sx={{ gap: 2, maxWidth: 420 }}>
      <Typography variant="subtitle1" component="h2">
        {t('settings:idleLock.title')}
      </Typography>
      <FormTextField
        control={form.control}
        name="idleLockMinutes"
        label={t('settings:idleLock.label')}
        hint={t('settings:idleLock.hint')}
        type="number"
        slotProps={{ htmlInput: { min: 1, max: 240, step: 1 } }}
      />
      <ErrorAlert error={server.formError} />
      {saved && <Alert severity="success">{t('settings:saved')}</Alert>}
      <Box>
        <Button type="submit" variant="contained" disabled={update.isPending}>
          {t('common:actions.save')}
        </Button>
      </Box>
    </Stack>
  );
}

/** Admin → Settings. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useChannelQuery('settings.get', {});
  // A value broken outside Paydesk is named above the form, which starts from the default so saving
  // repairs it. The form stays up while the repaired settings load (a refetch after an error starts
  // with no data), so its "Saved." is not lost.
  const [repairing, setRepairing] = useState(false);
  if (!repairing && settings.error instanceof ApiError && settings.error.code === 'SETTINGS_INVALID') setRepairing(true);
  const minutes = settings.data?.idleLockMinutes ?? (repairing ? DEFAULT_SETTINGS.idleLockMinutes : undefined);
  return (
    <PageFrame title={t('settings:title')} subtitle={t('settings:subtitle')}>
      <ErrorAlert error={settings.error} />
      <Paper variant="outlined" sx={{ p: 3 }}>{minutes !== undefined && <IdleLockForm minutes={minutes} />}</Paper>
      <Paper variant="outlined" component="section" aria-labelledby="trust-fingerprint-title" sx={{ p: 3 }}>
        <Typography id="trust-fingerprint-title" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          {t('common:trustFingerprint.title')}
        </Typography>
        <TrustFingerprint fingerprint={session.trustFingerprint} />
      </Paper>
    </PageFrame>
  );
}
