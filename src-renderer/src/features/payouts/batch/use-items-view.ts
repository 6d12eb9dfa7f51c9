import { useMemo } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';
import { useUrlView } from '../../../hooks/use-url-view';
import { DEFAULT_ITEMS_VIEW, itemsViewFrom, withItemsView, type ItemsView } from './items-view';

const VIEW_WRITE = 'payout-batch-view';

/** The batch page's tab, filters and page, kept in the URL. */
export function useItemsView() {
  const [view, setView] = useUrlView(itemsViewFrom, withItemsView, VIEW_WRITE);
  const page = useMemo(() => ({ page: view.page, pageSize: view.pageSize }), [view.page, view.pageSize]);
  return {
    view,
    page,
    setTab: (tab: ItemsView['tab']) => setView((current) => ({ ...current, tab })),
    // Any change of what is asked starts again from the first page.
    setFilters: (changes: Partial<ItemsView>) => setView((current) => ({ ...current, ...changes, page: 0 })),
    clear: () => setView((current) => ({ ...DEFAULT_ITEMS_VIEW, tab: current.tab })),
    setPage: ({ page: next, pageSize }: GridPaginationModel) => setView((current) => ({ ...current, page: pageSize === current.pageSize ? next : 0, pageSize })),
  };
}
