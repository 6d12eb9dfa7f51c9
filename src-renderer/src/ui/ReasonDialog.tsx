import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { hintWithLimit, limitedHelperText } from './form';

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  explanation: string;
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  busy?: boolean;
  /** A refusal of the last attempt, shown in the dialog so the reason can be corrected or the action cancelled. */
  error?: unknown;
  /** The contract's limit on the reason's length: stated under the field, counted, and refused above it. */
  maxLength?: number;
}

/** Whether a reason, as it will be sent (trimmed), is longer than the contract allows. */
export function reasonTooLong(reason: string, maxLength: number | undefined): boolean {
  return maxLength !== undefined && reason.trim().length > maxLength;
}

/** The reason of an action that must say why: required, with the contract's limit stated and counted under it. */
export function ReasonField({ value, onChange, maxLength }: { value: string; onChange: (value: string) => void; maxLength: number | undefined }) {
  const { t, i18n } = useTranslation();
  // Over the limit, the same words turn red: the limit is the problem.
  const limit = maxLength !== undefined ? limitedHelperText(hintWithLimit(undefined, maxLength, t, i18n.language), value.trim().length, maxLength, t) : undefined;
  return (
    <TextField
      autoFocus
      required
      multiline
      minRows={2}
      label={t('common:reason.label')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={reasonTooLong(value, maxLength)}
      helperText={limit}
    />
  );
}

/** For actions that must say why (revealing a card number, reversing a transfer): the reason is audited. */
export function ReasonDialog({ open, title, explanation, confirmLabel, onConfirm, onClose, busy = false, error = null, maxLength }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  const tooLong = reasonTooLong(reason, maxLength);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed && !tooLong) onConfirm(trimmed);
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth slotProps={{ transition: { onExited: () => setReason('') } }}>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <DialogContentText>{explanation}</DialogContentText>
          <ReasonField value={reason} onChange={setReason} maxLength={maxLength} />
          <ErrorAlert error={error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !trimmed || tooLong}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
