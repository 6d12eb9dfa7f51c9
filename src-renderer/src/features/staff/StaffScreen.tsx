import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Paper, Snackbar } from '@mui/material';
import PersonAdd from '@mui/icons-material/PersonAddOutlined';
import Block from '@mui/icons-material/BlockOutlined';
import Password from '@mui/icons-material/PasswordOutlined';
import Badge from '@mui/icons-material/BadgeOutlined';
import HowToReg from '@mui/icons-material/HowToRegOutlined';
import { DataGrid, GridActionsCellItem, useGridApiRef, type GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../src-shared/contract/staff';
import { can } from '../../../../src-shared/permissions';
import { useErrorText } from '../../api/error-text';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ExportCsvButton } from '../../ui/csv/ExportCsvButton';
import { TOOLBAR_WITHOUT_BUILT_IN_CSV } from '../../ui/csv/grid-toolbar';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { actionsColumn, dateTimeColumn } from '../../ui/grid';
import { PageFrame } from '../../ui/PageFrame';
import { RoleChip, StatusChip } from '../../ui/StatusChip';
import { AddStaffDialog } from './AddStaffDialog';
import { ChangeRoleDialog } from './ChangeRoleDialog';
import { NewPassphraseDialog } from './NewPassphraseDialog';
import { shownStaff, STAFF_CSV_SUBJECT, useStaffCsvColumns } from './staff-csv';

