import { describe, expect, it } from 'vitest';
import type { ValidatedRow } from '../../../../../src-shared/contract/payouts';
import { codeCounts, NO_ROW_FILTER, rowsShown } from './row-results-view';

// The results step narrows the router's rows by verdict and by code; it never recomputes them.

function row(line: number, status: ValidatedRow['status'], codes: ValidatedRow['problems'][number]['code'][] = []): ValidatedRow {
  return {
    line,
    reference: `R${line}`,
    memberNo: '100000017',
    memberName: null,
    amountText: '1.00',
    amount: 100,
    currency: 'CNY',
    destination: 'wallet',
    note: '',
    status,
    problems: codes.map((code) => ({ line, code, column: null, message: code })),
  };
}

const ROWS = [row(2, 'ok'), row(3, 'error', ['UNKNOWN_MEMBER', 'INVALID_AMOUNT']), row(4, 'warning', ['POSSIBLE_DUPLICATE']), row(5, 'error', ['INVALID_AMOUNT'])];

describe('the row results filter', () => {
  it('shows every row unfiltered, the same array', () => {
    expect(rowsShown(ROWS, NO_ROW_FILTER)).toBe(ROWS);
  });

  it('shows the rows of one verdict, of one code, or of both', () => {
    expect(rowsShown(ROWS, { status: 'error', code: '' }).map((shown) => shown.line)).toEqual([3, 5]);
    expect(rowsShown(ROWS, { status: '', code: 'INVALID_AMOUNT' }).map((shown) => shown.line)).toEqual([3, 5]);
    expect(rowsShown(ROWS, { status: 'warning', code: 'INVALID_AMOUNT' })).toEqual([]);
  });

  it('lists the codes most frequent first, ties by name, and leaves out codes no row has', () => {
    expect(codeCounts({ UNKNOWN_MEMBER: 1, INVALID_AMOUNT: 2, POSSIBLE_DUPLICATE: 1, NOTE_TOO_LONG: 0 })).toEqual([
      { code: 'INVALID_AMOUNT', rows: 2 },
      { code: 'POSSIBLE_DUPLICATE', rows: 1 },
      { code: 'UNKNOWN_MEMBER', rows: 1 },
    ]);
  });
});
