import { useMemo } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { resetPassphraseInput, type StaffMember } from '../../../../src-shared/contract/staff';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormTextField, useServerError } from '../../ui/form';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { passphraseRules } from '../../ui/passphrase-rules';

const FIELDS = ['passphrase', 'confirm'] as const;

function ResetPassphraseForm({ member, onClose, onReset }: { member: StaffMember; onClose: () => void; onReset: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => resetPassphraseInput.extend({ confirm: z.string() }).superRefine(passphraseRules('passphrase', t)), [t]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: member.username, passphrase: '', confirm: '' } });
  const passphrase = useWatch({ control: form.control, name: 'passphrase' });
  const server = useServerError(form.setError, FIELDS, 'passphrase');
  const reset = useChannelMutation('staff.resetPassphrase', { onSuccess: onReset, onError: server.report });
  const submit = form.handleSubmit(({ confirm: _confirm, ...input }) => {
    server.clear();
    reset.mutate(input);
  });
  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>{t('staff:reset.title', { name: member.displayName })}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          <DialogContentText>{t('staff:reset.explanation')}</DialogContentText>
          <FormTextField control={form.control} name="passphrase" label={t('staff:reset.passphrase')} type="password" autoComplete="new-password" autoFocus />
          <PassphraseStrength value={passphrase} />
          <FormTextField control={form.control} name="confirm" label={t('staff:reset.confirm')} type="password" autoComplete="new-password" />
          <ErrorAlert error={server.formError} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={reset.isPending}>
          {t('staff:reset.submit')}
        </Button>
      </DialogActions>
    </form>
  );
}

export function ResetPassphraseDialog({ member, onClose, onReset }: { member: StaffMember | null; onClose: () => void; onReset: (member: StaffMember) => void }) {
  return (
    <Dialog open={member !== null} onClose={onClose} maxWidth="sm" fullWidth>
      {member && <ResetPassphraseForm member={member} onClose={onClose} onReset={onReset} />}
    </Dialog>
  );
}
