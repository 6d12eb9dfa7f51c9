import { Alert, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../../src-shared/contract/payouts';
import { type ApiError, call } from '../../../api/call';
import { useErrorText } from '../../../api/error-text';
import { useChannelMutation, useChannelQuery } from '../../../api/queries';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DetailRow } from '../../../ui/DetailRow';
import { Money } from '../../../ui/Money';

/**
 * What approving would do, from the router's own dry run of payouts.approve (nothing is written):
 * whether this approval is the last one needed and so places the hold, or a refusal
 * (INSUFFICIENT_FUNDING, APPROVAL_STALE…) in the words the approval itself would give.
 */
function useApprovePreview(batch: Batch, open: boolean) {
  return useQuery<Batch, ApiError>({
    queryKey: ['payouts.approve', 'dryRun', batch.id, batch.contentHash],
    queryFn: () => call('payouts.approve', { batchId: batch.id, contentHash: batch.contentHash, dryRun: true }),
    enabled: open,
    // A preview is only true of the moment it was asked.
    staleTime: 0,
    gcTime: 0,
  });
}

function HoldPreview({ batch, preview }: { batch: Batch; preview: Batch }) {
  const { t } = useTranslation();
  const funding = useChannelQuery('payouts.funding', { currency: batch.currency });
  if (preview.status !== 'approved') {
    return (
      <Alert severity="info" data-testid="approve-preview">
        {t('payout-batch:approve.notLast', { count: preview.approvals.length, required: preview.approvalsRequired })}
      </Alert>
    );
  }
  return (
    <dl style={{ margin: 0 }} data-testid="approve-preview">
      <DetailRow label={t('payout-batch:approve.hold')} strong>
        <Money minor={batch.total} currency={batch.currency} />
      </DetailRow>
      {funding.data && (
        <>
          <DetailRow label={t('payout-batch:approve.availableNow')}>
            <Money minor={funding.data.available} currency={funding.data.currency} />
          </DetailRow>
          <DetailRow label={t('payout-batch:approve.availableAfter')}>
            {/* The hold the dry run placed is the batch total; what stays free is the rest. */}
            <Money minor={funding.data.available - batch.total} currency={funding.data.currency} />
          </DetailRow>
        </>
      )}
    </dl>
  );
}

/** The checker approves the exact content they reviewed (its hash is sent back and signed). */
export function ApproveDialog({ batch, open, onClose }: { batch: Batch; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const describe = useErrorText();
  const preview = useApprovePreview(batch, open);
  const approve = useChannelMutation('payouts.approve', { onSuccess: onClose });
  const refusal = approve.error ?? preview.error;
  return (
    <ConfirmDialog
      open={open}
      title={t('payout-batch:approve.title')}
      confirmLabel={t('payout-batch:approve.confirm')}
      onConfirm={() => approve.mutate({ batchId: batch.id, contentHash: batch.contentHash })}
      onClose={() => {
        approve.reset();
        onClose();
      }}
      busy={approve.isPending}
      confirmDisabled={preview.isFetching || !preview.data}
      error={refusal ? describe(refusal) : null}
    >
      <Typography>
        {t('payout-batch:approve.explanation', { count: batch.itemCount, items: new Intl.NumberFormat(i18n.language).format(batch.itemCount), hash: batch.contentHash.slice(0, 12) })}
      </Typography>
      <dl style={{ margin: 0 }}>
        <DetailRow label={t('payout-batch:submit.total')} strong>
          <Money minor={batch.total} currency={batch.currency} />
        </DetailRow>
      </dl>
      {preview.isFetching && (
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
          <CircularProgress size={16} />
          <Typography variant="body2">{t('payout-batch:approve.previewing')}</Typography>
        </Stack>
      )}
      {preview.data && !preview.isFetching && <HoldPreview batch={batch} preview={preview.data} />}
    </ConfirmDialog>
  );
}
