import { useMemo, useState } from 'react';
import { Button, InputAdornment, MenuItem, Paper, Stack, TextField } from '@mui/material';
import PersonAdd from '@mui/icons-material/PersonAddOutlined';
import Search from '@mui/icons-material/Search';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type MemberRow, type MemberStatus } from '../../../../src-shared/contract/members';
import { formatMemberNumber } from '../../../../src-shared/member-number';
import { can } from '../../../../src-shared/permissions';
import type { LoyaltyRules } from '../../../../src-shared/settings/loyalty-settings';
import { call } from '../../api/call';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { useAmountColumn } from '../../ui/amount-column';
import { ExportCsvButton } from '../../ui/csv/ExportCsvButton';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { dateTimeColumn, serverPagedProps } from '../../ui/grid';
import { PageFrame } from '../../ui/PageFrame';
import { TierChip } from '../points/TierChip';
import { tierName } from '../points/tier-text';
import { MemberFormDialog } from './MemberFormDialog';
import { MemberStatusChip } from './MemberStatusChip';
import { memberPathFromList } from './member-paths';
import { MEMBERS_CSV_SUBJECT, memberCsvColumns } from './member-csv';
import { MEMBER_PAGE_SIZES, type MemberListView } from './member-list-view';
import { useMemberList } from './use-member-list';

const NO_ROWS: readonly MemberRow[] = [];

/** Sorted and hovered, a header shows its sort arrow beside the menu icon: room for both, so "Balance (CNY)" stays whole. */
const SORT_ARROW = 24;

function sortableAmount(column: GridColDef<MemberRow>): GridColDef<MemberRow> {
  const width = (column.width ?? 0) + SORT_ARROW;
  return { ...column, width, minWidth: width };
}

type TierRules = Pick<LoyaltyRules, 'tiers'> | undefined;

function useMemberColumns(rows: readonly MemberRow[], currency: string, rules: TierRules): GridColDef<MemberRow>[] {
  const { t } = useTranslation();
  const amountColumn = useAmountColumn();
  return useMemo(
    () => [
      // Name and email give way at 1024 px (cut short, their whole text the cell's title) so that
      // the tier, the balance and Registered stay in view.
      { field: 'memberNumber', headerName: t('members:field.memberNumber'), width: 114, valueFormatter: (value: string) => formatMemberNumber(value) },
      { field: 'name', headerName: t('members:field.name'), flex: 1, minWidth: 84 },
      { field: 'phone', headerName: t('members:field.phone'), width: 120, sortable: false },
      { field: 'email', headerName: t('members:field.email'), flex: 1, minWidth: 60, sortable: false, valueFormatter: (value: string | null) => value ?? '—' },
      { field: 'status', headerName: t('members:field.status'), width: 96, sortable: false, renderCell: ({ row }) => <MemberStatusChip status={row.status} /> },
      { field: 'tier', headerName: t('members:field.tier'), width: 92, sortable: false, renderCell: ({ row }) => <TierChip rules={rules} tier={row.tier} /> },
      sortableAmount(amountColumn({ field: 'balance', headerName: t('members:field.balanceIn', { currency }), rows, amountOf: (row) => ({ minor: row.balance, currency }) })),
      dateTimeColumn<MemberRow>('createdAt', t('members:field.createdAt'), { width: 160 }, (row) => row.createdAt),
    ],
    [t, amountColumn, rows, currency, rules],
  );
}

/** Every member the list's search, status and tier select, in its order, as a CSV file. */
function ExportMembers({ view, currency, rules }: { view: MemberListView; currency: string; rules: TierRules }) {
  const { t } = useTranslation();
  const columns = useMemo(() => memberCsvColumns(t, currency, rules), [t, currency, rules]);
  const query = { query: view.query.trim(), ...(view.status ? { status: view.status } : {}), ...(view.tier ? { tier: view.tier } : {}), sort: view.sort, direction: view.direction };
  return <ExportCsvButton fileSubject={MEMBERS_CSV_SUBJECT} columns={columns} rows={async () => (await call('members.export', query)).rows} />;
}