function LockoutCell({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  // The main process sends lockedUntil only while the lockout lasts.
  if (member.lockedUntil !== null) {
    return (
      <span title={member.lockedUntil}>
        <StatusChip status="locked" />
      </span>
    );
  }
  if (member.failedAttempts > 0) return <span>{t('staff:failedAttempts', { count: member.failedAttempts })}</span>;
  return <span>—</span>;
}

interface StaffActions {
  disable: (member: StaffMember) => void;
  reset: (member: StaffMember) => void;
  enable: (member: StaffMember) => void;
  changeRole: (member: StaffMember) => void;
}

function useStaffColumns(canManage: boolean, act: StaffActions): GridColDef<StaffMember>[] {
  const { t } = useTranslation();
  return useMemo(() => {
    const columns: GridColDef<StaffMember>[] = [
      { field: 'username', headerName: t('staff:field.username'), flex: 1, minWidth: 120 },
      { field: 'displayName', headerName: t('staff:field.displayName'), flex: 1.4, minWidth: 160 },
      { field: 'role', headerName: t('staff:field.role'), width: 120, renderCell: ({ row }) => <RoleChip role={row.role} /> },
      { field: 'status', headerName: t('staff:field.status'), width: 120, renderCell: ({ row }) => <StatusChip status={row.status} /> },
      dateTimeColumn<StaffMember>('lastLoginAt', t('staff:field.lastLogin'), { flex: 1, minWidth: 170 }, (row) => row.lastLoginAt),
      { field: 'lockedUntil', headerName: t('staff:field.lockout'), width: 150, sortable: false, renderCell: ({ row }) => <LockoutCell member={row} /> },
    ];
    if (canManage) {
      columns.push(
        // Each action in the row's menu by name (keyboard: Tab to the menu button, Enter, arrows).
        actionsColumn<StaffMember>(t('common:actions.label'), 100, ({ row }) =>
          row.status === 'active'
            ? [
                <GridActionsCellItem key="role" icon={<Badge />} label={t('staff:role.action')} onClick={() => act.changeRole(row)} showInMenu />,
                <GridActionsCellItem key="reset" icon={<Password />} label={t('staff:reset.action')} onClick={() => act.reset(row)} showInMenu />,
                <GridActionsCellItem key="disable" icon={<Block />} label={t('staff:disable.action')} onClick={() => act.disable(row)} showInMenu />,
              ]
            : [<GridActionsCellItem key="enable" icon={<HowToReg />} label={t('staff:enable.action')} onClick={() => act.enable(row)} showInMenu />],
        ),
      );
    }
    return columns;
  }, [t, canManage, act]);
}

/** Admin → Staff: who may sign in, with which role; add, change a role, reset a passphrase, disable, enable again. */
export function StaffScreen() {
  const { t } = useTranslation();
  const describe = useErrorText();
  const session = useSession();
  const canManage = can(session.role, 'staff.manage');
  const staff = useChannelQuery('staff.list', {});
  const [adding, setAdding] = useState(false);
  const [disabling, setDisabling] = useState<StaffMember | null>(null);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [enabling, setEnabling] = useState<StaffMember | null>(null);
  const [changingRole, setChangingRole] = useState<StaffMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const disable = useChannelMutation('staff.disable', {
    onSuccess: (member) => {
      setDisabling(null);
      setNotice(t('staff:disable.done', { name: member.displayName }));
    },
  });
  const resetDisable = disable.reset;
  const askToDisable = useCallback(
    (member: StaffMember) => {
      resetDisable();
      setDisabling(member);
    },
    [resetDisable],
  );
  const act = useMemo<StaffActions>(() => ({ disable: askToDisable, reset: setResetting, enable: setEnabling, changeRole: setChangingRole }), [askToDisable]);
  const columns = useStaffColumns(canManage, act);
  const csvColumns = useStaffCsvColumns();
  const grid = useGridApiRef();

  return (
    <PageFrame
      title={t('staff:title')}
      subtitle={t('staff:subtitle')}
      actions={
        <>
          <ExportCsvButton fileSubject={STAFF_CSV_SUBJECT} columns={csvColumns} rows={() => shownStaff(grid)} />
          {canManage && (
            <Button variant="contained" startIcon={<PersonAdd />} onClick={() => setAdding(true)}>
              {t('staff:add.action')}
            </Button>
          )}
        </>
      }
    >
      <ErrorAlert error={staff.error} />
      <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 320 }}>
        <DataGrid
          apiRef={grid}
          rows={staff.data ?? []}
          columns={columns}
          loading={staff.isPending}
          disableRowSelectionOnClick
          showToolbar
          label={t('staff:title')}
          initialState={{ sorting: { sortModel: [{ field: 'username', sort: 'asc' }] } }}
          slotProps={{ toolbar: TOOLBAR_WITHOUT_BUILT_IN_CSV }}
          slots={{ noRowsOverlay: () => <EmptyState title={t('staff:empty.title')} hint={t('staff:empty.hint')} /> }}
          sx={{ border: 0 }}
        />
      </Paper>
      <AddStaffDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(member) => {
          setAdding(false);
          setNotice(t('staff:add.done', { name: member.displayName }));
        }}
      />
      <NewPassphraseDialog
        purpose="reset"
        member={resetting}
        onClose={() => setResetting(null)}
        onDone={(member) => {
          setResetting(null);
          setNotice(t('staff:reset.done', { name: member.displayName }));
        }}
      />
      <NewPassphraseDialog
        purpose="enable"
        member={enabling}
        onClose={() => setEnabling(null)}
        onDone={(member) => {
          setEnabling(null);
          setNotice(t('staff:enable.done', { name: member.displayName }));
        }}
      />
      <ChangeRoleDialog
        member={changingRole}
        onClose={() => setChangingRole(null)}
        onChanged={(member) => {
          setChangingRole(null);
          setNotice(t('staff:role.done', { name: member.displayName, role: t(`common:role.${member.role}`) }));
        }}
      />
      <ConfirmDialog
        open={disabling !== null}
        title={t('staff:disable.title', { name: disabling?.displayName ?? '' })}
        confirmLabel={t('staff:disable.confirm')}
        danger
        busy={disable.isPending}
        error={disable.error ? describe(disable.error) : null}
        onClose={() => setDisabling(null)}
        onConfirm={() => disabling && disable.mutate({ username: disabling.username })}
      >
        {t('staff:disable.explanation')}
      </ConfirmDialog>
      <Snackbar open={notice !== null} autoHideDuration={5000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
        <Alert severity="success" variant="filled" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      </Snackbar>
    </PageFrame>
  );
}
