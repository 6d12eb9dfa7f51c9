import type { TierChangePreview } from '../../src-shared/contract/points';
import type { LoyaltyRules, SavedLoyalty } from '../../src-shared/settings/loyalty-settings';
import { updateSettings } from '../settings/settings-service';
import type { Store } from '../store/store';
import { savedLoyalty } from './loyalty';
import { applyTierMoves, tierMoves } from './tier-review';

// Saving new loyalty rules: the next version, audited as a settings change, and every member
// moved at once to the tier the new rules give (up or down, each audited). The Loyalty screen
// calls this as a dry run first, which the router rolls back: the preview is this very change.

export function updateLoyaltyRules(store: Store, actor: string, rules: LoyaltyRules, now: Date): { saved: SavedLoyalty; changes: TierChangePreview } {
  return store.sqlite.transaction(() => {
    const saved = { version: savedLoyalty(store).version + 1, rules };
    updateSettings(store, actor, { loyalty: saved }, now);
    const changes = applyTierMoves(store, actor, rules, tierMoves(store, rules, now, false), 'rules', now);
    return { saved, changes };
  }).immediate();
}
