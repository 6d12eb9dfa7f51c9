import { useMemo } from 'react';
import type { GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { MEMBER_SORTS } from '../../../../src-shared/contract/members';
import { useChannelQuery } from '../../api/queries';
import { useDebounced } from '../../hooks/use-debounced';
import { useUrlView } from '../../hooks/use-url-view';
import { DEFAULT_MEMBER_LIST_VIEW, memberListViewFrom, withMemberListView, type MemberListView, type MemberSort } from './member-list-view';

// The history state of the list's own URL writes. It tells them from a navigation that starts the
// list over (the Members link in the sidebar), after which the list shows what the URL says.
const VIEW_WRITE = 'members-list-view';

function isSort(field: string | undefined): field is MemberSort {
  return (MEMBER_SORTS as readonly (string | undefined)[]).includes(field);
}

/** The list's search, filter, sort and page, kept in the URL, and the members.search answer for them. */
export function useMemberList() {
  const [view, setView] = useUrlView(memberListViewFrom, withMemberListView, VIEW_WRITE);
  const settledQuery = useDebounced(view.query.trim());
  const members = useChannelQuery(
    'members.search',
    {
      query: settledQuery,
      ...(view.status ? { status: view.status } : {}),
      ...(view.tier ? { tier: view.tier } : {}),
      sort: view.sort,
      direction: view.direction,
      offset: view.page * view.pageSize,
      limit: view.pageSize,
    },
    { placeholderData: keepPreviousData },
  );
  // The grid takes a new model object for a changed one (a fresh sort model each render sent it
  // back to the first page), so each model is made once per value.
  const page = useMemo(() => ({ page: view.page, pageSize: view.pageSize }), [view.page, view.pageSize]);
  const sort = useMemo<GridSortModel>(() => [{ field: view.sort, sort: view.direction }], [view.sort, view.direction]);
  // Any change of what is asked starts again from the first page.
  const restart = (changes: Partial<MemberListView>) => setView((current) => ({ ...current, ...changes, page: 0 }));
  return {
    members,
    view,
    page,
    sort,
    searching: settledQuery !== '' || view.status !== '' || view.tier !== '',
    setQuery: (query: string) => restart({ query }),
    setStatus: (status: MemberListView['status']) => restart({ status }),
    setTier: (tier: string) => restart({ tier }),
    setSort: ([first]: GridSortModel) =>
      restart(isSort(first?.field) ? { sort: first.field, direction: first.sort === 'desc' ? 'desc' : 'asc' } : { sort: DEFAULT_MEMBER_LIST_VIEW.sort, direction: DEFAULT_MEMBER_LIST_VIEW.direction }),
    setPage: ({ page, pageSize }: GridPaginationModel) => setView((current) => ({ ...current, page: pageSize === current.pageSize ? page : 0, pageSize })),
  };
}
