import type { RowStatus, ValidatedRow } from '../../../../../src-shared/contract/payouts';
import type { RowCode } from '../../../../../src-shared/row-codes';

// What the results step shows of a validated file: every row, or those of one status, or those
// carrying one code. The filters only narrow what the router answered; nothing is recomputed.

export interface RowResultsFilter {
  status: RowStatus | '';
  code: RowCode | '';
}

export const NO_ROW_FILTER: RowResultsFilter = { status: '', code: '' };

export function rowsShown(rows: readonly ValidatedRow[], filter: RowResultsFilter): readonly ValidatedRow[] {
  if (filter.status === '' && filter.code === '') return rows;
  return rows.filter((row) => (filter.status === '' || row.status === filter.status) && (filter.code === '' || row.problems.some((problem) => problem.code === filter.code)));
}

/** The codes found, most frequent first (ties by name, so the chips keep their places), with how many rows carry each. */
export function codeCounts(byCode: Readonly<Record<string, number>>): { code: RowCode; rows: number }[] {
  return Object.entries(byCode)
    .filter(([, rows]) => rows > 0)
    .map(([code, rows]) => ({ code: code as RowCode, rows }))
    .sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code));
}
