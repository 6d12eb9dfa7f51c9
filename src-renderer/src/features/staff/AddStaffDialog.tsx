import { useMemo } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack } from '@mui/material';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { addStaffInput, type StaffMember } from '../../../../src-shared/contract/staff';
import { ROLES } from '../../../../src-shared/permissions';
import { INPUT_LIMITS } from '../../../../src-shared/contract/common';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormTextField, useServerError } from '../../ui/form';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { passphraseRules } from '../../ui/passphrase-rules';

const FIELDS = ['username', 'displayName', 'role', 'passphrase', 'confirm'] as const;
const EMPTY = { username: '', displayName: '', role: 'teller' as const, passphrase: '', confirm: '' };

function AddStaffForm({ onClose, onAdded }: { onClose: () => void; onAdded: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => addStaffInput.extend({ confirm: z.string() }).superRefine(passphraseRules('passphrase', t)), [t]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const passphrase = useWatch({ control: form.control, name: 'passphrase' });
  const server = useServerError(form.setError, FIELDS, 'passphrase');
  const add = useChannelMutation('staff.add', { onSuccess: onAdded, onError: server.report });
  const submit = form.handleSubmit(({ confirm: _confirm, ...input }) => {
    server.clear();
    add.mutate(input);
  });
  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>{t('staff:add.title')}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          <FormTextField control={form.control} name="username" label={t('staff:field.username')} hint={t('common:validation.username')} autoFocus autoComplete="off" />
          <FormTextField control={form.control} name="displayName" label={t('staff:field.displayName')} maxLength={INPUT_LIMITS.name} autoComplete="off" />
          <FormTextField control={form.control} name="role" label={t('staff:field.role')} select>
            {ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {t(`common:role.${role}`)}
              </MenuItem>
            ))}
          </FormTextField>
          <FormTextField control={form.control} name="passphrase" label={t('staff:add.passphrase')} hint={t('staff:add.passphraseHint')} type="password" autoComplete="new-password" />
          <PassphraseStrength value={passphrase} />
          <FormTextField control={form.control} name="confirm" label={t('staff:add.confirm')} type="password" autoComplete="new-password" />
          <ErrorAlert error={server.formError} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={add.isPending}>
          {t('staff:add.submit')}
        </Button>
      </DialogActions>
    </form>
  );
}

export function AddStaffDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (member: StaffMember) => void }) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      <AddStaffForm onClose={onClose} onAdded={onAdded} />
    </Dialog>
  );
}
