import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ItemStatus } from '../../../../../src-shared/contract/payouts';

// An item's status in a coloured chip (the batch's status and a row's verdict have theirs in the
// payouts list and the import wizard).

const ITEM_COLORS: Record<ItemStatus, ChipProps['color']> = {
  PENDING: 'default',
  PAID: 'success',
  SENT: 'info',
  SETTLED: 'success',
  RETURNED: 'warning',
  FAILED: 'error',
  SKIPPED: 'default',
};

export function ItemStatusChip({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={ITEM_COLORS[status]} variant={status === 'PENDING' || status === 'SKIPPED' ? 'outlined' : 'filled'} label={t(`payout-batch:itemStatus.${status}`)} />;
}
