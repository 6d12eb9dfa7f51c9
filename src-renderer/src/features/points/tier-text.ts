import type { TFunction } from 'i18next';
import { DEFAULT_TIERS, type LoyaltyRules, type Tier } from '../../../../src-shared/settings/loyalty-settings';

// A tier is stored by id; people read its name. A tier saved without a name (the defaults) is
// called by our translated name for it, and a tier of someone's own making by its id.

const NAMED_IDS = new Set(DEFAULT_TIERS.map((tier) => tier.id));

type TierRules = Pick<LoyaltyRules, 'tiers'> | undefined;

export function findTier(rules: TierRules, id: string): Tier | undefined {
  return rules?.tiers.find((tier) => tier.id === id);
}

export function tierName(rules: TierRules, id: string, t: TFunction): string {
  const saved = findTier(rules, id)?.name;
  if (saved) return saved;
  return NAMED_IDS.has(id) ? t(`points:tier.name.${id}`) : id;
}

/** Colours by rank, lowest first: slate, gold, diamond blue, VIP purple, then on; white text reads on each in light and dark mode. */
const TIER_COLOURS = ['#607d8b', '#a67c00', '#00838f', '#6a1b9a', '#ad1457', '#2e7d32', '#4e342e', '#283593'] as const;

export function tierColour(rules: TierRules, id: string): string {
  const rank = rules?.tiers.findIndex((tier) => tier.id === id) ?? -1;
  return TIER_COLOURS[Math.max(0, rank) % TIER_COLOURS.length]!;
}
