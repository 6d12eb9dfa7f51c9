import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '../../../../src-shared/contract/members';

const COLORS: Record<MemberStatus, ChipProps['color']> = { active: 'success', frozen: 'info', closed: 'default' };

export function MemberStatusChip({ status, size = 'small' }: { status: MemberStatus; size?: ChipProps['size'] }) {
  const { t } = useTranslation();
  return <Chip size={size} color={COLORS[status]} variant={status === 'closed' ? 'outlined' : 'filled'} label={t(`members:status.${status}`)} />;
}
