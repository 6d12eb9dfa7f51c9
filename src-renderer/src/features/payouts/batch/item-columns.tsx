import { useMemo } from 'react';
import { Box, Tooltip } from '@mui/material';
import Done from '@mui/icons-material/DoneAllOutlined';
import Undo from '@mui/icons-material/UndoOutlined';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { PayoutItem } from '../../../../../src-shared/contract/payouts';
import { formatMemberNumber } from '../../../../../src-shared/member-number';
import { useAmountColumn } from '../../../ui/amount-column';
import { Money } from '../../../ui/Money';
import { actionsColumn } from '../../../ui/grid';
import { ItemStatusChip } from './batch-chips';
import { RowStatusChip } from '../import/RowStatusChip';
import { amountCurrency, usePayoutProblemText } from '../problem-text';

/** Text that may be cut short keeps its whole in the cell's title, read on hover. */
function Titled({ text }: { text: string }) {
  return (
    <Box component="span" title={text} sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {text}
    </Box>
  );
}

function memberText(item: PayoutItem): string {
  const number = /^\d+$/.test(item.memberNo) && item.memberId !== null ? formatMemberNumber(item.memberNo) : item.memberNo;
  return item.memberName ? `${number} ${item.memberName}` : number;
}

export interface BankResultHandlers {
  /** Null when the person may not record what the bank answered (no payouts.execute). */
  onSettle: ((item: PayoutItem) => void) | null;
  onReturn: ((item: PayoutItem) => void) | null;
}

/** The items' columns: line, reference, member, amount, destination, note, verdict with its problems in words, status, code, transfer — and, for SENT items, what the bank answered. */
export function useItemColumns(rows: readonly PayoutItem[], batchCurrency: string, bank: BankResultHandlers): GridColDef<PayoutItem>[] {
  const { t } = useTranslation();
  const problemText = usePayoutProblemText();
  const amountColumn = useAmountColumn();
  return useMemo(() => {
    const columns: GridColDef<PayoutItem>[] = [
      { field: 'line', headerName: t('payout-batch:item.line'), width: 72, type: 'number', sortable: false },
      { field: 'reference', headerName: t('payout-batch:item.reference'), flex: 0.8, minWidth: 110, sortable: false, renderCell: ({ row }) => <Titled text={row.reference} /> },
      { field: 'member', headerName: t('payout-batch:item.member'), flex: 1.1, minWidth: 170, sortable: false, valueGetter: (_value, row) => memberText(row), renderCell: ({ value }) => <Titled text={String(value)} /> },
      {
        ...amountColumn({ field: 'amount', headerName: t('payout-batch:item.amount'), rows, amountOf: (row) => ({ minor: row.amount ?? 0, currency: row.currency }) }),
        sortable: false,
        // An amount that could not be read is shown as the file wrote it.
        renderCell: ({ row }) => (row.amount === null ? <Titled text={row.amountText} /> : <Money minor={row.amount} currency={row.currency} />),
      },
      {
        field: 'destination',
        headerName: t('payout-batch:item.destination'),
        width: 130,
        sortable: false,
        valueGetter: (_value, row) =>
          row.destination === 'bank_card'
            ? row.bankCardLast4
              ? t('payout-batch:destination.bankCardLast4', { last4: row.bankCardLast4 })
              : t('payouts:destination.bank_card')
            : row.destination === 'wallet'
              ? t('payouts:destination.wallet')
              : row.destination,
      },
      { field: 'note', headerName: t('payout-batch:item.note'), flex: 0.8, minWidth: 100, sortable: false, renderCell: ({ row }) => <Titled text={row.note} /> },
      {
        field: 'rowStatus',
        headerName: t('payout-batch:item.verdict'),
        // The problems in words are what the reviewer reads: the widest text column.
        flex: 2,
        minWidth: 200,
        sortable: false,
        valueGetter: (_value, row) => row.problems.map((problem) => problemText(problem, amountCurrency(row.currency, batchCurrency))).join(' '),
        renderCell: ({ row, value }) => (
          <Tooltip title={String(value)}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%', minWidth: 0 }}>
              <RowStatusChip status={row.rowStatus} />
              <Titled text={String(value)} />
            </Box>
          </Tooltip>
        ),
      },
      {
        field: 'status',
        headerName: t('payout-batch:item.status'),
        width: 110,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <ItemStatusChip status={row.status} />
          </Box>
        ),
      },
      { field: 'code', headerName: t('payout-batch:item.code'), width: 150, sortable: false, renderCell: ({ row }) => <Titled text={row.code ?? ''} /> },
      { field: 'transferId', headerName: t('payout-batch:item.transfer'), width: 90, type: 'number', sortable: false },
    ];
    if (bank.onSettle && bank.onReturn) {
      const { onSettle, onReturn } = bank;
      columns.push(
        actionsColumn(t('payout-batch:item.actions'), 64, ({ row }) =>
          row.status === 'SENT'
            ? [
                <GridActionsCellItem key="settle" icon={<Done />} label={t('payout-batch:bank.settle')} onClick={() => onSettle(row)} showInMenu />,
                <GridActionsCellItem key="return" icon={<Undo />} label={t('payout-batch:bank.return')} onClick={() => onReturn(row)} showInMenu />,
              ]
            : [],
        ),
      );
    }
    return columns;
  }, [t, problemText, amountColumn, rows, batchCurrency, bank]);
}
