import { useMemo } from 'react';
import { Box, Stack, Typography } from '@mui/material';
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
    <Box component="span" title={text} sx={{ display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color }}>
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
 * destination, note) and every problem in the reader's words, one to a line, the row as tall as
 * they need. An amount that could not be read shows as the file wrote it.
 */
export function useRowResultColumns(rows: readonly ValidatedRow[], batchCurrency: string): GridColDef<ValidatedRow>[] {
  const { t } = useTranslation();
  const amountColumn = useAmountColumn();
  const describe = usePayoutProblemText();
  const sample = useMemo(() => widestAmount(rows), [rows]);
  return useMemo(() => {
    const amount = amountColumn({ field: 'amount', headerName: t('payouts:import.field.amount'), rows: sample, amountOf: (row) => ({ minor: row.amount ?? 0, currency: amountCurrency(row.currency, batchCurrency) }) });
    const destinationWord = (text: string) => {
      const destination = destinationNamed(text);
      return destination ? t(`payouts:destination.${destination}`) : text;
    };
    const problemsOf = (row: ValidatedRow) => row.problems.map((problem) => describe(problem, amountCurrency(row.currency, batchCurrency)));
    return [
      { field: 'line', headerName: t('payouts:import.field.line'), type: 'number', width: 60 },
      {
        field: 'status',
        headerName: t('payouts:import.field.status'),
        width: 88,
        renderCell: ({ row }) => <RowStatusChip status={row.status} />,
      },
      { field: 'reference', headerName: t('payouts:import.field.reference'), width: 92, renderCell: ({ row }) => <Titled text={row.reference} /> },
      {
        field: 'memberNo',
        headerName: t('payouts:import.field.member'),
        flex: 0.7,
        minWidth: 120,
        renderCell: ({ row }) => (
          <Stack sx={{ minWidth: 0 }}>
            <Titled text={row.memberName ?? '—'} />
            <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {row.memberNo}
            </Typography>
          </Stack>
        ),
      },
      {
        ...amount,
        valueGetter: (_value, row) => row.amount,
        renderCell: ({ row }) =>
          row.amount === null ? <Titled text={row.amountText} color="error.main" /> : <Money minor={row.amount} currency={amountCurrency(row.currency, batchCurrency)} />,
      },
      { field: 'destination', headerName: t('payouts:import.field.destination'), width: 100, valueGetter: (_value, row) => destinationWord(row.destination) },
      { field: 'note', headerName: t('payouts:import.field.note'), flex: 0.6, minWidth: 76, renderCell: ({ row }) => <Titled text={row.note} /> },
      {
        field: 'problems',
        headerName: t('payouts:import.field.problems'),
        flex: 2,
        minWidth: 210,
        sortable: false,
        valueGetter: (_value, row) => problemsOf(row).join(' '),
        renderCell: ({ row }) => (
          <Stack sx={{ gap: 0.5, whiteSpace: 'normal', lineHeight: 1.4 }}>
            {problemsOf(row).map((text, index) => (
              <Typography key={index} variant="body2" component="span">
                {text}
              </Typography>
            ))}
          </Stack>
        ),
      },
    ];
  }, [t, amountColumn, sample, describe, batchCurrency]);
}
