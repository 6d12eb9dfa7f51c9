import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AuthorizationStatus } from '../../../../src-shared/contract/cards';

const COLORS: Record<AuthorizationStatus, ChipProps['color']> = { held: 'info', captured: 'success', voided: 'default', expired: 'default', declined: 'error' };

/** Held, captured, voided, expired or declined, in its colour. */
export function AuthorizationStatusChip({ status }: { status: AuthorizationStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLORS[status]} variant={status === 'held' || status === 'captured' || status === 'declined' ? 'filled' : 'outlined'} label={t(`card-admin:terminal.status.${status}`)} data-testid="authorization-status" />;
}
