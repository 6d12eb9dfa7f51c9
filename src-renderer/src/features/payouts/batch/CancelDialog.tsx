import { useState } from 'react';
import { TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { INPUT_LIMITS } from '../../../../../src-shared/contract/common';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { useErrorText } from '../../../api/error-text';
import { useChannelMutation } from '../../../api/queries';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

/** Withdraws a batch before approval; the reason is optional and audited; its references are free again. */
export function CancelDialog({ batch, open, onClose }: { batch: Batch; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [reason, setReason] = useState('');
  const cancel = useChannelMutation('payouts.cancel', { onSuccess: onClose });
  const trimmed = reason.trim();
  return (
    <ConfirmDialog
      open={open}
      title={t('payout-batch:cancel.title')}
      confirmLabel={t('payout-batch:cancel.confirm')}
      danger
      onConfirm={() => cancel.mutate({ batchId: batch.id, ...(trimmed ? { reason: trimmed } : {}) })}
      onClose={() => {
        cancel.reset();
        onClose();
      }}
      busy={cancel.isPending}
      confirmDisabled={trimmed.length > INPUT_LIMITS.prose}
      error={cancel.error ? describe(cancel.error) : null}
    >
      <Typography>{t('payout-batch:cancel.explanation')}</Typography>
      <TextField
        label={t('payout-batch:cancel.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        multiline
        minRows={2}
        error={trimmed.length > INPUT_LIMITS.prose}
        helperText={t('payout-batch:cancel.reasonHint')}
      />
    </ConfirmDialog>
  );
}
