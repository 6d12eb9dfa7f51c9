import { useMemo, useState } from 'react';
import { Button, Paper, Typography } from '@mui/material';
import VerifiedUser from '@mui/icons-material/VerifiedUserOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { dateTimeColumn, serverPagedProps, useServerPage } from '../../ui/grid';
import { PageFrame } from '../../ui/PageFrame';
import { isReversedRange } from '../../ui/DateRangeFields';
import { AuditFilters, NO_FILTERS, auditQueryFrom, type AuditFilterValues } from './AuditFilters';
import { ChainStatus } from './ChainStatus';
import { summarizeChange } from './summarize-change';

function ChangeCell({ row }: { row: AuditEntry }) {
  const summary = summarizeChange(row.before, row.after);
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
      {summary || '—'}
    </Typography>
  );
}

function useAuditColumns(): GridColDef<AuditEntry>[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      { field: 'id', headerName: '#', width: 60, type: 'number' },
      dateTimeColumn<AuditEntry>('at', t('audit:field.at'), { width: 170 }, (row) => row.at),
      { field: 'actor', headerName: t('audit:field.actor'), width: 110 },
      { field: 'action', headerName: t('audit:field.action'), width: 230 },
      { field: 'entity', headerName: t('audit:field.entity'), flex: 0.8, minWidth: 140, valueGetter: (_value, row) => (row.entityId ? `${row.entityType} ${row.entityId}` : row.entityType) },
      { field: 'change', headerName: t('audit:field.change'), flex: 2, minWidth: 260, sortable: false, renderCell: ({ row }) => <ChangeCell row={row} /> },
    ],
    [t],
  );
}

/** Every recorded action, newest first; read-only, filterable, with a chain check. */
export function AuditLogScreen() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const paging = useServerPage(50);
  const input = { ...auditQueryFrom(filters), ...paging.range };
  const audit = useChannelQuery('audit.list', input, { placeholderData: keepPreviousData, enabled: !isReversedRange(filters) });
  const verify = useChannelMutation('audit.verify');
  const columns = useAuditColumns();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <PageFrame
      title={t('audit:title')}
      subtitle={t('audit:subtitle')}
      actions={
        <Button variant="outlined" startIcon={<VerifiedUser />} onClick={() => verify.mutate({})} disabled={verify.isPending}>
          {verify.isPending ? t('audit:verify.running') : t('audit:verify.action')}
        </Button>
      }
    >
      {verify.data && <ChainStatus status={verify.data} />}
      <ErrorAlert error={verify.error ?? audit.error} />
      <AuditFilters
        value={filters}
        actors={audit.data?.actors ?? []}
        actions={audit.data?.actions ?? []}
        onChange={(next) => {
          setFilters(next);
          paging.firstPage();
        }}
      />
      <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 360 }}>
        <DataGrid
          {...serverPagedProps(audit, paging)}
          columns={columns}
          pageSizeOptions={[25, 50, 100]}
          sortingMode="server"
          disableColumnSorting
          getRowHeight={() => 'auto'}
          getEstimatedRowHeight={() => 52}
          label={t('audit:title')}
          slots={{
            noRowsOverlay: () => <EmptyState title={filtered ? t('audit:empty.filteredTitle') : t('audit:empty.title')} hint={filtered ? t('audit:empty.filteredHint') : t('audit:empty.hint')} />,
          }}
          // Rows grow with their summary; padding keeps short rows at the usual height.
          sx={{ border: 0, '& .MuiDataGrid-cell': { py: 1.5, display: 'flex', alignItems: 'flex-start' } }}
        />
      </Paper>
    </PageFrame>
  );
}
