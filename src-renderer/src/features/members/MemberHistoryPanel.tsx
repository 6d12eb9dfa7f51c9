import { useMemo, useState } from 'react';
import { Paper, Tooltip, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { useChannelQuery } from '../../api/queries';
import { summarizeChange } from '../audit/summarize-change';
import { DateTime } from '../../ui/DateTime';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';

function useHistoryColumns(): GridColDef<AuditEntry>[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      { field: 'at', headerName: t('members:history.at'), width: 180, renderCell: ({ row }) => <DateTime value={row.at} /> },
      { field: 'actor', headerName: t('members:history.actor'), width: 120 },
      { field: 'action', headerName: t('members:history.action'), width: 140, valueFormatter: (value: string) => t(`members:history.actions.${value}`, { defaultValue: value }) },
      {
        field: 'change',
        headerName: t('members:history.change'),
        flex: 1,
        minWidth: 240,
        renderCell: ({ row }) => {
          const summary = summarizeChange(row.before, row.after);
          return (
            <Tooltip title={summary} placement="bottom-start">
              <Typography variant="body2" noWrap component="span">
                {summary || '—'}
              </Typography>
            </Tooltip>
          );
        },
      },
    ],
    [t],
  );
}

/** Who changed this member, when, and what: the member's rows of the audit log. */
export function MemberHistoryPanel({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const history = useChannelQuery('members.history', { id: memberId, offset: page.page * page.pageSize, limit: page.pageSize }, { placeholderData: keepPreviousData });
  const columns = useHistoryColumns();
  return (
    <>
      <ErrorAlert error={history.error} />
      <Paper variant="outlined" sx={{ height: 320 }}>
        <DataGrid
          rows={history.data?.rows ?? []}
          columns={columns}
          rowCount={history.data?.total ?? 0}
          loading={history.isFetching}
          paginationMode="server"
          paginationModel={page}
          onPaginationModelChange={setPage}
          pageSizeOptions={[25, 50]}
          disableColumnFilter
          disableColumnSorting
          disableRowSelectionOnClick
          density="compact"
          label={t('members:history.title')}
          slots={{ noRowsOverlay: () => <EmptyState title={t('members:history.empty')} /> }}
          sx={{ border: 0 }}
        />
      </Paper>
    </>
  );
}
