import { Chip, Stack, Tooltip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CancelReason, CardState } from '../../../../src-shared/contract/cards';

const COLORS: Record<CardState, ChipProps['color']> = { inactive: 'default', active: 'success', frozen: 'info', cancelled: 'default' };

export interface CardStateChipProps {
  state: CardState;
  /** The member is frozen or closed: the card cannot be used whatever its own state. */
  blockedByMember?: boolean;
  cancelReason?: CancelReason | null;
  size?: ChipProps['size'];
}

/** A card's state in its colour, with the cancellation's reason, and a warning when the member blocks it. */
export function CardStateChip({ state, blockedByMember = false, cancelReason = null, size = 'small' }: CardStateChipProps) {
  const { t } = useTranslation();
  const label = state === 'cancelled' && cancelReason ? t('cards:state.cancelledBecause', { reason: t(`cards:cancelReason.${cancelReason}`) }) : t(`cards:state.${state}`);
  return (
    <Stack direction="row" component="span" sx={{ gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <Chip size={size} color={COLORS[state]} variant={state === 'inactive' || state === 'cancelled' ? 'outlined' : 'filled'} label={label} data-testid="card-state" />
      {blockedByMember && state !== 'cancelled' && (
        <Tooltip title={t('cards:state.blockedByMemberHint')}>
          <Chip size={size} color="warning" variant="outlined" label={t('cards:state.blockedByMember')} data-testid="card-blocked" />
        </Tooltip>
      )}
    </Stack>
  );
}
