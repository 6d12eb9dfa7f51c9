import { useMemo } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useChannelQuery } from '../../api/queries';
import { useDebounced } from '../../hooks/use-debounced';
import { useUrlView } from '../../hooks/use-url-view';
import { DEFAULT_REGISTER_VIEW, registerViewFrom, withRegisterView, type RegisterView } from './register-view';

const VIEW_WRITE = 'card-register-view';

/** The register's search, filters and page, kept in the URL, and the cards.list answer for them (paged by the main process). */
export function useCardRegister() {
  const [view, setView] = useUrlView(registerViewFrom, withRegisterView, VIEW_WRITE);
  const settledQuery = useDebounced(view.query.trim());
  const cards = useChannelQuery(
    'cards.list',
    {
      ...(settledQuery ? { query: settledQuery } : {}),
      ...(view.programId ? { programId: Number(view.programId) } : {}),
      ...(view.state ? { state: view.state } : {}),
      offset: view.page * view.pageSize,
      limit: view.pageSize,
    },
    { placeholderData: keepPreviousData },
  );
  const page = useMemo(() => ({ page: view.page, pageSize: view.pageSize }), [view.page, view.pageSize]);
  // Any change of what is asked starts again from the first page.
  const restart = (changes: Partial<RegisterView>) => setView((current) => ({ ...current, ...changes, page: 0 }));
  return {
    cards,
    view,
    page,
    setFilters: restart,
    clear: () => setView(DEFAULT_REGISTER_VIEW),
    setPage: ({ page: next, pageSize }: GridPaginationModel) => setView((current) => ({ ...current, page: pageSize === current.pageSize ? next : 0, pageSize })),
  };
}
