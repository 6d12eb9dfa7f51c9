import type { ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  /** Sent: nothing can be pressed. */
  busy?: boolean;
  /** Cannot be done as things stand (a dry run refused it): only Cancel is left. */
  confirmDisabled?: boolean;
  danger?: boolean;
  error?: string | null;
}

/** Asks before anything that cannot be undone from the screen. The safe choice has the focus. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose, busy = false, confirmDisabled = false, danger = false, error }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="confirm-dialog-title">
      <DialogTitle id="confirm-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {children}
        {error && <Alert severity="error">{error}</Alert>}
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
