import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Redemption } from '../../../../src-shared/contract/points';
import { type ApiError, call } from '../../api/call';
import { useDebounced } from '../../hooks/use-debounced';

export interface RedeemDraft {
  memberId: number;
  /** Null while the typed text is not a number of points: nothing to preview. */
  points: number | null;
  currency: string;
  idempotencyKey: string;
}

/**
 * What redeeming the typed points would do, from the router's own dry run of points.redeem
 * (nothing is written): asked once the typing has paused, so the dialog never computes a rate or
 * a rounding itself. A refusal (too few points for one unit, more than can be spent) comes back
 * as the error, in the same words the post would give. `settling` is true while the answer shown
 * is not yet the one for what is typed now.
 */
export function useRedeemPreview(draft: RedeemDraft) {
  // Debounced as text: a new object on every render would never settle.
  const typed = JSON.stringify(draft);
  const settledText = useDebounced(typed, 300);
  const settled = JSON.parse(settledText) as RedeemDraft;
  const preview = useQuery<Redemption, ApiError>({
    queryKey: ['points.redeem', 'dryRun', settled],
    queryFn: () => call('points.redeem', { memberId: settled.memberId, points: settled.points ?? 0, currency: settled.currency, idempotencyKey: settled.idempotencyKey, dryRun: true }),
    enabled: settled.points !== null,
    placeholderData: keepPreviousData,
    // A preview is only true of the moment it was asked: never served from an older answer.
    staleTime: 0,
    gcTime: 0,
  });
  return { preview, settling: settledText !== typed || preview.isPlaceholderData || preview.isFetching };
}
