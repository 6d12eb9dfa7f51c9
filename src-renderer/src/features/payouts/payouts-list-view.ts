import { BATCH_STATUSES, type BatchStatus } from '../../../../src-shared/contract/payouts';

// What the payouts list shows (a status, a page) lives in the URL's query, so opening a batch and
// pressing Back finds the list as it was left. Defaults stay out of the URL.

export const PAYOUTS_PAGE_SIZES = [25, 50, 100] as const;

export interface PayoutsListView {
  status: BatchStatus | '';
  /** 0-based, as the grid counts. */
  page: number;
  pageSize: number;
}

export const DEFAULT_PAYOUTS_VIEW: PayoutsListView = { status: '', page: 0, pageSize: 25 };

const PARAM = { status: 'status', page: 'page', pageSize: 'size' } as const;

export function payoutsViewFrom(params: URLSearchParams): PayoutsListView {
  const status = params.get(PARAM.status);
  const page = Number(params.get(PARAM.page));
  const size = Number(params.get(PARAM.pageSize));
  return {
    status: (BATCH_STATUSES as readonly (string | null)[]).includes(status) ? (status as BatchStatus) : '',
    page: Number.isSafeInteger(page) && page > 1 ? page - 1 : DEFAULT_PAYOUTS_VIEW.page,
    pageSize: (PAYOUTS_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAYOUTS_VIEW.pageSize,
  };
}

/** The query with this view written in, and every other parameter kept. */
export function withPayoutsView(params: URLSearchParams, view: PayoutsListView): URLSearchParams {
  const next = new URLSearchParams(params);
  const written = { status: view.status, page: String(view.page + 1), pageSize: String(view.pageSize) };
  const defaults = { status: '', page: '1', pageSize: String(DEFAULT_PAYOUTS_VIEW.pageSize) };
  for (const key of Object.keys(PARAM) as (keyof PayoutsListView)[]) {
    if (written[key] === defaults[key]) next.delete(PARAM[key]);
    else next.set(PARAM[key], written[key]);
  }
  return next;
}
