import { useMemo, useState } from 'react';
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import Undo from '@mui/icons-material/Undo';
import ReceiptLong from '@mui/icons-material/ReceiptLongOutlined';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WalletHistoryRow } from '../../../../src-shared/contract/wallets';
import { can } from '../../../../src-shared/permissions';
import { useChannelQuery } from '../../api/queries';
import { useSession } from '../../session/session';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { actionsColumn, dateTimeColumn, serverPagedProps, useServerPage } from '../../ui/grid';
import { useAmountColumn } from '../../ui/amount-column';
import { isReversedRange } from '../../ui/DateRangeFields';
import { memoText } from '../../ui/memo-text';
import { HistoryFilters, historyQueryFrom, type HistoryFilterValues } from './HistoryFilters';
import { ReceiptDialog } from './ReceiptDialog';
import { ReversalDialog } from './ReversalDialog';
import { counterpartyText } from '../members/counterparty-text';

function canBeReversed(row: WalletHistoryRow): row is WalletHistoryRow & { receiptNumber: string } {
  return row.receiptNumber !== null && !row.reversed && row.kind !== 'reversal';
}

interface HistoryColumnsInput {
  currency: string;
  rows: readonly WalletHistoryRow[];
  canReverse: boolean;
  onReceipt: (number: string) => void;
  onReverse: (number: string) => void;
}

/** What moved and with whom: the kind (and whether it was reversed) over the counterparty, each whole in its title. */
function KindAndCounterparty({ kind, reversed, counterparty }: { kind: string; reversed: boolean; counterparty: string }) {
  const { t } = useTranslation();
  return (
    <Stack sx={{ justifyContent: 'center', height: '100%', minWidth: 0 }}>
      <Stack direction="row" title={kind} sx={{ gap: 1, alignItems: 'center', minWidth: 0, lineHeight: 1.5 }}>
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {kind}
        </Box>
        {reversed && <Chip size="small" variant="outlined" color="warning" label={t('wallets:history.reversed')} sx={{ height: 20 }} />}
      </Stack>
      <Typography variant="caption" color="text.secondary" noWrap title={counterparty} data-testid="counterparty">
        {counterparty}
      </Typography>
    </Stack>
  );
}

// At 1024 px the kind and counterparty, and the memo, give way (each whole text is the title), so
// that the amount, the balance after it, the receipt number and the row's actions always stay in
// view, whole. The counterparty shares the kind's cell, under it, to leave the room for that.
function useHistoryColumns({ currency, rows, canReverse, onReceipt, onReverse }: HistoryColumnsInput): GridColDef<WalletHistoryRow>[] {
  const { t } = useTranslation();
  const amountColumn = useAmountColumn();
  return useMemo(() => {
    const columns: GridColDef<WalletHistoryRow>[] = [
      dateTimeColumn<WalletHistoryRow>('at', t('wallets:history.at'), { width: 160 }, (row) => row.at),
      {
        field: 'kind',
        headerName: t('wallets:history.kind'),
        flex: 1,
        minWidth: 140,
        renderCell: ({ row }) => (
          <KindAndCounterparty kind={t(`wallets:kind.${row.kind}`, { defaultValue: row.kind })} reversed={row.reversed} counterparty={counterpartyText(row.counterparty, t)} />
        ),
      },
      amountColumn({ field: 'amount', headerName: t('wallets:history.amount'), rows, amountOf: (row) => ({ minor: row.amount, currency, direction: row.direction }) }),
      amountColumn({ field: 'balanceAfter', headerName: t('members:walletHistory.balance'), rows, amountOf: (row) => ({ minor: row.balanceAfter, currency }) }),
      { field: 'memo', headerName: t('wallets:history.memo'), flex: 1, minWidth: 76, valueFormatter: (value: string | null) => memoText(t, value) },
      { field: 'receiptNumber', headerName: t('wallets:history.receipt'), width: 166, valueFormatter: (value: string | null) => value ?? '—' },
    ];
    columns.push(
      actionsColumn<WalletHistoryRow>(t('common:actions.label'), 88, ({ row }) => [
        <GridActionsCellItem key="receipt" icon={<ReceiptLong />} label={t('wallets:history.openReceipt')} disabled={row.receiptNumber === null} onClick={() => row.receiptNumber && onReceipt(row.receiptNumber)} />,
        ...(canReverse && canBeReversed(row)
          ? [<GridActionsCellItem key="reverse" icon={<Undo />} label={t('wallets:reverse.action')} onClick={() => onReverse(row.receiptNumber)} />]
          : []),
      ]),
    );
    return columns;
  }, [t, amountColumn, currency, rows, canReverse, onReceipt, onReverse]);
}

const NO_ROWS: readonly WalletHistoryRow[] = [];

/** A member's wallet transfers, newest first, filtered by date and kind; each row opens its receipt. */
export function WalletHistoryGrid({ memberId, currencies }: { memberId: number; currencies: string[] }) {
  const { t } = useTranslation();
  const canReverse = can(useSession().role, 'ledger.reverse');
  const [filters, setFilters] = useState<HistoryFilterValues>({ currency: currencies[0] ?? 'CNY', from: '', to: '', kinds: [] });
  const paging = useServerPage(25);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [reversing, setReversing] = useState<string | null>(null);
  const input = { memberId, ...historyQueryFrom(filters), ...paging.range };
  const history = useChannelQuery('wallets.history', input, { placeholderData: keepPreviousData, enabled: !isReversedRange(filters) });
  const columns = useHistoryColumns({ currency: filters.currency, rows: history.data?.rows ?? NO_ROWS, canReverse, onReceipt: setReceipt, onReverse: setReversing });
  const filtered = Boolean(filters.from || filters.to || filters.kinds.length > 0);

  return (
    <Stack sx={{ gap: 2 }}>
      <HistoryFilters
        value={filters}
        currencies={currencies}
        onChange={(next) => {
          setFilters(next);
          paging.firstPage();
        }}
      />
      <ErrorAlert error={history.error} />
      {/* The grid fills what the window shows below the filters once the section is scrolled to, never fewer than about six rows. */}
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 200px)', minHeight: 380 }}>
        <DataGrid
          {...serverPagedProps(history, paging)}
          getRowId={(row) => row.transferId}
          columns={columns}
          pageSizeOptions={[25, 50, 100]}
          disableColumnSorting
          label={t('wallets:history.title')}
          onRowClick={({ row }, event) => {
            // The actions cell has its own buttons; a click on them is not a click on the row.
            const inActions = event.target instanceof Element && event.target.closest('[data-field="actions"]');
            if (!inActions && row.receiptNumber) setReceipt(row.receiptNumber);
          }}
          onCellKeyDown={({ row, field }, event) => {
            if (event.key === 'Enter' && field !== 'actions' && row.receiptNumber) setReceipt(row.receiptNumber);
          }}
          slots={{
            noRowsOverlay: () => <EmptyState title={filtered ? t('wallets:history.emptyFiltered') : t('wallets:history.empty')} hint={filtered ? t('wallets:history.emptyFilteredHint') : t('wallets:history.emptyHint')} />,
          }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      <ReceiptDialog receiptNumber={receipt} onClose={() => setReceipt(null)} />
      <ReversalDialog receiptNumber={reversing} onClose={() => setReversing(null)} />
    </Stack>
  );
}
