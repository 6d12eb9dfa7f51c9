import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, ChipProps['color']> = {
  active: 'success',
  disabled: 'default',
  locked: 'warning',
  ok: 'success',
  broken: 'error',
  running: 'info',
  done: 'success',
  failed: 'error',
};

/** A state word in a coloured chip; the word comes from common:status.<status>. */
export function StatusChip({ status, size = 'small' }: { status: string; size?: ChipProps['size'] }) {
  const { t } = useTranslation();
  return <Chip size={size} color={COLORS[status] ?? 'default'} variant={status === 'disabled' ? 'outlined' : 'filled'} label={t(`common:status.${status}`)} />;
}

export function RoleChip({ role }: { role: string }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={role === 'admin' ? 'secondary' : 'primary'} label={t(`common:role.${role}`)} />;
}
