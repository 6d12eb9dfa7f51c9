import { useCallback, useState } from 'react';
import { Box, Button, Stack } from '@mui/material';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { unlockInput } from '../../../../src-shared/contract/session';
import { ApiError } from '../../api/call';
import { useChannelMutation } from '../../api/queries';
import { lastUser, rememberUser } from '../../session/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormTextField, useServerError } from '../../ui/form';
import { LockoutNotice } from './LockoutNotice';

const FIELDS = ['username', 'passphrase'] as const;

/** Staff name and passphrase. A wrong passphrase says how many tries are left; a lockout counts down. */
export function PassphraseUnlockForm() {
  const { t } = useTranslation();
  const [remembered] = useState(lastUser);
  const [lockout, setLockout] = useState<{ username: string; until: string } | null>(null);
  const form = useForm({ resolver: zodResolver(unlockInput), defaultValues: { username: remembered, passphrase: '' } });
  const server = useServerError(form.setError, FIELDS);
  const username = useWatch({ control: form.control, name: 'username' });
  // The lockout is per account: someone else may still sign in at this desk.
  const lockedUntil = lockout && lockout.username === username ? lockout.until : null;
  const unlock = useChannelMutation('session.unlock', {
    onSuccess: (session) => rememberUser(session.username),
    onError: (error, input) => {
      form.setValue('passphrase', '');
      form.setFocus('passphrase');
      if (error instanceof ApiError && error.code === 'LOCKED_OUT' && typeof error.details.lockedUntil === 'string') {
        server.clear();
        setLockout({ username: input.username, until: error.details.lockedUntil });
      } else {
        setLockout(null);
        server.report(error);
      }
    },
  });
  const lockoutOver = useCallback(() => setLockout(null), []);

  const submit = form.handleSubmit((input) => {
    server.clear();
    unlock.mutate(input);
  });

  return (
    <Stack component="form" onSubmit={submit} noValidate sx={{ gap: 2 }}>
      <FormTextField control={form.control} name="username" label={t('session:unlock.username')} formatHint={t('common:validation.username')} autoComplete="username" autoFocus={!remembered} />
      <FormTextField control={form.control} name="passphrase" label={t('session:unlock.passphrase')} type="password" autoComplete="current-password" autoFocus={Boolean(remembered)} />
      {lockedUntil ? <LockoutNotice lockedUntil={lockedUntil} onOver={lockoutOver} /> : <ErrorAlert error={server.formError} />}
      <Box>
        <Button type="submit" variant="contained" size="large" fullWidth disabled={unlock.isPending || lockedUntil !== null}>
          {unlock.isPending ? t('session:unlock.checking') : t('session:unlock.submit')}
        </Button>
      </Box>
    </Stack>
  );
}
