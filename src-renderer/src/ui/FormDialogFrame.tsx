import type { FormEventHandler, ReactNode } from 'react';
import { Button, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

export interface FormDialogFrameProps {
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

/** The frame of a form in a dialog: its title, what it does, its fields, a refusal no field shows, Cancel and the action (Enter submits, Esc cancels). */
export function FormDialogFrame({ title, explanation, submitLabel, busy, formError, onSubmit, onClose, children }: FormDialogFrameProps) {
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
