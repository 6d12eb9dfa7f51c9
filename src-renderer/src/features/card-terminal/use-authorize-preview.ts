import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../../src-shared/contract';
import { type ApiError, call } from '../../api/call';
import { useDebounced } from '../../hooks/use-debounced';

export type AuthorizeRequest = { pan: string; expiry: string; cvv: string; amount: number; merchant: string; idempotencyKey: string };
export type AuthorizeAnswer = ChannelOutput<'cards.authorize'>;

/** The preview queries' key: cleared from the cache after each authorization. */
export const PREVIEW_KEY = ['cards.authorize', 'dryRun'] as const;

/**
 * Whether the typed payment would be approved, from the router's own dry run of cards.authorize
 * (run and rolled back: no hold, no activity row), asked once the typing has paused. A decline
 * comes back as the error, with its code. The query is keyed by the request's idempotency key
 * alone, a fresh one for every change of what is typed, so the card number never sits in the
 * cache's keys; the answer holds the masked number only, and is dropped as soon as it is unseen.
 */
export function useAuthorizePreview(request: AuthorizeRequest | null) {
  const settledKey = useDebounced(request?.idempotencyKey ?? null, 400);
  const settled = request !== null && settledKey === request.idempotencyKey;
  const preview = useQuery<AuthorizeAnswer, ApiError>({
    queryKey: [...PREVIEW_KEY, settledKey],
    queryFn: () => call('cards.authorize', { ...request!, dryRun: true }),
    enabled: settled,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 0,
  });
  return { preview, active: request !== null, settling: request !== null && (!settled || preview.isFetching || preview.isPlaceholderData) };
}
