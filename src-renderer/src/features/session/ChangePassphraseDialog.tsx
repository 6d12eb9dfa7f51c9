import { useMemo, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { changePassphraseInput } from '../../../../src-shared/contract/session';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormTextField, useServerError } from '../../ui/form';
import { PassphraseStrength } from '../../ui/PassphraseStrength';
import { passphraseRules } from '../../ui/passphrase-rules';

const FIELDS = ['current', 'next', 'confirm'] as const;
const EMPTY = { current: '', next: '', confirm: '' };

function ChangePassphraseForm({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const schema = useMemo(
    () =>
      changePassphraseInput
        .extend({ confirm: z.string() })
        .superRefine(passphraseRules('next', t))
        .superRefine(({ current, next }, ctx) => {
          if (next !== '' && next === current) ctx.addIssue({ code: 'custom', path: ['next'], message: t('session:changePassphrase.same') });
        }),
    [t],
  );
  const form = useForm({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const next = useWatch({ control: form.control, name: 'next' });
  const server = useServerError(form.setError, FIELDS, 'next');
  const change = useChannelMutation('session.changePassphrase', { onSuccess: onChanged, onError: server.report });
  const submit = form.handleSubmit(({ confirm: _confirm, ...input }) => {
    server.clear();
    change.mutate(input);
  });
  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>{t('session:changePassphrase.title')}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          <FormTextField control={form.control} name="current" label={t('session:changePassphrase.current')} type="password" autoComplete="current-password" autoFocus />
          <FormTextField control={form.control} name="next" label={t('session:changePassphrase.next')} type="password" autoComplete="new-password" />
          <PassphraseStrength value={next} />
          <FormTextField control={form.control} name="confirm" label={t('session:changePassphrase.confirm')} type="password" autoComplete="new-password" />
          <ErrorAlert error={server.formError} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={change.isPending}>
          {t('session:changePassphrase.submit')}
        </Button>
      </DialogActions>
    </form>
  );
}

/** Everyone changes their own passphrase here; only their own keyslot is re-wrapped. */
export function ChangePassphraseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth slotProps={{ transition: { onExited: () => setChanged(false) } }}>
      {changed ? (
        <>
          <DialogTitle>{t('session:changePassphrase.title')}</DialogTitle>
          <DialogContent>
            <Alert severity="success">{t('session:changePassphrase.done')}</Alert>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} autoFocus>
              {t('common:actions.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <ChangePassphraseForm onClose={onClose} onChanged={() => setChanged(true)} />
      )}
    </Dialog>
  );
}
