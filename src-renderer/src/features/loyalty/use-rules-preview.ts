import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TierChangePreview } from '../../../../src-shared/contract/points';
import type { LoyaltyRules } from '../../../../src-shared/settings/loyalty-settings';
import { type ApiError, call } from '../../api/call';
import { useDebounced } from '../../hooks/use-debounced';

/**
 * Who saving `rules` would move, from the router's own dry run of points.updateRules (run and
 * rolled back, so nothing is saved): asked once the editing has paused, so the screen never works
 * out a tier itself. `rules` is null while the form does not hold valid rules, or holds the saved
 * ones: nothing to preview. `settling` is true while the answer shown is not for the rules typed now.
 */
export function useRulesPreview(rules: LoyaltyRules | null) {
  // Debounced as text: a new object on every render would never settle.
  const typed = JSON.stringify(rules);
  const settledText = useDebounced(typed, 400);
  const settled = JSON.parse(settledText) as LoyaltyRules | null;
  const preview = useQuery<TierChangePreview, ApiError>({
    queryKey: ['points.updateRules', 'dryRun', settledText],
    queryFn: async () => (await call('points.updateRules', { rules: settled!, dryRun: true })).changes,
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    // A preview is only true of the moment it was asked: never served from an older answer.
    staleTime: 0,
    gcTime: 0,
  });
  return { preview, settling: settledText !== typed || preview.isPlaceholderData || preview.isFetching };
}
