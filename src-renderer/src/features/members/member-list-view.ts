import { MEMBER_SORTS, MEMBER_STATUSES, type MemberStatus } from '../../../../src-shared/contract/members';
import { tierIdSchema } from '../../../../src-shared/settings/loyalty-settings';

// What the members list shows (search, status, tier, sort, page) lives in the URL's query, as react-admin
// keeps it, so opening a member and pressing Back finds the list exactly as it was left. Defaults
// stay out of the URL; a value that cannot be read (an old or hand-edited link) falls back to its
// default instead of failing. The page is 1-based in the URL, as the reader counts.

export type MemberSort = (typeof MEMBER_SORTS)[number];
export const MEMBER_PAGE_SIZES = [25, 50, 100] as const;

export interface MemberListView {
  query: string;
  status: MemberStatus | '';
  /** A tier id; '' for any. An id the rules no longer hold simply finds nobody. */
  tier: string;
  sort: MemberSort;
  direction: 'asc' | 'desc';
  /** 0-based, as the grid counts. */
  page: number;
  pageSize: number;
}

export const DEFAULT_MEMBER_LIST_VIEW: MemberListView = { query: '', status: '', tier: '', sort: 'memberNumber', direction: 'asc', page: 0, pageSize: 50 };

const PARAM = { query: 'q', status: 'status', tier: 'tier', sort: 'sort', direction: 'dir', page: 'page', pageSize: 'size' } as const;

function oneOf<T extends string | number>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function memberListViewFrom(params: URLSearchParams): MemberListView {
  const defaults = DEFAULT_MEMBER_LIST_VIEW;
  const page = Number(params.get(PARAM.page));
  return {
    query: params.get(PARAM.query) ?? defaults.query,
    status: oneOf(MEMBER_STATUSES, params.get(PARAM.status), defaults.status),
    tier: tierIdSchema.safeParse(params.get(PARAM.tier)).data ?? defaults.tier,
    sort: oneOf(MEMBER_SORTS, params.get(PARAM.sort), defaults.sort),
    direction: oneOf(['asc', 'desc'] as const, params.get(PARAM.direction), defaults.direction),
    page: Number.isSafeInteger(page) && page > 1 ? page - 1 : defaults.page,
    pageSize: oneOf(MEMBER_PAGE_SIZES, Number(params.get(PARAM.pageSize)), defaults.pageSize),
  };
}

function asParams(view: MemberListView): Record<keyof MemberListView, string> {
  return { query: view.query, status: view.status, tier: view.tier, sort: view.sort, direction: view.direction, page: String(view.page + 1), pageSize: String(view.pageSize) };
}

/** The query with this view written in, and every other parameter (the open member) kept. */
export function withMemberListView(params: URLSearchParams, view: MemberListView): URLSearchParams {
  const next = new URLSearchParams(params);
  const written = asParams(view);
  const defaults = asParams(DEFAULT_MEMBER_LIST_VIEW);
  for (const key of Object.keys(PARAM) as (keyof MemberListView)[]) {
    if (written[key] === defaults[key]) next.delete(PARAM[key]);
    else next.set(PARAM[key], written[key]);
  }
  return next;
}
