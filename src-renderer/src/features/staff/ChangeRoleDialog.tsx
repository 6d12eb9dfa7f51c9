import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack } from '@mui/material';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { changeRoleInput, type StaffMember } from '../../../../src-shared/contract/staff';
import { ROLES } from '../../../../src-shared/permissions';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormTextField, useServerError } from '../../ui/form';

const FIELDS = ['role'] as const;

function ChangeRoleForm({ member, onClose, onChanged }: { member: StaffMember; onClose: () => void; onChanged: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(changeRoleInput), defaultValues: { username: member.username, role: member.role } });
  const server = useServerError(form.setError, FIELDS, 'role');
  const change = useChannelMutation('staff.changeRole', { onSuccess: onChanged, onError: server.report });
  const submit = form.handleSubmit((input) => {
    server.clear();
    change.mutate(input);
  });
  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>{t('staff:role.title', { name: member.displayName })}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          <DialogContentText>{t('staff:role.explanation')}</DialogContentText>
          <FormTextField control={form.control} name="role" label={t('staff:field.role')} select autoFocus>
            {ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {t(`common:role.${role}`)}
              </MenuItem>
            ))}
          </FormTextField>
          <ErrorAlert error={server.formError} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={change.isPending}>
          {t('staff:role.submit')}
        </Button>
      </DialogActions>
    </form>
  );
}

/** An admin gives an active person another role; the main process signs a new certificate for it. */
export function ChangeRoleDialog({ member, onClose, onChanged }: { member: StaffMember | null; onClose: () => void; onChanged: (member: StaffMember) => void }) {
  return (
    <Dialog open={member !== null} onClose={onClose} maxWidth="xs" fullWidth>
      {member && <ChangeRoleForm member={member} onClose={onClose} onChanged={onChanged} />}
    </Dialog>
  );
}
