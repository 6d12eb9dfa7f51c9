import { ITEM_STATUSES, ROW_STATUSES, type ItemStatus, type RowStatus } from '../../../../../src-shared/contract/payouts';
import { ROW_CODES, type RowCode } from '../../../../../src-shared/row-codes';

// What the batch page shows (its tab, the items' filters and page) lives in the URL's query, as
// the card register keeps it, so a reviewer who opens a member and presses Back finds the rows
// they were looking at. Defaults stay out of the URL; a value that cannot be read is its default.

export const BATCH_TABS = ['items', 'timeline'] as const;
export type BatchTab = (typeof BATCH_TABS)[number];

export const ITEM_PAGE_SIZES = [50, 100, 500] as const;

export interface ItemsView {
  tab: BatchTab;
  status: ItemStatus | '';
  verdict: RowStatus | '';
  code: RowCode | '';
  /** 0-based, as the grid counts. */
  page: number;
  pageSize: number;
}

export const DEFAULT_ITEMS_VIEW: ItemsView = { tab: 'items', status: '', verdict: '', code: '', page: 0, pageSize: 100 };

const PARAM = { tab: 'tab', status: 'status', verdict: 'verdict', code: 'code', page: 'page', pageSize: 'size' } as const;

function oneOf<T extends string>(choices: readonly T[], value: string | null, fallback: T | ''): T | '' {
  return (choices as readonly (string | null)[]).includes(value) ? (value as T) : fallback;
}

export function itemsViewFrom(params: URLSearchParams): ItemsView {
  const page = Number(params.get(PARAM.page));
  const size = Number(params.get(PARAM.pageSize));
  return {
    tab: (oneOf(BATCH_TABS, params.get(PARAM.tab), DEFAULT_ITEMS_VIEW.tab) || DEFAULT_ITEMS_VIEW.tab) as BatchTab,
    status: oneOf(ITEM_STATUSES, params.get(PARAM.status), ''),
    verdict: oneOf(ROW_STATUSES, params.get(PARAM.verdict), ''),
    code: oneOf(ROW_CODES, params.get(PARAM.code), ''),
    page: Number.isSafeInteger(page) && page > 1 ? page - 1 : DEFAULT_ITEMS_VIEW.page,
    pageSize: (ITEM_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_ITEMS_VIEW.pageSize,
  };
}

function asParams(view: ItemsView): Record<keyof ItemsView, string> {
  return { tab: view.tab, status: view.status, verdict: view.verdict, code: view.code, page: String(view.page + 1), pageSize: String(view.pageSize) };
}

/** The query with this view written in, and every other parameter kept. */
export function withItemsView(params: URLSearchParams, view: ItemsView): URLSearchParams {
  const next = new URLSearchParams(params);
  const written = asParams(view);
  const defaults = asParams(DEFAULT_ITEMS_VIEW);
  for (const key of Object.keys(PARAM) as (keyof ItemsView)[]) {
    if (written[key] === defaults[key]) next.delete(PARAM[key]);
    else next.set(PARAM[key], written[key]);
  }
  return next;
}

export function isFiltered(view: ItemsView): boolean {
  return view.status !== '' || view.verdict !== '' || view.code !== '';
}
