import { useState, type FormEvent } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { reverseInput } from '../../../../src-shared/contract/ledger';
import type { ApprovalRequest } from '../../../../src-shared/contract/wallets';
import { ApiError } from '../../api/call';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonField, reasonTooLong } from '../../ui/ReasonDialog';
import { ReceiptView } from './ReceiptView';
import { PrintAndClose } from './PrintAndClose';
import { ApprovalFields, isApprovalRefusal, useApprovalForm, useShowApprovalRefusal } from './ApprovalFields';

/** The contract's limit on a reversal's reason, stated under the field and checked before it is sent. */
const REASON_LIMIT = reverseInput.shape.reason.maxLength ?? Number.POSITIVE_INFINITY;

function isApprovalRequired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'APPROVAL_REQUIRED';
}

/**
 * Reverses a whole wallet operation (a payment with its fee) with a reason. It shows what will be
 * undone first, and the reversal's own receipt after. One idempotency key per opened dialog, so a
 * second click or a retry after an error never reverses twice. When the main process answers that
 * the amount needs a second person (APPROVAL_REQUIRED, nothing changed), the approval section
 * opens and the next Reverse carries it.
 */
function ReversalForm({ receiptNumber, onClose }: { receiptNumber: string; onClose: () => void }) {
  const { t } = useTranslation();
  const original = useChannelQuery('wallets.receipt', { receiptNumber });
  const [reason, setReason] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const approval = useApprovalForm();
  const showApprovalRefusal = useShowApprovalRefusal(approval);
  const [needsApproval, setNeedsApproval] = useState(false);
  const reverse = useChannelMutation('wallets.reverse', {
    onError: (error) => {
      if (isApprovalRequired(error)) setNeedsApproval(true);
      showApprovalRefusal(error);
    },
  });
  const transferId = original.data?.transferIds[0];
  const trimmed = reason.trim();
  const tooLong = reasonTooLong(reason, REASON_LIMIT);
  const send = (given?: ApprovalRequest) => {
    if (transferId !== undefined && trimmed && !tooLong) reverse.mutate({ transferId, reason: trimmed, idempotencyKey, ...(given ? { approval: given } : {}) });
  };
  const approveAndSend = approval.handleSubmit((given) => send(given));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (needsApproval) void approveAndSend();
    else send();
  };

  const shownError = original.error ?? (isApprovalRequired(reverse.error) || isApprovalRefusal(reverse.error) ? null : reverse.error);
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
          {needsApproval && <ApprovalFields form={approval} onSubmit={() => void approveAndSend()} />}
          <ErrorAlert error={shownError} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={reverse.isPending}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" variant="contained" color="warning" disabled={reverse.isPending || !trimmed || tooLong || transferId === undefined}>
          {t(needsApproval ? 'wallets:approval.reverse' : 'wallets:reverse.confirm')}
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
