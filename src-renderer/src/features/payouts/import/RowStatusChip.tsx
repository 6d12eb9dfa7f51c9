import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RowStatus } from '../../../../../src-shared/contract/payouts';

const COLORS: Record<RowStatus, ChipProps['color']> = { ok: 'success', warning: 'warning', error: 'error' };

/** A file row's verdict: payable, payable but to be looked at, or left out. */
export function RowStatusChip({ status }: { status: RowStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLORS[status]} variant={status === 'ok' ? 'outlined' : 'filled'} label={t(`payouts:rowStatus.${status}`)} />;
}
