import type { TFunction } from 'i18next';
import type { ChannelInput, ChannelOutput } from '../../../../src-shared/contract';
import { memberSearchInput, type MemberRow } from '../../../../src-shared/contract/members';
import type { CsvColumn } from '../../ui/csv/csv-writer';

// The members list as a CSV file: every member the search and status filter select, in the list's
// order (not only the page on screen), with the balance as a plain number in the list's currency.

export const MEMBERS_CSV_SUBJECT = 'members';

/** The most rows `members.search` answers at once. */
const PAGE_SIZE = memberSearchInput.shape.limit.unwrap().maxValue ?? 500;

type MemberQuery = Omit<ChannelInput<'members.search'>, 'offset' | 'limit'>;
type SearchAnswer = ChannelOutput<'members.search'>;

export interface MatchingMembers {
  rows: MemberRow[];
  /** The currency every balance is in. */
  currency: string;
}

/**
 * Every member the query selects, asked for page by page. A member registered meanwhile can push
 * a row onto the next page, so a row can come twice; it is kept once.
 */
export async function allMatchingMembers(query: MemberQuery, search: (input: ChannelInput<'members.search'>) => Promise<SearchAnswer>): Promise<MatchingMembers> {
  const rows = new Map<number, MemberRow>();
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await search({ ...query, offset, limit: PAGE_SIZE });
    for (const row of page.rows) if (!rows.has(row.id)) rows.set(row.id, row);
    if (page.rows.length < PAGE_SIZE) return { rows: [...rows.values()], currency: page.currency };
  }
}

export function memberCsvColumns(t: TFunction, currency: string): CsvColumn<MemberRow>[] {
  return [
    { kind: 'text', header: t('members:field.memberNumber'), value: (row) => row.memberNumber },
    { kind: 'text', header: t('members:field.name'), value: (row) => row.name },
    { kind: 'text', header: t('members:field.phone'), value: (row) => row.phone },
    { kind: 'text', header: t('members:field.email'), value: (row) => row.email },
    { kind: 'text', header: t('members:field.status'), value: (row) => t(`members:status.${row.status}`) },
    { kind: 'dateTime', header: t('members:field.createdAt'), value: (row) => row.createdAt },
    { kind: 'amount', header: t('members:field.balanceIn', { currency }), minor: (row) => row.balance, currency: () => currency },
  ];
}
