import { useMemo, useState } from 'react';
import { Button, Paper, Stack, Typography } from '@mui/material';
import VerifiedUser from '@mui/icons-material/VerifiedUserOutlined';
import OpenInFull from '@mui/icons-material/OpenInFull';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { ExportCsvButton } from '../../ui/csv/ExportCsvButton';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { actionsColumn, dateTimeColumn, serverPagedProps, useServerPage } from '../../ui/grid';
import { PageFrame } from '../../ui/PageFrame';
import { isReversedRange } from '../../ui/DateRangeFields';
import { AuditFilters, NO_FILTERS, auditQueryFrom, type AuditFilterValues } from './AuditFilters';
import { AUDIT_CSV_SUBJECT, allAuditRows, useAuditCsvColumns } from './audit-csv';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { actionName, entityIdText, entityTypeName, type Words } from './audit-words';
import { ChainStatus } from './ChainStatus';
import { describeChange, summarizeDetail } from './describe-change';
import { useAuditWords } from './use-audit-words';

const wrapping = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/** The action in words, its recorded code beneath (what the CSV, the CLI and a script filter on). */
function ActionCell({ action, words }: { action: string; words: Words }) {
  return (
    <Stack sx={{ minWidth: 0 }}>
      <Typography variant="body2" component="span" sx={wrapping}>
        {actionName(action, words)}
      </Typography>
      <Typography variant="caption" component="code" color="text.secondary" sx={wrapping}>
        {action}
      </Typography>
    </Stack>
  );
}

/** The entity's type in words, and the member number, receipt or name that identifies it beneath. */
function EntityCell({ entry, words }: { entry: AuditEntry; words: Words }) {
  return (
    <Stack sx={{ minWidth: 0 }}>
      <Typography variant="body2" component="span" sx={wrapping}>
        {entityTypeName(entry.entityType, words)}
      </Typography>
      {entry.entityId && (
        <Typography variant="caption" component="span" sx={{ whiteSpace: 'nowrap' }}>
          {entityIdText(entry)}
        </Typography>
      )}
    </Stack>
  );
}

function useAuditColumns(words: Words, onOpen: (entry: AuditEntry) => void): GridColDef<AuditEntry>[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      { field: 'id', headerName: '#', width: 56, type: 'number' },
      dateTimeColumn<AuditEntry>('at', t('audit:field.at'), { width: 150 }, (row) => row.at),
      { field: 'actor', headerName: t('audit:field.actor'), width: 100 },
      { field: 'action', headerName: t('audit:field.action'), width: 200, renderCell: ({ row }) => <ActionCell action={row.action} words={words} /> },
      { field: 'entity', headerName: t('audit:field.entity'), flex: 0.7, minWidth: 130, renderCell: ({ row }) => <EntityCell entry={row} words={words} /> },
      {
        field: 'change',
        headerName: t('audit:field.change'),
        flex: 2,
        minWidth: 220,
        sortable: false,
        valueGetter: (_value, row) => summarizeDetail(describeChange(row, words), words),
        renderCell: ({ value }) => (
          <Typography variant="body2" component="span" sx={wrapping}>
            {value || '—'}
          </Typography>
        ),
      },
      actionsColumn<AuditEntry>(t('audit:field.details'), 72, ({ row }) => [
        <GridActionsCellItem key="open" icon={<OpenInFull fontSize="small" />} label={t('audit:detail.open')} onClick={() => onOpen(row)} />,
      ]),
    ],
    [t, words, onOpen],
  );
}

/** Every recorded action, newest first; read-only, filterable, exportable, with a chain check. */
export function AuditLogScreen() {
  const { t } = useTranslation();
  const words = useAuditWords();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [opened, setOpened] = useState<AuditEntry | null>(null);
  const paging = useServerPage(50);
  const input = { ...auditQueryFrom(filters), ...paging.range };
  const audit = useChannelQuery('audit.list', input, { placeholderData: keepPreviousData, enabled: !isReversedRange(filters) });
  const verify = useChannelMutation('audit.verify');
  const columns = useAuditColumns(words, setOpened);
  const csvColumns = useAuditCsvColumns();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <PageFrame
      title={t('audit:title')}
      subtitle={t('audit:subtitle')}
      actions={
        <>
          <ExportCsvButton fileSubject={AUDIT_CSV_SUBJECT} columns={csvColumns} rows={() => allAuditRows(auditQueryFrom(filters))} />
          <Button variant="outlined" startIcon={<VerifiedUser />} onClick={() => verify.mutate({})} disabled={verify.isPending}>
            {verify.isPending ? t('audit:verify.running') : t('audit:verify.action')}
          </Button>
        </>
      }
    >
      {verify.data && <ChainStatus status={verify.data} />}
      <ErrorAlert error={verify.error ?? audit.error} />
      <AuditFilters
        value={filters}
        actors={audit.data?.actors ?? []}
        actions={audit.data?.actions ?? []}
        words={words}
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
          onRowClick={({ row }) => setOpened(row)}
          label={t('audit:title')}
          slots={{
            noRowsOverlay: () => <EmptyState title={filtered ? t('audit:empty.filteredTitle') : t('audit:empty.title')} hint={filtered ? t('audit:empty.filteredHint') : t('audit:empty.hint')} />,
          }}
          // Rows grow with their summary; padding keeps short rows at the usual height.
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .MuiDataGrid-cell': { py: 1.5, display: 'flex', alignItems: 'flex-start' } }}
        />
      </Paper>
      <AuditEntryDrawer entry={opened} onClose={() => setOpened(null)} />
    </PageFrame>
  );
}
