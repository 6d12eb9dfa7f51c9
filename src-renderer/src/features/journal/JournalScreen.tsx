import { useMemo } from 'react';
import { Paper } from '@mui/material';
import { DataGrid } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { JournalAccount } from '../../../../src-shared/contract/journal';
import type { Transfer } from '../../../../src-shared/contract/ledger';
import { useChannelQuery } from '../../api/queries';
import { ExportCsvButton } from '../../ui/csv/ExportCsvButton';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useMemoText } from '../../ui/memo-text';
import { PageFrame } from '../../ui/PageFrame';
import { JOURNAL_CSV_SUBJECT, allJournalRows, useJournalCsvColumns } from './journal-csv';
import { useJournalColumns } from './journal-columns';
import { JournalFilters } from './JournalFilters';
import { JOURNAL_PAGE_SIZES, NO_JOURNAL_FILTERS, isFiltered, journalQueryFrom } from './journal-view';
import { useJournalWords } from './journal-words';
import { TransferDrawer } from './TransferDrawer';
import { useJournal, useOpenTransfer } from './use-journal';

const NO_ROWS: readonly Transfer[] = [];
const NO_ACCOUNTS: readonly JournalAccount[] = [];

/** Every transfer in the ledger, newest first: filtered, paged by the main process, exportable, each one open to its legs, links and chain link. */
export function JournalScreen() {
  const { t, i18n } = useTranslation();
  const words = useJournalWords();
  const memo = useMemoText();
  const { view, problems, journal, facets, page, setFilters, setPage } = useJournal();
  const { openId, open, close } = useOpenTransfer();
  const operatorAccounts = useChannelQuery('ledger.accounts', { ownerType: 'system', limit: 1000 });
  const rows = journal.data?.rows ?? NO_ROWS;
  const pageAccounts = journal.data?.accounts ?? NO_ACCOUNTS;
  const accounts = useMemo(() => new Map(pageAccounts.map((account) => [account.id, account])), [pageAccounts]);
  const columns = useJournalColumns({ rows, accounts, words, memo });
  const csvColumns = useJournalCsvColumns(words, memo);
  const filtered = isFiltered(view);
  const exact = journal.data?.totalExact ?? true;
  const total = journal.data?.total ?? 0;
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const showAccount = (code: string) => {
    close();
    setFilters({ ...NO_JOURNAL_FILTERS, account: code });
  };
  const filterOptions = {
    accounts: (operatorAccounts.data?.rows ?? []).map((account) => ({ code: account.code, name: account.systemRole ? t(`ledger:systemRole.${account.systemRole}`) : account.name })),
    kinds: facets.data?.kinds ?? [],
    actors: facets.data?.actors ?? [],
    currencies: facets.data?.currencies ?? [],
  };

  return (
    <PageFrame
      title={t('journal:title')}
      subtitle={t('journal:subtitle')}
      actions={<ExportCsvButton fileSubject={JOURNAL_CSV_SUBJECT} columns={csvColumns} rows={() => allJournalRows(journalQueryFrom(view))} />}
    >
      <JournalFilters value={view} problems={problems} options={filterOptions} words={words} onChange={setFilters} />
      <ErrorAlert error={journal.error ?? facets.error} />
      <Paper variant="outlined" sx={{ flex: '1 1 0', minHeight: 420 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          rowCount={exact ? total : -1}
          paginationMeta={exact ? undefined : { hasNextPage: rows.length === view.pageSize }}
          loading={journal.isFetching}
          paginationMode="server"
          paginationModel={page}
          onPaginationModelChange={setPage}
          pageSizeOptions={[...JOURNAL_PAGE_SIZES]}
          disableColumnFilter
          disableColumnSorting
          disableRowSelectionOnClick
          rowHeight={52}
          label={t('journal:title')}
          // A click on a row, or Enter on any of its cells, opens the transfer.
          onRowClick={({ row }) => open(row.id)}
          onCellKeyDown={({ row }, event) => {
            if (event.key === 'Enter') open(row.id);
          }}
          localeText={exact ? undefined : { paginationDisplayedRows: ({ from, to }) => t('journal:moreThan', { from: count(from), to: count(to), total: count(total) }) }}
          slots={{
            noRowsOverlay: () => <EmptyState title={filtered ? t('journal:empty.filteredTitle') : t('journal:empty.title')} hint={filtered ? t('journal:empty.filteredHint') : t('journal:empty.hint')} />,
          }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      <TransferDrawer openId={openId} words={words} memo={memo} onOpen={open} onClose={close} onShowAccount={showAccount} />
    </PageFrame>
  );
}
