import { useMemo, useState } from 'react';
import { Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { AccountWithBalance } from '../../../../src-shared/contract/ledger';
import { useChannelQuery } from '../../api/queries';
import { EmptyState } from '../../ui/EmptyState';
import { ExportCsvButton } from '../../ui/csv/ExportCsvButton';
import { TOOLBAR_WITHOUT_BUILT_IN_CSV } from '../../ui/csv/grid-toolbar';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { serverPagedProps, useServerPage } from '../../ui/grid';
import { useAmountColumn } from '../../ui/amount-column';
import { PageFrame } from '../../ui/PageFrame';
import { journalPathForAccount } from '../journal/journal-view';
import { useAccountName } from './account-name';
import { ACCOUNTS_CSV_SUBJECT, allAccounts, useAccountCsvColumns } from './accounts-csv';
import { AccountFilters, accountQueryFrom, NO_ACCOUNT_FILTERS, type AccountFilterValues } from './AccountFilters';
import { TrialBalancePanel } from './TrialBalancePanel';

function useAccountColumns(rows: readonly AccountWithBalance[]): GridColDef<AccountWithBalance>[] {
  const { t } = useTranslation();
  const nameOf = useAccountName();
  const amountColumn = useAmountColumn();
  return useMemo(
    () => [
      // Code and name give way first: their whole text is the cell's title, on hover.
      // Each account opens its journal: the code is the link (for the keyboard), the row a click target.
      {
        field: 'code',
        headerName: t('ledger:field.code'),
        flex: 1.2,
        minWidth: 110,
        renderCell: ({ row }) => (
          // The title is the code itself, so a code cut off at 1024 px can still be read whole; the
          // description says where the link goes.
          <Link
            component={RouterLink}
            to={journalPathForAccount(row.code)}
            title={row.code}
            aria-description={t('journal:detail.accountJournal')}
            onClick={(event) => event.stopPropagation()}
            sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {row.code}
          </Link>
        ),
      },
      { field: 'name', headerName: t('ledger:field.name'), flex: 1, minWidth: 100, valueGetter: (_value, row) => nameOf(row) },
      { field: 'kind', headerName: t('ledger:field.kind'), width: 84, valueFormatter: (value: string) => t(`ledger:kind.${value}`) },
      { field: 'currency', headerName: t('ledger:field.currency'), width: 76 },
      amountColumn({ field: 'debitsPosted', headerName: t('ledger:field.debits'), rows, amountOf: (row) => ({ minor: row.debitsPosted, currency: row.currency }) }),
      amountColumn({ field: 'creditsPosted', headerName: t('ledger:field.credits'), rows, amountOf: (row) => ({ minor: row.creditsPosted, currency: row.currency }) }),
      amountColumn({ field: 'balance', headerName: t('ledger:field.balance'), rows, amountOf: (row) => ({ minor: row.balance.posted, currency: row.currency }), strong: true }),
      {
        field: 'flags',
        headerName: t('ledger:field.flags'),
        width: 112,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" sx={{ gap: 0.5, alignItems: 'center', height: '100%' }}>
            {row.noOverdraft && <Chip size="small" variant="outlined" label={t('ledger:flag.noOverdraft')} />}
            {row.closed && <Chip size="small" label={t('ledger:flag.closed')} />}
          </Stack>
        ),
      },
    ],
    [t, nameOf, amountColumn, rows],
  );
}

const NO_ROWS: readonly AccountWithBalance[] = [];

/** Every account with its running totals and balance, and the trial balance that proves they add up. */
export function ChartOfAccountsScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<AccountFilterValues>(NO_ACCOUNT_FILTERS);
  const paging = useServerPage(100);
  const accounts = useChannelQuery('ledger.accounts', { ...accountQueryFrom(filters), ...paging.range }, { placeholderData: keepPreviousData });
  const trial = useChannelQuery('ledger.trialBalance', { ownerType: 'system' });
  const currencies = trial.data?.currencies.map((totals) => totals.currency) ?? [];
  const columns = useAccountColumns(accounts.data?.rows ?? NO_ROWS);
  const csvColumns = useAccountCsvColumns();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <PageFrame title={t('ledger:title')} subtitle={t('ledger:subtitle')}>
      <Typography variant="h6" component="h2">
        {t('ledger:trial.title')}
      </Typography>
      <TrialBalancePanel />
      <Typography variant="h6" component="h2">
        {t('ledger:accounts')}
      </Typography>
      <Stack direction="row" sx={{ gap: 2, justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <AccountFilters
          value={filters}
          currencies={currencies}
          onChange={(next) => {
            setFilters(next);
            paging.firstPage();
          }}
        />
        <ExportCsvButton fileSubject={ACCOUNTS_CSV_SUBJECT} columns={csvColumns} rows={() => allAccounts(accountQueryFrom(filters))} />
      </Stack>
      <ErrorAlert error={accounts.error} />
      <Paper variant="outlined" sx={{ height: 560 }}>
        <DataGrid
          {...serverPagedProps(accounts, paging)}
          columns={columns}
          pageSizeOptions={[50, 100, 200]}
          disableColumnSorting
          showToolbar
          density="compact"
          label={t('ledger:accounts')}
          onRowClick={({ row }) => navigate(journalPathForAccount(row.code))}
          slotProps={{ toolbar: TOOLBAR_WITHOUT_BUILT_IN_CSV }}
          slots={{ noRowsOverlay: () => <EmptyState title={filtered ? t('ledger:empty.filteredTitle') : t('ledger:empty.title')} hint={filtered ? t('ledger:empty.filteredHint') : t('ledger:empty.hint')} /> }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
    </PageFrame>
  );
}
