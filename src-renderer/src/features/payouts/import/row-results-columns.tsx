import { useMemo } from 'react';
import { Box } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { ValidatedRow } from '../../../../../src-shared/contract/payouts';
import { destinationNamed } from '../../../../../src-shared/payouts/columns';
import { useAmountColumn } from '../../../ui/amount-column';
import { Money } from '../../../ui/Money';
import { amountCurrency, usePayoutProblemText } from '../problem-text';
import { RowStatusChip } from './RowStatusChip';

/** Text that may be cut short keeps its whole in the cell's title, read on hover. */
function Titled({ text, color }: { text: string; color?: string }) {
  return (
    <Box component="span" title={text} sx={{ overflow: 'hidden', textOverflow: 'ellipsis', color }}>
      {text}
    </Box>
  );
}

/** The row with the largest amount: the amount column is made as wide as it (measuring 100,000 rows would stall the screen). */
function widestAmount(rows: readonly ValidatedRow[]): ValidatedRow[] {
  let widest: ValidatedRow | undefined;
  for (const row of rows) if (row.amount !== null && (widest?.amount ?? -1) < row.amount) widest = row;
  return widest ? [widest] : [];
}

/**
 * The results grid's columns: line, verdict, what the row says (reference, member, amount,
 * destination, note) and every problem in the reader's words. An amount that could not be read
 * shows as the file wrote it.
 */
export function useRowResultColumns(rows: readonly ValidatedRow[], batchCurrency: string): GridColDef<ValidatedRow>[] {
  const { t, i18n } = useTranslation();
  const amountColumn = useAmountColumn();
  const describe = usePayoutProblemText();
  const sample = useMemo(() => widestAmount(rows), [rows]);
  return useMemo(() => {
    const amount = amountColumn({ field: 'amount', headerName: t('payouts:import.field.amount'), rows: sample, amountOf: (row) => ({ minor: row.amount ?? 0, currency: amountCurrency(row.currency, batchCurrency) }) });
    const destinationWord = (text: string) => {
      const destination = destinationNamed(text);
      return destination ? t(`payouts:destination.${destination}`) : text;
    };
    const problemsOf = (row: ValidatedRow) => row.problems.map((problem) => describe(problem, amountCurrency(row.currency, batchCurrency))).join(i18n.language.startsWith('zh') ? '' : ' ');
    return [
      { field: 'line', headerName: t('payouts:import.field.line'), type: 'number', width: 76 },
      {
        field: 'status',
        headerName: t('payouts:import.field.status'),
        width: 96,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <RowStatusChip status={row.status} />
          </Box>
        ),
      },
      { field: 'reference', headerName: t('payouts:import.field.reference'), width: 130, renderCell: ({ row }) => <Titled text={row.reference} /> },
      { field: 'memberNo', headerName: t('payouts:import.field.memberNo'), width: 120, cellClassName: 'tabular' },
      { field: 'memberName', headerName: t('payouts:import.field.memberName'), width: 120, valueGetter: (_value, row) => row.memberName ?? '', renderCell: ({ value }) => <Titled text={String(value)} /> },
      {
        ...amount,
        valueGetter: (_value, row) => row.amount,
        renderCell: ({ row }) =>
          row.amount === null ? <Titled text={row.amountText} color="error.main" /> : <Money minor={row.amount} currency={amountCurrency(row.currency, batchCurrency)} />,
      },
      { field: 'destination', headerName: t('payouts:import.field.destination'), width: 110, valueGetter: (_value, row) => destinationWord(row.destination) },
      { field: 'note', headerName: t('payouts:import.field.note'), width: 140, renderCell: ({ row }) => <Titled text={row.note} /> },
      { field: 'problems', headerName: t('payouts:import.field.problems'), flex: 1, minWidth: 260, sortable: false, valueGetter: (_value, row) => problemsOf(row), renderCell: ({ value }) => <Titled text={String(value)} /> },
    ];
  }, [t, i18n.language, amountColumn, sample, describe, batchCurrency]);
}
