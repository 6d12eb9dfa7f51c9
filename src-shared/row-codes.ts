// Codes for the problems found in an imported file, row by row (payout CSV files first, issue 11).
// They are not router errors: a channel that validates a file answers ok, and its value carries a
// list of these problems, every code of every row, so finance can fix the whole file in one pass.
// Keeping them out of ERROR_CODES means a row code can never be thrown as an AppError, and a screen
// never mistakes "line 12 has no amount" for "your request was refused". A name may appear in both
// catalogues (CURRENCY_MISMATCH) with its own meaning in each. The codes are stable: scripts read
// them from `paydesk payouts validate --json`.

/** The row cannot be paid; it is left out when the batch is submitted. */
export const ROW_ERROR_CODES = [
  'MISSING_FIELD',
  'INVALID_REFERENCE',
  'INVALID_AMOUNT',
  'UNSUPPORTED_CURRENCY',
  'CURRENCY_MISMATCH',
  'UNKNOWN_MEMBER',
  'MEMBER_NOT_ACTIVE',
  'INVALID_DESTINATION',
  'NO_BANK_CARD',
  'DUPLICATE_REFERENCE',
  'REFERENCE_ALREADY_USED',
  'AMOUNT_OVER_LIMIT',
  'NOTE_TOO_LONG',
  'MALFORMED_ROW',
] as const;

/** The row can be paid, but the reviewer must see why it stands out. */
export const ROW_WARNING_CODES = ['POSSIBLE_DUPLICATE', 'FORMULA_TEXT'] as const;

export const ROW_CODES = [...ROW_ERROR_CODES, ...ROW_WARNING_CODES] as const;
export type RowCode = (typeof ROW_CODES)[number];

/** The file as a whole cannot be imported. */
export const FILE_ERROR_CODES = ['EMPTY_FILE', 'MISSING_COLUMN', 'UNSUPPORTED_ENCODING', 'TOO_MANY_ROWS'] as const;

/** The file can be imported, but the person importing it must see this. */
export const FILE_WARNING_CODES = ['UNKNOWN_COLUMN', 'FILE_ALREADY_IMPORTED'] as const;

export const FILE_CODES = [...FILE_ERROR_CODES, ...FILE_WARNING_CODES] as const;
export type FileCode = (typeof FILE_CODES)[number];

/** Every code the validation of an imported file can report, on a row or on the file. */
export type ImportCode = RowCode | FileCode;

export type ImportSeverity = 'error' | 'warning';

const WARNING_CODES: ReadonlySet<ImportCode> = new Set([...ROW_WARNING_CODES, ...FILE_WARNING_CODES]);

/** A row with only warnings is still paid and a file with only warnings still imports; one error stops either. */
export function importCodeSeverity(code: ImportCode): ImportSeverity {
  return WARNING_CODES.has(code) ? 'warning' : 'error';
}

/** A row's verdict from its codes: one error leaves it out, warnings alone still pay it. */
export function rowVerdict(codes: readonly { code: ImportCode }[]): 'ok' | 'warning' | 'error' {
  if (codes.some((problem) => importCodeSeverity(problem.code) === 'error')) return 'error';
  return codes.length > 0 ? 'warning' : 'ok';
}
