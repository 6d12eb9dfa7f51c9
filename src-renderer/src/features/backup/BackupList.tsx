import { useMemo } from 'react';
import { Box, Chip, Paper } from '@mui/material';
import Restore from '@mui/icons-material/RestoreOutlined';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { BackupFile, BackupListing } from '../../../../src-shared/contract/backup';
import { EmptyState } from '../../ui/EmptyState';
import { formatFileSize } from '../../ui/format';
import { actionsColumn, dateTimeColumn } from '../../ui/grid';

function folderOf(backup: BackupFile): string {
  return backup.path.endsWith(backup.name) ? backup.path.slice(0, backup.path.length - backup.name.length) : backup.path;
}

/**
 * The backups in the data folder and in the chosen backup folder, newest first. Those whose header
 * verifies have a Restore action; the others are listed so a damaged or foreign file is seen.
 */
export function BackupList({ backups, loading, canRestore, onRestore }: { backups: BackupListing[]; loading: boolean; canRestore: boolean; onRestore: (backup: BackupFile) => void }) {
  const { t, i18n } = useTranslation();
  const columns = useMemo<GridColDef<BackupListing>[]>(() => {
    const list: GridColDef<BackupListing>[] = [
      { field: 'name', headerName: t('backup:field.name'), flex: 1, minWidth: 230 },
      dateTimeColumn<BackupListing>('createdAt', t('backup:field.createdAt'), { width: 170 }, (row) => row.createdAt),
      { field: 'size', headerName: t('backup:field.size'), width: 90, type: 'number', valueFormatter: (value: number) => formatFileSize(value, i18n.language) },
      {
        field: 'verified',
        headerName: t('backup:field.verified'),
        width: 120,
        renderCell: ({ row }) => (
          <Chip size="small" variant="outlined" color={row.verified ? 'success' : 'warning'} label={t(row.verified ? 'backup:verified.yes' : 'backup:verified.no')} />
        ),
      },
      {
        field: 'path',
        headerName: t('backup:field.path'),
        flex: 1.5,
        minWidth: 150,
        // A long folder gives way; its whole path is the cell's title.
        renderCell: ({ row }) => (
          <Box component="span" title={folderOf(row)} sx={{ overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' }}>
            {folderOf(row)}
          </Box>
        ),
      },
    ];
    if (canRestore) {
      list.push(
        actionsColumn<BackupListing>(t('common:actions.label'), 90, ({ row }) => [
          <GridActionsCellItem key="restore" icon={<Restore />} label={t('backup:restore.action')} disabled={!row.verified} onClick={() => onRestore(row)} />,
        ]),
      );
    }
    return list;
  }, [t, i18n.language, canRestore, onRestore]);

  return (
    <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 260 }}>
      <DataGrid
        rows={backups}
        columns={columns}
        getRowId={(row) => row.path}
        loading={loading}
        disableRowSelectionOnClick
        label={t('backup:listTitle')}
        initialState={{ sorting: { sortModel: [{ field: 'createdAt', sort: 'desc' }] } }}
        slots={{ noRowsOverlay: () => <EmptyState title={t('backup:empty.title')} hint={t('backup:empty.hint')} /> }}
        sx={{ border: 0 }}
      />
    </Paper>
  );
}
