import { useState } from 'react';
import type { GridActionsColDef, GridColDef, GridPaginationModel, GridValidRowModel } from '@mui/x-data-grid';
import { DateTime } from './DateTime';

// What the app's DataGrids share: a moment column, an actions column, and the props of a list
// the main process pages (it answers `{ rows, total }` for an offset and a limit).

/** A column that shows a moment with <DateTime>: the reader's locale, the exact ISO time on hover. */
export function dateTimeColumn<R extends GridValidRowModel>(
  field: string,
  headerName: string,
  size: Pick<GridColDef<R>, 'width' | 'flex' | 'minWidth'>,
  value: (row: R) => string | null,
): GridColDef<R> {
  return { field, headerName, ...size, renderCell: ({ row }) => <DateTime value={value(row)} /> };
}

/** The row's buttons, in a column of their own that never sorts or filters. */
export function actionsColumn<R extends GridValidRowModel>(headerName: string, width: number, getActions: GridActionsColDef<R>['getActions']): GridActionsColDef<R> {
  return { field: 'actions', type: 'actions', headerName, width, getActions };
}

/** The page a server-paged grid shows, and the offset and limit that ask the main process for it. */
export function useServerPage(pageSize: number) {
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize });
  return {
    page,
    setPage,
    range: { offset: page.page * page.pageSize, limit: page.pageSize },
    /** Any change of what is asked starts again from the first page. */
    firstPage: () => setPage((current) => ({ ...current, page: 0 })),
  };
}

/** DataGrid props for a list the main process pages: its rows and total, paging on the server, no column filter, no row selection. */
export function serverPagedProps<R>(answer: { data?: { rows: R[]; total: number }; isFetching: boolean }, paging: { page: GridPaginationModel; setPage: (page: GridPaginationModel) => void }) {
  return {
    rows: answer.data?.rows ?? [],
    rowCount: answer.data?.total ?? 0,
    loading: answer.isFetching,
    paginationMode: 'server' as const,
    paginationModel: paging.page,
    onPaginationModelChange: paging.setPage,
    disableColumnFilter: true,
    disableRowSelectionOnClick: true,
  };
}