function MembersEmpty({ searching, canWrite, onAdd }: { searching: boolean; canWrite: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  if (searching) return <EmptyState title={t('members:empty.searchTitle')} hint={t('members:empty.searchHint')} />;
  return (
    <EmptyState
      title={t('members:empty.title')}
      hint={canWrite ? t('members:empty.hint') : t('members:empty.readOnlyHint')}
      action={
        canWrite && (
          <Button variant="outlined" startIcon={<PersonAdd />} onClick={onAdd} sx={{ mt: 1 }}>
            {t('members:add')}
          </Button>
        )
      }
    />
  );
}

interface MemberSearchBarProps {
  view: Pick<MemberListView, 'query' | 'status' | 'tier'>;
  rules: TierRules;
  onQuery: (query: string) => void;
  onStatus: (status: MemberStatus | '') => void;
  onTier: (tier: string) => void;
}

function MemberSearchBar({ view: { query, status, tier }, rules, onQuery, onStatus, onTier }: MemberSearchBarProps) {
  const { t } = useTranslation();
  // A tier in the URL that the rules no longer hold stays choosable, so the field never goes blank.
  const tiers = rules ? rules.tiers.map((saved) => saved.id) : [];
  const choices = tier && !tiers.includes(tier) ? [...tiers, tier] : tiers;
  return (
    <Stack direction="row" role="search" aria-label={t('members:search.label')} sx={{ gap: 2, flexWrap: 'wrap' }}>
      <TextField
        size="small"
        autoFocus
        label={t('members:search.label')}
        placeholder={t('members:search.placeholder')}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        sx={{ flex: 1, minWidth: 280 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search />
              </InputAdornment>
            ),
          },
        }}
      />
      <TextField select size="small" label={t('members:field.status')} value={status} onChange={(event) => onStatus(event.target.value as MemberStatus | '')} sx={{ width: 180 }}>
        <MenuItem value="">{t('members:search.anyStatus')}</MenuItem>
        {MEMBER_STATUSES.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`members:status.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={t('members:field.tier')} value={tier} onChange={(event) => onTier(event.target.value)} sx={{ width: 180 }}>
        <MenuItem value="">{t('members:search.anyTier')}</MenuItem>
        {choices.map((value) => (
          <MenuItem key={value} value={value}>
            {tierName(rules, value, t)}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

/** Everyone registered: search as you type (name substring, number or phone prefix), by status and tier, page by page. */
export function MembersListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = can(useSession().role, 'members.write');
  const [params] = useSearchParams();
  const list = useMemberList();
  const [adding, setAdding] = useState(false);
  const currency = list.members.data?.currency;
  const rules = useChannelQuery('points.rules', {}).data?.rules;
  const columns = useMemberColumns(list.members.data?.rows ?? NO_ROWS, currency ?? '', rules);
  const open = (id: number) => void navigate(memberPathFromList(params, id));

  return (
    <PageFrame
      title={t('members:title')}
      subtitle={t('members:subtitle')}
      actions={
        <>
          {currency && <ExportMembers view={list.view} currency={currency} rules={rules} />}
          {canWrite && (
            <Button variant="contained" startIcon={<PersonAdd />} onClick={() => setAdding(true)}>
              {t('members:add')}
            </Button>
          )}
        </>
      }
    >
      <MemberSearchBar view={list.view} rules={rules} onQuery={list.setQuery} onStatus={list.setStatus} onTier={list.setTier} />
      <ErrorAlert error={list.members.error} />
      <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 360 }}>
        <DataGrid
          {...serverPagedProps(list.members, list)}
          columns={columns}
          pageSizeOptions={[...MEMBER_PAGE_SIZES]}
          sortingMode="server"
          sortingOrder={['asc', 'desc']}
          sortModel={list.sort}
          onSortModelChange={list.setSort}
          label={t('members:title')}
          onRowClick={({ row }) => open(row.id)}
          onCellKeyDown={({ row }, event) => {
            if (event.key === 'Enter') open(row.id);
          }}
          slots={{ noRowsOverlay: () => <MembersEmpty searching={list.searching} canWrite={canWrite} onAdd={() => setAdding(true)} /> }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      <MemberFormDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(member) => {
          setAdding(false);
          open(member.id);
        }}
      />
    </PageFrame>
  );
}
