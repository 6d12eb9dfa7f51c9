import type { ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';

export interface StepDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  /** The step is being sent: nothing can be pressed. */
  busy?: boolean;
  /** The step cannot be taken as things stand (a preview refused it): only Cancel is left. */
  confirmDisabled?: boolean;
  danger?: boolean;
  error?: string | null;
}

/** A batch step asked for before it is taken, the safe choice focused, as ConfirmDialog does, and able to hold back its confirm while a preview is read. */
export function StepDialog({ open, title, children, confirmLabel, onConfirm, onClose, busy = false, confirmDisabled = false, danger = false, error }: StepDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="step-dialog-title">
      <DialogTitle id="step-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {children}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} autoFocus>
          {t('common:actions.cancel')}
        </Button>
        <Button onClick={onConfirm} disabled={busy || confirmDisabled} variant="contained" color={danger ? 'error' : 'primary'}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
