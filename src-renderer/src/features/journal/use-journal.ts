import { useMemo, useState } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useChannelQuery } from '../../api/queries';
import { useDebounced } from '../../hooks/use-debounced';
import { useUrlView } from '../../hooks/use-url-view';
import {
  OPEN_TRANSFER_PARAM, hasFilterProblem, journalFilterProblems, journalQueryFrom, journalViewFrom, withJournalView, type JournalFilterValues,
} from './journal-view';

// The journal browser's state and data: the view kept in the URL, the page the main process
// answers for it, and the transfer open beside it.

const VIEW_WRITE = 'journal-view';

/** The next page asked for by the last id of the page before (keyset), so deep paging stays one short read. */
interface Cursor {
  query: string;
  page: number;
  pageSize: number;
  beforeId: number;
}

export function useJournal() {
  const [view, setView] = useUrlView(journalViewFrom, withJournalView, VIEW_WRITE);
  const problems = journalFilterProblems(view);
  // Typing a member number or an amount asks once it has settled, not per key.
  const query = useDebounced(JSON.stringify(journalQueryFrom(view)));
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const keyset = cursor && cursor.query === query && cursor.page === view.page && cursor.pageSize === view.pageSize ? cursor.beforeId : null;
  const journal = useChannelQuery(
    'ledger.journal',
    { ...JSON.parse(query), ...(keyset === null ? { offset: view.page * view.pageSize } : { beforeId: keyset, offset: 0 }), limit: view.pageSize },
    { placeholderData: keepPreviousData, enabled: !hasFilterProblem(problems) },
  );
  const facets = useChannelQuery('ledger.journalFacets', {});
  const page = useMemo(() => ({ page: view.page, pageSize: view.pageSize }), [view.page, view.pageSize]);
  return {
    view,
    problems,
    journal,
    facets,
    page,
    setFilters: (filters: JournalFilterValues) => setView((current) => ({ ...current, ...filters, page: 0 })),
    setPage: (next: GridPaginationModel) => {
      const rows = journal.data?.rows ?? [];
      const last = rows[rows.length - 1];
      if (next.page === view.page + 1 && next.pageSize === view.pageSize && last) setCursor({ query, page: next.page, pageSize: next.pageSize, beforeId: last.id });
      setView((current) => ({ ...current, page: next.pageSize === current.pageSize ? next.page : 0, pageSize: next.pageSize }));
    },
  };
}

/** The transfer open beside the journal (`?transfer=`): opening one is a step Back undoes. */
export function useOpenTransfer() {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get(OPEN_TRANSFER_PARAM));
  const paramsWith = (value: number | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(OPEN_TRANSFER_PARAM);
    else next.set(OPEN_TRANSFER_PARAM, String(value));
    return next;
  };
  return {
    openId: Number.isSafeInteger(id) && id > 0 ? id : null,
    open: (transferId: number) => setParams(paramsWith(transferId)),
    close: () => setParams(paramsWith(null), { replace: true }),
  };
}
