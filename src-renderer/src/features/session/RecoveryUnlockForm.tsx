import { useMemo } from 'react';
import { Box, Button, Stack } from '@mui/material';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { recoveryUnlockInput } from '../../../../src-shared/contract/session';
import { recoveryKeyProblem } from '../../../../src-shared/recovery-key';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormTextField, useServerError } from '../../ui/form';

const FIELDS = ['recoveryKey'] as const;

/** The recovery key opens the data as the recovery admin, for when no admin can sign in. */
export function RecoveryUnlockForm() {
  const { t } = useTranslation();
  // A key of the wrong form is told as such before any data is tried, not as "does not open this data".
  const schema = useMemo(
    () =>
      recoveryUnlockInput.superRefine(({ recoveryKey }, ctx) => {
        const problem = recoveryKey === '' ? null : recoveryKeyProblem(recoveryKey);
        if (!problem) return;
        const message = problem.reason === 'recovery_key_not_hex' ? t('session:recovery.notHex') : t('session:recovery.format', { count: problem.count });
        ctx.addIssue({ code: 'custom', path: ['recoveryKey'], message });
      }),
    [t],
  );
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { recoveryKey: '' } });
  const server = useServerError(form.setError, FIELDS);
  const unlock = useChannelMutation('session.unlockWithRecoveryKey', {
    onError: (error) => {
      // The shared AUTH_FAILED sentence speaks of names and passphrases; this form has neither.
      if (error.code === 'AUTH_FAILED') form.setError('recoveryKey', { type: 'server', message: t('session:recovery.wrongKey') }, { shouldFocus: true });
      else server.report(error);
    },
  });
  const submit = form.handleSubmit((input) => {
    server.clear();
    unlock.mutate(input);
  });
  return (
    <Stack component="form" onSubmit={submit} noValidate sx={{ gap: 2 }}>
      <FormTextField
        control={form.control}
        name="recoveryKey"
        label={t('session:recovery.key')}
        hint={t('session:recovery.hint')}
        autoFocus
        multiline
        minRows={3}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        onKeyDown={(event) => {
          // A multiline field still submits on Enter: the key has no line breaks of its own.
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      <ErrorAlert error={server.formError} />
      <Box>
        <Button type="submit" variant="contained" size="large" fullWidth disabled={unlock.isPending}>
          {t('session:recovery.submit')}
        </Button>
      </Box>
    </Stack>
  );
}
