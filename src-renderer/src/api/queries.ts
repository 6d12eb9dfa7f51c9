import { QueryCache, QueryClient, MutationCache, useMutation, useQuery, useQueryClient, type UseQueryOptions, type UseMutationOptions } from '@tanstack/react-query';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../../src-shared/contract';
import type { ChannelDefinition } from '../../../src-shared/contract/define';
import { ApiError, call } from './call';

// Queries are keyed [channel, input], so invalidating [channel] refreshes every view of it.

export function channelKey<C extends ChannelName>(channel: C, input?: ChannelInput<C>): readonly unknown[] {
  return input === undefined ? [channel] : [channel, input];
}

/** One client per app: when any call finds the session gone (LOCKED), the status is re-read. */
export function createQueryClient(): QueryClient {
  const onError = (error: Error): void => {
    if (error instanceof ApiError && error.code === 'LOCKED') void client.invalidateQueries({ queryKey: channelKey('app.status') });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    // A desktop app over local IPC: no retries of refusals, no refetch on focus.
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 2_000 }, mutations: { retry: false } },
  });
  return client;
}

type QueryOptions<C extends ChannelName> = Omit<UseQueryOptions<ChannelOutput<C>, ApiError>, 'queryKey' | 'queryFn'>;

export function useChannelQuery<C extends ChannelName>(channel: C, input: ChannelInput<C>, options?: QueryOptions<C>) {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: channelKey(channel, input),
    queryFn: () => call(channel, input),
    ...options,
  });
}

type MutationOptions<C extends ChannelName> = Omit<UseMutationOptions<ChannelOutput<C>, ApiError, ChannelInput<C>>, 'mutationFn'>;

/**
 * Refreshes what a successful call of `channel` made stale: the queries its contract definition
 * lists under `invalidates` (test/unit/contract-invalidates.test.ts holds every name to a query).
 */
export async function invalidateAfter(queryClient: QueryClient, channel: ChannelName): Promise<void> {
  const definition: ChannelDefinition = contract[channel];
  const stale = (definition.invalidates ?? []) as readonly ChannelName[];
  await Promise.all(stale.map((name) => queryClient.invalidateQueries({ queryKey: channelKey(name) })));
}

/** Calls a channel; once it succeeds, the queries it made stale are refreshed before `onSuccess` runs. */
export function useChannelMutation<C extends ChannelName>(channel: C, options: MutationOptions<C> = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = options;
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    ...rest,
    onSuccess: async (...args) => {
      await invalidateAfter(queryClient, channel);
      await onSuccess?.(...args);
    },
  });
}
