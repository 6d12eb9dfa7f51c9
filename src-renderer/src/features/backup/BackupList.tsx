import { useMemo } from 'react';
import { Paper } from '@mui/material';
import Restore from '@mui/icons-material/RestoreOutlined';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../../src-shared/contract/backup';
import { EmptyState } from '../../ui/EmptyState';
import { formatFileSize } from '../../ui/format';
import { actionsColumn, dateTimeColumn } from '../../ui/grid';

function folderOf(backup: BackupFile): string {
  return backup.path.endsWith(backup.name) ? backup.path.slice(0, backup.path.length - backup.name.length) : backup.path;
}

/** The verified backups in the data folder, newest first, each with a Restore action. */
export function BackupList({ backups, loading, canRestore, onRestore }: { backups: BackupFile[]; loading: boolean; canRestore: boolean; onRestore: (backup: BackupFile) => void }) {
  const { t, i18n } = useTranslation();
  const columns = useMemo<GridColDef<BackupFile>[]>(() => {
    const list: GridColDef<BackupFile>[] = [
      { field: 'name', headerName: t('backup:field.name'), flex: 1, minWidth: 220 },
      dateTimeColumn<BackupFile>('createdAt', t('backup:field.createdAt'), { width: 200 }, (row) => row.createdAt),
      { field: 'size', headerName: t('backup:field.size'), width: 120, type: 'number', valueFormatter: (value: number) => formatFileSize(value, i18n.language) },
      { field: 'path', headerName: t('backup:field.path'), flex: 1.5, minWidth: 240, valueFormatter: (_value, row) => folderOf(row) },
    ];
    if (canRestore) {
      list.push(
        actionsColumn<BackupFile>(t('common:actions.label'), 90, ({ row }) => [<GridActionsCellItem key="restore" icon={<Restore />} label={t('backup:restore.action')} onClick={() => onRestore(row)} />]),
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
