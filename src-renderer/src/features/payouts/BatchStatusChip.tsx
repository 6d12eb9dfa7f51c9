import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '../../../../src-shared/contract/payouts';

const COLORS: Record<BatchStatus, ChipProps['color']> = {
  draft: 'default',
  submitted: 'info',
  approved: 'primary',
  rejected: 'error',
  cancelled: 'default',
  executing: 'warning',
  completed: 'success',
};

/** A batch's status in words, coloured by where it stands: waiting, decided, paying, done. */
export function BatchStatusChip({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLORS[status]} variant={status === 'cancelled' ? 'outlined' : 'filled'} label={t(`payouts:status.${status}`)} />;
}
