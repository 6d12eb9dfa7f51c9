import { useMemo } from 'react';
import { Box } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { BatchRow } from '../../../../src-shared/contract/payouts';
import { useAmountColumn } from '../../ui/amount-column';
import { dateTimeColumn } from '../../ui/grid';
import { BatchStatusChip } from './BatchStatusChip';

/** Text that may be cut short keeps its whole in the cell's title, read on hover. */
function Titled({ text }: { text: string }) {
  return (
    <Box component="span" title={text} sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {text}
    </Box>
  );
}

/** The list's columns: status, file, currency, rows and payable items, total, maker, approvers, and when it was imported. */
export function usePayoutsListColumns(rows: readonly BatchRow[]): GridColDef<BatchRow>[] {
  const { t, i18n } = useTranslation();
  const amountColumn = useAmountColumn();
  return useMemo(() => {
    const count = new Intl.NumberFormat(i18n.language);
    const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
    return [
      {
        field: 'status',
        headerName: t('payouts:list.field.status'),
        width: 100,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <BatchStatusChip status={row.status} />
          </Box>
        ),
      },
      { field: 'fileName', headerName: t('payouts:list.field.fileName'), flex: 1.4, minWidth: 110, renderCell: ({ row }) => <Titled text={row.fileName} /> },
      { field: 'currency', headerName: t('payouts:list.field.currency'), width: 72 },
      {
        field: 'itemCount',
        headerName: t('payouts:list.field.items'),
        width: 112,
        align: 'right',
        headerAlign: 'right',
        valueGetter: (_value, row) => t('payouts:list.itemsOfRows', { items: count.format(row.itemCount), rows: count.format(row.rowCount) }),
        cellClassName: 'tabular',
      },
      amountColumn({ field: 'total', headerName: t('payouts:list.field.total'), rows, amountOf: (row) => ({ minor: row.total, currency: row.currency }), strong: true }),
      { field: 'createdBy', headerName: t('payouts:list.field.maker'), flex: 0.8, minWidth: 100, renderCell: ({ row }) => <Titled text={row.createdBy} /> },
      {
        field: 'approvers',
        headerName: t('payouts:list.field.approvers'),
        flex: 0.9,
        minWidth: 100,
        valueGetter: (_value, row) => (row.approvers.length > 0 ? list.format(row.approvers) : '—'),
        renderCell: ({ value }) => <Titled text={String(value)} />,
      },
      dateTimeColumn<BatchRow>('createdAt', t('payouts:list.field.createdAt'), { width: 150 }, (row) => row.createdAt),
    ];
  }, [t, i18n.language, amountColumn, rows]);
}
