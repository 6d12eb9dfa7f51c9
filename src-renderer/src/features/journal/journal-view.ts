import type { ChannelInput } from '../../../../src-shared/contract';
import { isValidMemberNumber } from '../../../../src-shared/member-number';
import { dayRangeQuery, isReversedRange } from '../../ui/DateRangeFields';
import { checkAmount } from '../../ui/AmountField';

// What the journal browser shows (its filters and page) lives in the URL's query, like the
// members list, so a filtered journal can be bookmarked, linked to from the chart of accounts, and
// found again after Back. Defaults stay out of the URL; the page is 1-based there, as people count.

export const JOURNAL_PATH = '/ledger/journal';
export const JOURNAL_PAGE_SIZES = [25, 50, 100] as const;
/** The transfer open beside the journal, a URL parameter of its own so Back closes it. */
export const OPEN_TRANSFER_PARAM = 'transfer';

export interface JournalFilterValues {
  /** An account's code. */
  account: string;
  /** A member number as typed. */
  member: string;
  kind: string;
  actor: string;
  /** yyyy-mm-dd or '' (DateRangeFields). */
  from: string;
  to: string;
  currency: string;
  /** Amounts as typed, in major units of `currency`. */
  minAmount: string;
  maxAmount: string;
}

export interface JournalView extends JournalFilterValues {
  /** 0-based, as the grid counts. */
  page: number;
  pageSize: number;
}

export const NO_JOURNAL_FILTERS: JournalFilterValues = { account: '', member: '', kind: '', actor: '', from: '', to: '', currency: '', minAmount: '', maxAmount: '' };
export const DEFAULT_JOURNAL_VIEW: JournalView = { ...NO_JOURNAL_FILTERS, page: 0, pageSize: 50 };

const PARAM: Record<keyof JournalView, string> = {
  account: 'account',
  member: 'member',
  kind: 'kind',
  actor: 'actor',
  from: 'from',
  to: 'to',
  currency: 'currency',
  minAmount: 'min',
  maxAmount: 'max',
  page: 'page',
  pageSize: 'size',
};

const FILTER_KEYS = Object.keys(NO_JOURNAL_FILTERS) as (keyof JournalFilterValues)[];

export function journalViewFrom(params: URLSearchParams): JournalView {
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(PARAM[key]) ?? ''])) as unknown as JournalFilterValues;
  const page = Number(params.get(PARAM.page));
  const size = Number(params.get(PARAM.pageSize));
  return {
    ...filters,
    page: Number.isSafeInteger(page) && page > 1 ? page - 1 : DEFAULT_JOURNAL_VIEW.page,
    pageSize: (JOURNAL_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_JOURNAL_VIEW.pageSize,
  };
}

function asParams(view: JournalView): Record<keyof JournalView, string> {
  return { ...view, page: String(view.page + 1), pageSize: String(view.pageSize) };
}

/** The query with this view written in, and every other parameter (the open transfer) kept. */
export function withJournalView(params: URLSearchParams, view: JournalView): URLSearchParams {
  const next = new URLSearchParams(params);
  const written = asParams(view);
  const defaults = asParams(DEFAULT_JOURNAL_VIEW);
  for (const key of Object.keys(PARAM) as (keyof JournalView)[]) {
    if (written[key] === defaults[key]) next.delete(PARAM[key]);
    else next.set(PARAM[key], written[key]);
  }
  return next;
}

/** The journal of one account, as the chart of accounts opens it. */
export function journalPathForAccount(code: string): string {
  return `${JOURNAL_PATH}?${new URLSearchParams({ [PARAM.account]: code }).toString()}`;
}

/** What the filter bar says is wrong before anything is asked: the same rules the channel refuses. */
export interface JournalFilterProblems {
  /** The member number is not nine digits with a valid check digit (it is still being typed). */
  memberNumber: boolean;
  /** parseAmount's reason for each amount that does not read in the currency. */
  minAmount: string | null;
  maxAmount: string | null;
  /** The largest amount is below the smallest. */
  amountsReversed: boolean;
  /** The To day is before the From day. */
  daysReversed: boolean;
}

export function journalFilterProblems(values: JournalFilterValues): JournalFilterProblems {
  const read = (text: string) => (values.currency && text.trim() ? checkAmount(text, values.currency) : null);
  const min = read(values.minAmount);
  const max = read(values.maxAmount);
  return {
    memberNumber: values.member.trim() !== '' && !isValidMemberNumber(values.member),
    minAmount: min?.problem ?? null,
    maxAmount: max?.problem ?? null,
    amountsReversed: min?.minor != null && max?.minor != null && max.minor < min.minor,
    daysReversed: isReversedRange(values),
  };
}

export function hasFilterProblem(problems: JournalFilterProblems): boolean {
  return problems.memberNumber || problems.minAmount !== null || problems.maxAmount !== null || problems.amountsReversed || problems.daysReversed;
}

export type JournalQuery = Omit<ChannelInput<'ledger.journal'>, 'offset' | 'limit' | 'beforeId'>;

/** The channel's filters for these values; amounts only with the currency that reads them. */
export function journalQueryFrom(values: JournalFilterValues): JournalQuery {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const query: JournalQuery = {
    accountCode: text(values.account),
    memberNumber: text(values.member),
    kind: text(values.kind),
    actor: text(values.actor),
    ...dayRangeQuery(values),
    currency: text(values.currency),
    minAmount: values.currency ? text(values.minAmount) : undefined,
    maxAmount: values.currency ? text(values.maxAmount) : undefined,
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as JournalQuery;
}

export function isFiltered(values: JournalFilterValues): boolean {
  return FILTER_KEYS.some((key) => values[key] !== '');
}
