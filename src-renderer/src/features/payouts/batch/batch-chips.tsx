import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BatchStatus, ItemStatus, RowStatus } from '../../../../../src-shared/contract/payouts';

// The three state words of a payout page in coloured chips: the batch's status, an item's status,
// and a row's verdict from validation.

const BATCH_COLORS: Record<BatchStatus, ChipProps['color']> = {
  draft: 'default',
  submitted: 'info',
  approved: 'primary',
  rejected: 'error',
  cancelled: 'default',
  executing: 'warning',
  completed: 'success',
};

const ITEM_COLORS: Record<ItemStatus, ChipProps['color']> = {
  PENDING: 'default',
  PAID: 'success',
  SENT: 'info',
  SETTLED: 'success',
  RETURNED: 'warning',
  FAILED: 'error',
  SKIPPED: 'default',
};

const VERDICT_COLORS: Record<RowStatus, ChipProps['color']> = { ok: 'success', warning: 'warning', error: 'error' };

export function BatchStatusChip({ status, size = 'small' }: { status: BatchStatus; size?: ChipProps['size'] }) {
  const { t } = useTranslation();
  return <Chip size={size} color={BATCH_COLORS[status]} variant={status === 'cancelled' ? 'outlined' : 'filled'} label={t(`payout-batch:batchStatus.${status}`)} data-testid="batch-status" />;
}

export function ItemStatusChip({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={ITEM_COLORS[status]} variant={status === 'PENDING' || status === 'SKIPPED' ? 'outlined' : 'filled'} label={t(`payout-batch:itemStatus.${status}`)} />;
}

export function VerdictChip({ verdict }: { verdict: RowStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={VERDICT_COLORS[verdict]} variant="outlined" label={t(`payout-batch:verdict.${verdict}`)} />;
}
