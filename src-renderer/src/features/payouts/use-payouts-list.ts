import { useMemo } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useChannelQuery } from '../../api/queries';
import { useUrlView } from '../../hooks/use-url-view';
import { payoutsViewFrom, withPayoutsView, type PayoutsListView } from './payouts-list-view';

const VIEW_WRITE = 'payouts-list-view';

/** The list's status filter and page, kept in the URL, and the payouts.list answer for them (paged by the main process). */
export function usePayoutsList() {
  const [view, setView] = useUrlView(payoutsViewFrom, withPayoutsView, VIEW_WRITE);
  const batches = useChannelQuery(
    'payouts.list',
    { ...(view.status ? { status: view.status } : {}), offset: view.page * view.pageSize, limit: view.pageSize },
    { placeholderData: keepPreviousData },
  );
  const page = useMemo(() => ({ page: view.page, pageSize: view.pageSize }), [view.page, view.pageSize]);
  return {
    batches,
    view,
    page,
    setStatus: (status: PayoutsListView['status']) => setView((current) => ({ ...current, status, page: 0 })),
    setPage: ({ page: next, pageSize }: GridPaginationModel) => setView((current) => ({ ...current, page: pageSize === current.pageSize ? next : 0, pageSize })),
  };
}
