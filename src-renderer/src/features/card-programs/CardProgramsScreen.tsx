import { useCallback, useMemo, useState } from 'react';
import { Button, Paper } from '@mui/material';
import Add from '@mui/icons-material/Add';
import CreditCard from '@mui/icons-material/CreditCardOutlined';
import Delete from '@mui/icons-material/DeleteOutlined';
import Edit from '@mui/icons-material/EditOutlined';
import Lock from '@mui/icons-material/LockOutlined';
import LockOpen from '@mui/icons-material/LockOpenOutlined';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { CardProgram } from '../../../../src-shared/contract/cards';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { actionsColumn } from '../../ui/grid';
import { PageFrame } from '../../ui/PageFrame';
import { useLimitsSummary } from './limits-summary';
import { ProgramChangeDialog, type ProgramChange } from './ProgramActions';
import { ProgramModeChip, ProgramStatusChip } from './ProgramChips';
import { ProgramFormDialog } from './ProgramFormDialog';

type Editing = { program: CardProgram | null } | null;

function useProgramColumns(canEdit: boolean, onEdit: (program: CardProgram) => void, onChange: (change: ProgramChange) => void): GridColDef<CardProgram>[] {
  const { t, i18n } = useTranslation();
  const limitsSummary = useLimitsSummary();
  return useMemo(() => {
    const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
    const columns: GridColDef<CardProgram>[] = [
      { field: 'name', headerName: t('card-admin:programs.field.name'), flex: 1, minWidth: 120, renderCell: ({ row }) => <span title={row.name}>{row.name}</span> },
      { field: 'bin', headerName: t('card-admin:programs.field.bin'), width: 100, cellClassName: 'tabular' },
      { field: 'panLength', headerName: t('card-admin:programs.field.length'), width: 80, type: 'number' },
      { field: 'currency', headerName: t('card-admin:programs.field.currency'), width: 84 },
      { field: 'validityMonths', headerName: t('card-admin:programs.field.validity'), width: 100, valueFormatter: (value: number) => t('card-admin:programs.months', { count: value }) },
      { field: 'mode', headerName: t('card-admin:programs.field.mode'), width: 80, renderCell: ({ row }) => <ProgramModeChip mode={row.mode} /> },
      { field: 'status', headerName: t('card-admin:programs.field.status'), width: 96, renderCell: ({ row }) => <ProgramStatusChip status={row.status} /> },
      { field: 'cards', headerName: t('card-admin:programs.field.cards'), width: 76, type: 'number', valueFormatter: (value: number) => count(value) },
      {
        field: 'defaultLimits',
        headerName: t('card-admin:programs.field.defaultLimits'),
        flex: 1.6,
        minWidth: 180,
        sortable: false,
        valueGetter: (_value, row) => limitsSummary(row.defaultLimits, row.currency),
        renderCell: ({ value }) => <span title={String(value)}>{String(value)}</span>,
      },
    ];
    if (!canEdit) return columns;
    return [
      ...columns,
      actionsColumn<CardProgram>(t('common:actions.label'), 64, ({ row }) => [
        <GridActionsCellItem key="edit" icon={<Edit />} label={t('card-admin:programs.action.edit')} onClick={() => onEdit(row)} showInMenu />,
        row.status === 'open' ? (
          <GridActionsCellItem key="close" icon={<Lock />} label={t('card-admin:programs.action.close')} onClick={() => onChange({ kind: 'close', program: row })} showInMenu />
        ) : (
          <GridActionsCellItem key="reopen" icon={<LockOpen />} label={t('card-admin:programs.action.reopen')} onClick={() => onChange({ kind: 'reopen', program: row })} showInMenu />
        ),
        // A program with cards cannot go: the item says so instead of failing.
        <GridActionsCellItem
          key="delete"
          icon={<Delete />}
          label={row.cards > 0 ? t('card-admin:programs.action.deleteBlocked', { count: row.cards }) : t('card-admin:programs.action.delete')}
          disabled={row.cards > 0}
          onClick={() => onChange({ kind: 'delete', program: row })}
          showInMenu
        />,
      ]),
    ];
  }, [t, i18n.language, canEdit, onEdit, onChange, limitsSummary]);
}

/** Settings → Card programs: the BINs cards are issued under, with their length, currency, validity, mode and default limits. Admins edit; others read. */
export function CardProgramsScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const canEdit = can(session.role, 'cards.programs');
  const programs = useChannelQuery('cards.programs', {});
  const [editing, setEditing] = useState<Editing>(null);
  const [change, setChange] = useState<ProgramChange | null>(null);
  const edit = useCallback((program: CardProgram) => setEditing({ program }), []);
  const columns = useProgramColumns(canEdit, edit, setChange);
  const add = () => setEditing({ program: null });
  return (
    <PageFrame
      title={t('card-admin:programs.title')}
      subtitle={t('card-admin:programs.subtitle')}
      actions={
        canEdit && (
          <Button variant="contained" startIcon={<Add />} onClick={add}>
            {t('card-admin:programs.new')}
          </Button>
        )
      }
    >
      <ErrorAlert error={programs.error} />
      <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 320 }}>
        <DataGrid
          rows={programs.data ?? []}
          columns={columns}
          loading={programs.isFetching}
          label={t('card-admin:programs.title')}
          disableRowSelectionOnClick
          hideFooter={(programs.data?.length ?? 0) <= 100}
          onRowDoubleClick={({ row }) => canEdit && setEditing({ program: row })}
          onCellKeyDown={({ row, field }, event) => {
            if (event.key === 'Enter' && canEdit && field !== 'actions') setEditing({ program: row });
          }}
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<CreditCard />}
                title={t('card-admin:programs.empty.title')}
                hint={canEdit ? t('card-admin:programs.empty.hint') : t('card-admin:programs.empty.readOnlyHint')}
                action={
                  canEdit && (
                    <Button variant="outlined" startIcon={<Add />} onClick={add} sx={{ mt: 1 }}>
                      {t('card-admin:programs.new')}
                    </Button>
                  )
                }
              />
            ),
          }}
          sx={{ border: 0, '& .tabular': { fontVariantNumeric: 'tabular-nums' } }}
        />
      </Paper>
      <ProgramFormDialog open={editing !== null} program={editing?.program ?? null} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      <ProgramChangeDialog change={change} onClose={() => setChange(null)} />
    </PageFrame>
  );
}
