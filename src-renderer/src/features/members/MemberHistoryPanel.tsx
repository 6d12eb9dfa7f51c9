import { useMemo } from 'react';
import { Paper, Tooltip, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { useChannelQuery } from '../../api/queries';
import { describeChange, summarizeDetail } from '../audit/describe-change';
import { actionName } from '../audit/audit-words';
import { useAuditWords } from '../audit/use-audit-words';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { dateTimeColumn, serverPagedProps, useServerPage } from '../../ui/grid';

/** The audit log's own words: translated action names and the change in labels and formatted values. */
function useHistoryColumns(): GridColDef<AuditEntry>[] {
  const { t } = useTranslation();
  const words = useAuditWords();
  return useMemo(
    () => [
      dateTimeColumn<AuditEntry>('at', t('members:history.at'), { width: 180 }, (row) => row.at),
      { field: 'actor', headerName: t('members:history.actor'), width: 120 },
      { field: 'action', headerName: t('members:history.action'), width: 160, valueFormatter: (value: string) => actionName(value, words) },
      {
        field: 'change',
        headerName: t('members:history.change'),
        flex: 1,
        minWidth: 240,
        renderCell: ({ row }) => {
          const summary = summarizeDetail(describeChange(row, words), words);
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
    [t, words],
  );
}

/** Who changed this member, when, and what: the member's rows of the audit log. */
export function MemberHistoryPanel({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const paging = useServerPage(25);
  const history = useChannelQuery('members.history', { id: memberId, ...paging.range }, { placeholderData: keepPreviousData });
  const columns = useHistoryColumns();
  return (
    <>
      <ErrorAlert error={history.error} />
      {/* As tall as the window once scrolled to, so a long history reads without paging after six rows. */}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 160px)', minHeight: 320 }}>
        <DataGrid
          {...serverPagedProps(history, paging)}
          columns={columns}
          pageSizeOptions={[25, 50]}
          disableColumnSorting
          density="compact"
          label={t('members:history.title')}
          slots={{ noRowsOverlay: () => <EmptyState title={t('members:history.empty')} /> }}
          sx={{ border: 0 }}
        />
      </Paper>
    </>
  );
}
