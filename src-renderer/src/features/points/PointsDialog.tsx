import type { FormEventHandler, ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';

export interface PointsFormProps {
  title: string;
  explanation?: ReactNode;
  submitLabel: string;
  busy: boolean;
  /** A refusal that no field of the form shows. */
  formError: unknown;
  onSubmit: FormEventHandler;
  onClose: () => void;
  children: ReactNode;
}

/** The frame of each points form: its title, what it does, its fields, a refusal, Cancel and the action (Enter submits, Esc cancels). */
export function PointsForm({ title, explanation, submitLabel, busy, formError, onSubmit, onClose, children }: PointsFormProps) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {explanation && <DialogContentText component="div">{explanation}</DialogContentText>}
          {children}
          <ErrorAlert error={formError} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" variant="contained" disabled={busy}>
          {submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}

/** A dialog whose form is made anew each time it opens, so each opening starts blank with its own idempotency key. */
export function PointsDialog({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      {open && children}
    </Dialog>
  );
}
