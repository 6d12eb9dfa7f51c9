import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsInput, type AccountWithBalance } from '../../../../src-shared/contract/ledger';
import type { ChannelInput } from '../../../../src-shared/contract';
import { call } from '../../api/call';
import type { CsvColumn } from '../../../../src-shared/csv/csv-writer';
import { useAccountName } from './account-name';

// The chart of accounts as a CSV file: every account the filters select (not only the page on
// screen), with the grid's columns and the amounts as plain numbers.

export const ACCOUNTS_CSV_SUBJECT = 'chart-of-accounts';

/** The most accounts `ledger.accounts` answers with at once. */
const PAGE_SIZE = accountsInput.shape.limit.unwrap().maxValue ?? 100;

type AccountQuery = Omit<ChannelInput<'ledger.accounts'>, 'offset' | 'limit'>;

/** Every account the query selects, asked for page by page. */
export async function allAccounts(query: AccountQuery): Promise<AccountWithBalance[]> {
  const accounts: AccountWithBalance[] = [];
  for (;;) {
    const page = await call('ledger.accounts', { ...query, offset: accounts.length, limit: PAGE_SIZE });
    accounts.push(...page.rows);
    if (page.rows.length === 0 || accounts.length >= page.total) return accounts;
  }
}

export function useAccountCsvColumns(): CsvColumn<AccountWithBalance>[] {
  const { t } = useTranslation();
  const nameOf = useAccountName();
  return useMemo(
    () => [
      { kind: 'text', header: t('ledger:field.code'), value: (account) => account.code },
      { kind: 'text', header: t('ledger:field.name'), value: nameOf },
      { kind: 'text', header: t('ledger:field.kind'), value: (account) => t(`ledger:kind.${account.kind}`) },
      { kind: 'text', header: t('ledger:field.currency'), value: (account) => account.currency },
      { kind: 'amount', header: t('ledger:field.debits'), minor: (account) => account.debitsPosted, currency: (account) => account.currency },
      { kind: 'amount', header: t('ledger:field.credits'), minor: (account) => account.creditsPosted, currency: (account) => account.currency },
      { kind: 'amount', header: t('ledger:field.balance'), minor: (account) => account.balance.posted, currency: (account) => account.currency },
      {
        kind: 'text',
        header: t('ledger:field.flags'),
        value: (account) => [account.noOverdraft && t('ledger:flag.noOverdraft'), account.closed && t('ledger:flag.closed')].filter(Boolean).join('; '),
      },
    ],
    [t, nameOf],
  );
}
