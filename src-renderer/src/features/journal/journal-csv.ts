import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNAL_PAGE_MAX, type JournalAccount } from '../../../../src-shared/contract/journal';
import type { Transfer } from '../../../../src-shared/contract/ledger';
import { call } from '../../api/call';
import type { CsvColumn } from '../../../../src-shared/csv/csv-writer';
import type { JournalWords } from './journal-words';
import type { JournalQuery } from './journal-view';

// The filtered journal as a CSV file: every transfer the filters select (not only the page on
// screen), newest first, each with both accounts by code and name and the amount as a plain number.

export const JOURNAL_CSV_SUBJECT = 'journal';

export interface JournalCsvRow {
  transfer: Transfer;
  debit: JournalAccount | undefined;
  credit: JournalAccount | undefined;
}

/** Every matching transfer, asked for a full page at a time, each page after the last id of the one before. */
export async function allJournalRows(query: JournalQuery): Promise<JournalCsvRow[]> {
  const rows: JournalCsvRow[] = [];
  let beforeId: number | undefined;
  for (;;) {
    const page = await call('ledger.journal', { ...query, ...(beforeId === undefined ? {} : { beforeId }), offset: 0, limit: JOURNAL_PAGE_MAX });
    const accounts = new Map(page.accounts.map((account) => [account.id, account]));
    for (const transfer of page.rows) rows.push({ transfer, debit: accounts.get(transfer.debitAccountId), credit: accounts.get(transfer.creditAccountId) });
    if (page.rows.length < JOURNAL_PAGE_MAX) return rows;
    beforeId = page.rows[page.rows.length - 1]!.id;
  }
}

export function useJournalCsvColumns(words: JournalWords, memo: (memo: string | null) => string): CsvColumn<JournalCsvRow>[] {
  const { t } = useTranslation();
  return useMemo(() => {
    const name = (account: JournalAccount | undefined) => (account ? words.account(account) : null);
    return [
      { kind: 'integer', header: t('journal:field.sequence'), value: (row) => row.transfer.id },
      { kind: 'dateTime', header: t('journal:field.at'), value: (row) => row.transfer.createdAt },
      { kind: 'text', header: t('journal:field.kind'), value: (row) => words.kind(row.transfer.kind) },
      { kind: 'text', header: t('journal:field.state'), value: (row) => words.state(row.transfer.state) },
      { kind: 'text', header: t('journal:csv.debitCode'), value: (row) => row.debit?.code ?? null },
      { kind: 'text', header: t('journal:field.debit'), value: (row) => name(row.debit) },
      { kind: 'text', header: t('journal:csv.creditCode'), value: (row) => row.credit?.code ?? null },
      { kind: 'text', header: t('journal:field.credit'), value: (row) => name(row.credit) },
      { kind: 'amount', header: t('journal:field.amount'), minor: (row) => row.transfer.amount, currency: (row) => row.transfer.currency },
      { kind: 'text', header: t('journal:field.currency'), value: (row) => row.transfer.currency },
      { kind: 'text', header: t('journal:field.actor'), value: (row) => row.transfer.actor },
      { kind: 'text', header: t('journal:field.memo'), value: (row) => memo(row.transfer.memo) },
      { kind: 'text', header: t('journal:chain.hash'), value: (row) => row.transfer.hash },
    ];
  }, [t, words, memo]);
}
