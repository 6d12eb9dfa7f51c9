import { useState, type FormEvent } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { reverseInput } from '../../../../src-shared/contract/ledger';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonField, reasonTooLong } from '../../ui/ReasonDialog';
import { ReceiptView } from './ReceiptView';
import { PrintAndClose } from './PrintAndClose';

/** The contract's limit on a reversal's reason, stated under the field and checked before it is sent. */
const REASON_LIMIT = reverseInput.shape.reason.maxLength ?? Number.POSITIVE_INFINITY;

/**
 * Reverses a whole wallet operation (a payment with its fee) with a reason. It shows what will be
 * undone first, and the reversal's own receipt after. One idempotency key per opened dialog, so a
 * second click or a retry after an error never reverses twice.
 */
function ReversalForm({ receiptNumber, onClose }: { receiptNumber: string; onClose: () => void }) {
  const { t } = useTranslation();
  const original = useChannelQuery('wallets.receipt', { receiptNumber });
  const [reason, setReason] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const reverse = useChannelMutation('wallets.reverse');
  const transferId = original.data?.transferIds[0];
  const trimmed = reason.trim();
  const tooLong = reasonTooLong(reason, REASON_LIMIT);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (transferId !== undefined && trimmed && !tooLong) reverse.mutate({ transferId, reason: trimmed, idempotencyKey });
  };
  if (reverse.data) {
    return (
      <>
        <DialogTitle>{t('wallets:reverse.doneTitle')}</DialogTitle>
        <DialogContent>
          <Stack sx={{ gap: 2 }}>
            <Alert severity="success">{t('wallets:reverse.done', { receipt: reverse.data.receiptNumber })}</Alert>
            <ReceiptView receipt={reverse.data} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <PrintAndClose onClose={onClose} />
        </DialogActions>
      </>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>{t('wallets:reverse.title', { receipt: receiptNumber })}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2 }}>
          <DialogContentText>{t('wallets:reverse.explanation')}</DialogContentText>
          {original.isPending && <CircularProgress aria-label={t('common:loading')} />}
          {original.data && <ReceiptView receipt={original.data} printable={false} />}
          <ReasonField value={reason} onChange={setReason} maxLength={REASON_LIMIT} />
          <ErrorAlert error={original.error ?? reverse.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={reverse.isPending}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" variant="contained" color="warning" disabled={reverse.isPending || !trimmed || tooLong || transferId === undefined}>
          {t('wallets:reverse.confirm')}
        </Button>
      </DialogActions>
    </form>
  );
}

/** Finance and admin only (the caller checks `ledger.reverse` before offering it). */
export function ReversalDialog({ receiptNumber, onClose }: { receiptNumber: string | null; onClose: () => void }) {
  return (
    <Dialog open={receiptNumber !== null} onClose={onClose} maxWidth="xs" fullWidth>
      {receiptNumber !== null && <ReversalForm receiptNumber={receiptNumber} onClose={onClose} />}
    </Dialog>
  );
}
