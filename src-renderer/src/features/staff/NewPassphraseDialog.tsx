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

/**
 * An admin gives someone a new passphrase: `reset` for a person who forgot theirs, `enable` for a
 * disabled person coming back (disabling removed their keyslot). Both issue a new certificate.
 */
export type NewPassphrasePurpose = 'reset' | 'enable';

function NewPassphraseForm({ purpose, member, onClose, onDone }: { purpose: NewPassphrasePurpose; member: StaffMember; onClose: () => void; onDone: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => resetPassphraseInput.extend({ confirm: z.string() }).superRefine(passphraseRules('passphrase', t)), [t]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: member.username, passphrase: '', confirm: '' } });
  const passphrase = useWatch({ control: form.control, name: 'passphrase' });
  const server = useServerError(form.setError, FIELDS, 'passphrase');
  const reset = useChannelMutation('staff.resetPassphrase', { onSuccess: onDone, onError: server.report });
  const enable = useChannelMutation('staff.enable', { onSuccess: onDone, onError: server.report });
  const mutation = purpose === 'enable' ? enable : reset;
  const submit = form.handleSubmit(({ confirm: _confirm, ...input }) => {
    server.clear();
    mutation.mutate(input);
  });
  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>{t(`staff:${purpose}.title`, { name: member.displayName })}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          <DialogContentText>{t(`staff:${purpose}.explanation`)}</DialogContentText>
          <FormTextField control={form.control} name="passphrase" label={t('staff:reset.passphrase')} type="password" autoComplete="new-password" autoFocus />
          <PassphraseStrength value={passphrase} />
          <FormTextField control={form.control} name="confirm" label={t('staff:reset.confirm')} type="password" autoComplete="new-password" />
          <ErrorAlert error={server.formError} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={mutation.isPending}>
          {t(`staff:${purpose}.submit`)}
        </Button>
      </DialogActions>
    </form>
  );
}

export function NewPassphraseDialog({ purpose, member, onClose, onDone }: { purpose: NewPassphrasePurpose; member: StaffMember | null; onClose: () => void; onDone: (member: StaffMember) => void }) {
  return (
    <Dialog open={member !== null} onClose={onClose} maxWidth="sm" fullWidth>
      {member && <NewPassphraseForm purpose={purpose} member={member} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}
