import { useChannelQuery } from '../../api/queries';

/** The currencies a batch may pay in (Settings → enabled currencies), the first being the default; empty while loading. */
export function useEnabledCurrencies(): readonly string[] {
  const settings = useChannelQuery('settings.get', {}, { staleTime: 60_000 });
  return settings.data?.enabledCurrencies ?? [];
}
