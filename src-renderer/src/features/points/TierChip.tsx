import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LoyaltyRules } from '../../../../src-shared/settings/loyalty-settings';
import { tierColour, tierName } from './tier-text';

/** A tier's name in its colour. */
export function TierChip({ rules, tier, size = 'small' }: { rules: Pick<LoyaltyRules, 'tiers'> | undefined; tier: string; size?: ChipProps['size'] }) {
  const { t } = useTranslation();
  return <Chip size={size} label={tierName(rules, tier, t)} data-testid="tier-chip" sx={{ bgcolor: tierColour(rules, tier), color: '#fff', fontWeight: 500 }} />;
}
