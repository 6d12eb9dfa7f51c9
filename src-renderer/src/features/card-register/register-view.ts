import { CARD_STATES, type CardState } from '../../../../src-shared/contract/cards';

// What the cards register shows (search, program, state, page) lives in the URL's query, as the
// members list keeps it, so opening a member and pressing Back finds the register as it was left.
// Defaults stay out of the URL; a value that cannot be read falls back to its default.

export const CARDS_PATH = '/cards';
export const REGISTER_PAGE_SIZES = [25, 50, 100] as const;

export interface RegisterView {
  /** A member number, part of a name, or a card's last four digits. */
  query: string;
  /** A program's id as text; '' for any. */
  programId: string;
  state: CardState | '';
  /** 0-based, as the grid counts. */
  page: number;
  pageSize: number;
}

export const DEFAULT_REGISTER_VIEW: RegisterView = { query: '', programId: '', state: '', page: 0, pageSize: 50 };

const PARAM = { query: 'q', programId: 'program', state: 'state', page: 'page', pageSize: 'size' } as const;

export function registerViewFrom(params: URLSearchParams): RegisterView {
  const page = Number(params.get(PARAM.page));
  const size = Number(params.get(PARAM.pageSize));
  const programId = params.get(PARAM.programId) ?? '';
  const state = params.get(PARAM.state);
  return {
    query: params.get(PARAM.query) ?? '',
    programId: /^[1-9]\d*$/.test(programId) ? programId : '',
    state: (CARD_STATES as readonly (string | null)[]).includes(state) ? (state as CardState) : '',
    page: Number.isSafeInteger(page) && page > 1 ? page - 1 : DEFAULT_REGISTER_VIEW.page,
    pageSize: (REGISTER_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_REGISTER_VIEW.pageSize,
  };
}

function asParams(view: RegisterView): Record<keyof RegisterView, string> {
  return { query: view.query, programId: view.programId, state: view.state, page: String(view.page + 1), pageSize: String(view.pageSize) };
}

/** The query with this view written in, and every other parameter kept. */
export function withRegisterView(params: URLSearchParams, view: RegisterView): URLSearchParams {
  const next = new URLSearchParams(params);
  const written = asParams(view);
  const defaults = asParams(DEFAULT_REGISTER_VIEW);
  for (const key of Object.keys(PARAM) as (keyof RegisterView)[]) {
    if (written[key] === defaults[key]) next.delete(PARAM[key]);
    else next.set(PARAM[key], written[key]);
  }
  return next;
}

export function isFiltered(view: RegisterView): boolean {
  return view.query.trim() !== '' || view.programId !== '' || view.state !== '';
}
