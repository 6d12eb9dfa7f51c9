import { describe, expect, it } from 'vitest';
import type { FileProblem, RowProblem } from '../../../src-shared/row-problem';
import { rowProblemText } from './row-problem-text';

describe('rowProblemText', () => {
  it('names the empty field of MISSING_FIELD in English and Chinese', () => {
    const problem: RowProblem = { line: 7, code: 'MISSING_FIELD', column: 'amount', message: 'Row 7: amount is empty.' };
    expect(rowProblemText(problem, 'en')).toBe('The required field “amount” is empty.');
    expect(rowProblemText(problem, 'zh-CN')).toBe('必填字段“amount”为空。');
  });

  it('says why a file-level problem stops the import', () => {
    const problem: FileProblem = { code: 'TOO_MANY_ROWS', column: null, message: 'x', details: { rows: 100_001 } };
    expect(rowProblemText(problem, 'zh-CN')).toBe('文件的数据行超过 100,000 行，请拆分成较小的文件。');
  });

  it('shows the catalogue\'s words, never the main process\'s message', () => {
    const problem: RowProblem = { line: 2, code: 'UNKNOWN_MEMBER', column: 'member_no', message: 'member 10000001 not in members table' };
    expect(rowProblemText(problem, 'en')).toBe('No member has this member number.');
  });

  it('falls back to English for a language Paydesk does not ship', () => {
    const problem: RowProblem = { line: 3, code: 'NO_BANK_CARD', column: 'destination', message: 'x' };
    expect(rowProblemText(problem, 'fr')).toBe('The member has no default linked bank card to pay to.');
  });
});
