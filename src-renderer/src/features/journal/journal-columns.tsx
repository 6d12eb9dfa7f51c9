import { useMemo } from 'react';
import { Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { JournalAccount } from '../../../../src-shared/contract/journal';
import type { Transfer } from '../../../../src-shared/contract/ledger';
import { useAmountColumn } from '../../ui/amount-column';
import { dateTimeColumn } from '../../ui/grid';
import type { JournalWords } from './journal-words';

const oneLine = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

/** Two lines in a cell: what a person reads, and the code beneath it. Cut text stays whole in the title. */
function TwoLines({ primary, secondary }: { primary: string; secondary: string | null }) {
  return (
    <Stack sx={{ minWidth: 0, justifyContent: 'center', height: '100%' }} title={secondary ? `${primary}\n${secondary}` : primary}>
      <Typography variant="body2" component="span" sx={oneLine}>
        {primary}
      </Typography>
      {secondary && (
        <Typography variant="caption" component="span" color="text.secondary" sx={oneLine}>
          {secondary}
        </Typography>
      )}
    </Stack>
  );
}

export function AccountCell({ account, words }: { account: JournalAccount | undefined; words: JournalWords }) {
  if (!account) return null;
  return <TwoLines primary={words.account(account)} secondary={account.code} />;
}

export interface JournalColumnsInput {
  rows: readonly Transfer[];
  accounts: ReadonlyMap<number, JournalAccount>;
  words: JournalWords;
  memo: (memo: string | null) => string;
}

/** Wide enough for the page's largest sequence number with its separators (3,001 or 1,000,000), never cut. */
function sequenceWidth(rows: readonly Transfer[]): number {
  const widest = rows.reduce((max, row) => Math.max(max, row.id), 0);
  return Math.max(56, 28 + 9 * widest.toLocaleString('en').length);
}

/** A hold and its resolutions say so beneath their kind; a posted transfer or a reversal needs no second word. */
const HOLD_STATES: readonly Transfer['state'][] = ['pending', 'post_pending', 'void_pending'];

export function useJournalColumns({ rows, accounts, words, memo }: JournalColumnsInput): GridColDef<Transfer>[] {
  const { t } = useTranslation();
  const amountColumn = useAmountColumn();
  return useMemo(
    () => [
      { field: 'id', headerName: t('journal:field.sequence'), width: sequenceWidth(rows), type: 'number', align: 'left', headerAlign: 'left' },
      dateTimeColumn<Transfer>('createdAt', t('journal:field.at'), { width: 164 }, (row) => row.createdAt),
      {
        field: 'kind',
        headerName: t('journal:field.kind'),
        width: 124,
        renderCell: ({ row }) => <TwoLines primary={words.kind(row.kind)} secondary={HOLD_STATES.includes(row.state) ? words.state(row.state) : null} />,
      },
      { field: 'debit', headerName: t('journal:field.debit'), flex: 1, minWidth: 130, renderCell: ({ row }) => <AccountCell account={accounts.get(row.debitAccountId)} words={words} /> },
      { field: 'credit', headerName: t('journal:field.credit'), flex: 1, minWidth: 130, renderCell: ({ row }) => <AccountCell account={accounts.get(row.creditAccountId)} words={words} /> },
      amountColumn({ field: 'amount', headerName: t('journal:field.amount'), rows, amountOf: (row) => ({ minor: row.amount, currency: row.currency }) }),
      { field: 'actor', headerName: t('journal:field.actor'), width: 84 },
      {
        field: 'memo',
        headerName: t('journal:field.memo'),
        flex: 1,
        minWidth: 100,
        valueGetter: (_value, row) => memo(row.memo),
        renderCell: ({ value }) => <TwoLines primary={value || '—'} secondary={null} />,
      },
    ],
    [t, words, accounts, amountColumn, rows, memo],
  );
}
