import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/errors';
import { ROW_CODE_MESSAGES } from '../../src-shared/row-code-messages';
import { FILE_CODES, FILE_WARNING_CODES, importCodeSeverity, ROW_CODES, ROW_WARNING_CODES } from '../../src-shared/row-codes';
import { fileProblemSchema, fillPlaceholders, placeholdersOf, rowProblemMessage, rowProblemSchema } from '../../src-shared/row-problem';

// The catalogue of row and file codes is a stable interface (scripts read the codes, people read
// the messages): these are its rules.

const ALL_CODES = [...ROW_CODES, ...FILE_CODES];
const LANGUAGES = ['en', 'zh-CN'] as const;

describe('row and file codes', () => {
  it('are unique across rows and files', () => {
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
    expect(ALL_CODES).toHaveLength(22);
  });

  it('are UPPER_SNAKE', () => {
    expect(ALL_CODES.filter((code) => !/^[A-Z]+(?:_[A-Z]+)*$/.test(code))).toEqual([]);
  });

  it('share with the router\'s error codes only the two that issues 10 and 11 both name, meaning the same: CURRENCY_MISMATCH and MEMBER_NOT_ACTIVE', () => {
    expect(ALL_CODES.filter((code) => (ERROR_CODES as readonly string[]).includes(code))).toEqual(['CURRENCY_MISMATCH', 'MEMBER_NOT_ACTIVE']);
  });

  it('mark only POSSIBLE_DUPLICATE, FORMULA_TEXT, UNKNOWN_COLUMN and FILE_ALREADY_IMPORTED as warnings', () => {
    expect(ALL_CODES.filter((code) => importCodeSeverity(code) === 'warning')).toEqual([...ROW_WARNING_CODES, ...FILE_WARNING_CODES]);
    expect(importCodeSeverity('INVALID_AMOUNT')).toBe('error');
    expect(importCodeSeverity('EMPTY_FILE')).toBe('error');
  });
});

describe('row code messages', () => {
  it.each(LANGUAGES)('give every code a sentence in %s, and nothing else', (language) => {
    const messages = ROW_CODE_MESSAGES[language];
    expect(Object.keys(messages).sort()).toEqual([...ALL_CODES].sort());
    expect(ALL_CODES.filter((code) => messages[code].trim().length < 10)).toEqual([]);
  });

  it('are written for each language, not copied from English', () => {
    expect(ALL_CODES.filter((code) => ROW_CODE_MESSAGES['zh-CN'][code] === ROW_CODE_MESSAGES.en[code])).toEqual([]);
  });

  it('quote the same {{placeholders}} in both languages, and only the column', () => {
    for (const code of ALL_CODES) {
      expect(placeholdersOf(ROW_CODE_MESSAGES['zh-CN'][code]), code).toEqual(placeholdersOf(ROW_CODE_MESSAGES.en[code]));
    }
    expect(new Set(ALL_CODES.flatMap((code) => placeholdersOf(ROW_CODE_MESSAGES.en[code])))).toEqual(new Set(['column']));
  });
});

describe('fillPlaceholders', () => {
  it('replaces every {{name}} with its value, numbers as written', () => {
    expect(fillPlaceholders('{{column}} on line {{line}}; {{column}} again', { column: '金额', line: 12 })).toBe('金额 on line 12; 金额 again');
  });

  it('leaves a template without placeholders as it is', () => {
    expect(fillPlaceholders('No member has this member number.', { column: 'member_no' })).toBe('No member has this member number.');
  });

  it('refuses to leave braces in a message when a value is missing', () => {
    expect(() => fillPlaceholders('The field “{{column}}” is empty.', {})).toThrow('no value for {{column}}');
  });
});

describe('rowProblemMessage', () => {
  it('fills the column into the message of the reader\'s language', () => {
    expect(rowProblemMessage({ code: 'FORMULA_TEXT', column: 'note' }, 'en')).toMatch(/^The field “note” starts with =, \+, -, @/);
    expect(rowProblemMessage({ code: 'MISSING_COLUMN', column: 'member_no' }, 'zh-CN')).toBe('表头缺少必需的“member_no”列。');
  });

  it('prefers the problem\'s column over a detail of the same name', () => {
    expect(rowProblemMessage({ code: 'UNKNOWN_COLUMN', column: 'Remark', details: { column: 'other' } }, 'en')).toBe(
      'The column “Remark” is not one Paydesk knows, so it is ignored.',
    );
  });
});

describe('rowProblemSchema', () => {
  const valid = { line: 2, code: 'MISSING_FIELD', column: 'amount', message: 'The required field “amount” is empty.' };

  it('accepts a row problem with its line, code, column and message', () => {
    expect(rowProblemSchema.parse({ ...valid, details: { field: 'amount' } })).toEqual({ ...valid, details: { field: 'amount' } });
  });

  it('refuses the header line, a file code and an unknown code', () => {
    expect(rowProblemSchema.safeParse({ ...valid, line: 1 }).success).toBe(false);
    expect(rowProblemSchema.safeParse({ ...valid, code: 'EMPTY_FILE' }).success).toBe(false);
    expect(rowProblemSchema.safeParse({ ...valid, code: 'AMOUNT_INVALID' }).success).toBe(false);
  });

  it('refuses a problem whose message would quote a column it does not name', () => {
    const result = rowProblemSchema.safeParse({ ...valid, column: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['column']]);
  });

  it('accepts a problem with no column when its message quotes none', () => {
    expect(rowProblemSchema.safeParse({ line: 9, code: 'MALFORMED_ROW', column: null, message: 'x' }).success).toBe(true);
  });
});

describe('fileProblemSchema', () => {
  it('accepts a file code without a line and refuses a row code', () => {
    expect(fileProblemSchema.safeParse({ code: 'MISSING_COLUMN', column: 'amount', message: 'x' }).success).toBe(true);
    expect(fileProblemSchema.safeParse({ code: 'MISSING_COLUMN', column: null, message: 'x' }).success).toBe(false);
    expect(fileProblemSchema.safeParse({ code: 'INVALID_AMOUNT', column: 'amount', message: 'x' }).success).toBe(false);
  });
});
