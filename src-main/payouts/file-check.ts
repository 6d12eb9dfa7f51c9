import { createHash } from 'node:crypto';
import type { FileFacts, ValidatedRow, ValidationReport } from '../../src-shared/contract/payouts';
import { columnNamed, REQUIRED_COLUMNS, type PayoutColumn } from '../../src-shared/payouts/columns';
import { importCodeSeverity, rowVerdict, type FileCode } from '../../src-shared/row-codes';
import { rowProblemMessage, type FileProblem, type ProblemValues } from '../../src-shared/row-problem';
import { decodeFile } from './file-decoding';
import { normalizeMemberNumber } from '../../src-shared/member-number';
import { MAX_DATA_ROWS, readRecords, type FileRecord } from './file-records';
import { addRowProblem, checkRow, isReadable, type CheckedRow, type ColumnMap, type KnownMember, type PayoutRules } from './row-checks';

// A payout file from bytes to a verdict on the file and on every row: decode, read the records,
// find the columns, check each row as it streams by, then what needs every row seen: the
// references earlier batches used and the possible duplicates, each asked of the store in one
// query for the whole file (a 100,000-row file would otherwise ask 100,000 times). Nothing here
// writes; importing keeps what this answers.

export interface MemberAmount {
  memberId: number;
  amount: number;
}

/** How the duplicate checks name a member and an amount. */
export function memberAmountKey({ memberId, amount }: MemberAmount): string {
  return `${memberId}:${amount}`;
}

export interface FileRules extends Omit<PayoutRules, 'member'> {
  /** The members these numbers name, found in one pass over the sorted numbers. */
  members(memberNumbers: ReadonlySet<string>): ReadonlyMap<string, KnownMember>;
  /** An earlier batch had a file with this SHA-256. */
  fileImported(sha256: string): boolean;
  /** Of these references, the ones a payable item of an earlier batch, neither cancelled nor rejected, has. */
  referencesUsed(references: ReadonlySet<string>): ReadonlySet<string>;
  /** Of these, the keys (memberAmountKey) of the amounts paid to the member by a payout in the last 7 days. */
  paidRecently(candidates: readonly MemberAmount[]): ReadonlySet<string>;
}

export interface FileVerdict {
  report: ValidationReport;
  /** The rows as checked, for the import to keep. */
  rows: CheckedRow[];
}

function fileProblem(code: FileCode, column: string | null, details?: ProblemValues): FileProblem {
  const fields = { code, column, ...(details ? { details } : {}) };
  return { ...fields, message: rowProblemMessage(fields, 'en') };
}

/** Where each known column is; every other header cell is an UNKNOWN_COLUMN warning. */
function mapColumns(header: readonly string[], problems: FileProblem[]): ColumnMap {
  const columns = new Map<PayoutColumn, { index: number; header: string }>();
  header.forEach((cell, index) => {
    const name = cell.trim();
    if (name === '') return;
    const column = columnNamed(name);
    // A column named twice: the first one counts, the second is ignored and said so.
    if (column === undefined || columns.has(column)) problems.push(fileProblem('UNKNOWN_COLUMN', name));
    else columns.set(column, { index, header: name });
  });
  for (const column of REQUIRED_COLUMNS) if (!columns.has(column)) problems.push(fileProblem('MISSING_COLUMN', column));
  return columns;
}

/**
 * REFERENCE_ALREADY_USED on every row read whole whose reference a payable item of an earlier
 * batch has, DUPLICATE_REFERENCE or not: a row gets all its codes.
 */
function markReferencesUsed(rows: CheckedRow[], columns: ColumnMap, rules: FileRules): void {
  const referenced = rows.filter((row) => row.reference.trim() !== '' && isReadable(row));
  const used = rules.referencesUsed(new Set(referenced.map((row) => row.reference)));
  if (used.size === 0) return;
  for (const row of referenced) if (used.has(row.reference)) addRowProblem(row, columns, 'REFERENCE_ALREADY_USED', 'reference');
}

/**
 * POSSIBLE_DUPLICATE on every row whose member and amount also appear on another row of the file,
 * or were paid to that member in the last 7 days. Rows are compared by member (the number as
 * looked up, so `10000001-7` and `100000017` are one member) and amount in minor units.
 */
function markPossibleDuplicates(rows: CheckedRow[], columns: ColumnMap, rules: FileRules): void {
  const keyOf = (row: CheckedRow) => (row.member && row.amount !== null ? memberAmountKey({ memberId: row.member.id, amount: row.amount }) : null);
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  // Only a pair the file has once needs the store to make it a possible duplicate.
  const once = rows.filter((row) => seen.get(keyOf(row) ?? '') === 1).map((row) => ({ memberId: row.member!.id, amount: row.amount! }));
  const paid = rules.paidRecently(once);
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null && (seen.get(key)! > 1 || paid.has(key))) addRowProblem(row, columns, 'POSSIBLE_DUPLICATE', null);
  }
}

function validatedRow(row: CheckedRow): ValidatedRow {
  return {
    line: row.line,
    reference: row.reference,
    memberNo: row.memberNo,
    memberName: row.member?.name ?? null,
    amountText: row.amountText,
    amount: row.amount,
    currency: row.currency,
    destination: row.destination,
    note: row.note,
    status: rowVerdict(row.problems),
    problems: row.problems,
  };
}

function totalsOf(rows: readonly ValidatedRow[]): ValidationReport['totals'] {
  const totals = { rows: rows.length, ok: 0, warning: 0, error: 0, payableCount: 0, payableAmount: 0, byCode: {} as Record<string, number> };
  for (const row of rows) {
    totals[row.status] += 1;
    if (row.status !== 'error') {
      totals.payableCount += 1;
      totals.payableAmount += row.amount!;
    }
    for (const code of new Set(row.problems.map((problem) => problem.code))) totals.byCode[code] = (totals.byCode[code] ?? 0) + 1;
  }
  return totals;
}

/**
 * Every record's own checks. The members are looked up first, all at once and in number order:
 * a file names members in any order, and one lookup a row in that order would read the members'
 * pages at random, decrypting most of them again and again.
 */
function checkRows(records: readonly FileRecord[], columns: ColumnMap, fieldCount: number, rules: FileRules): CheckedRow[] {
  const at = columns.get('member_no')!.index;
  const numbers = new Set(records.map((record) => normalizeMemberNumber(record.fields[at] ?? '')));
  const known = rules.members(numbers);
  const rowRules: PayoutRules = { ...rules, member: (memberNumber) => known.get(memberNumber) };
  const seenReferences = new Set<string>();
  return records.map((record) => checkRow(record, columns, rowRules, seenReferences, fieldCount));
}

/** The file's verdict. `rules.currency` is the batch currency. */
export function checkPayoutFile(bytes: Uint8Array, rules: FileRules): FileVerdict {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileProblems: FileProblem[] = [];
  const facts: FileFacts = { encoding: null, delimiter: null, rows: 0, sha256, columns: [] };
  const verdict = (rows: CheckedRow[]): FileVerdict => {
    const validated = rows.map(validatedRow);
    const importable = !fileProblems.some((problem) => importCodeSeverity(problem.code) === 'error');
    return { report: { file: facts, currency: rules.currency, importable, fileProblems, rows: validated, totals: totalsOf(validated) }, rows };
  };

  if (bytes.length === 0) {
    fileProblems.push(fileProblem('EMPTY_FILE', null));
    return verdict([]);
  }
  const decoded = decodeFile(bytes);
  if (decoded.text === null) {
    fileProblems.push(fileProblem('UNSUPPORTED_ENCODING', null));
    return verdict([]);
  }
  facts.encoding = decoded.encoding;

  // The header comes first, so the columns are known before the first data record arrives.
  let columns: ColumnMap | undefined;
  let fieldCount = 0;
  const records: FileRecord[] = [];
  const stream = readRecords(decoded.text, (record) => {
    if (columns !== undefined) records.push(record);
  }, (header) => {
    facts.columns = header.fields.map((cell) => cell.trim());
    fieldCount = header.fields.length;
    columns = mapColumns(header.fields, fileProblems);
    // Without a required column no row can be paid: the rows are not checked one by one.
    if (fileProblems.some((problem) => problem.code === 'MISSING_COLUMN')) columns = undefined;
  });
  facts.delimiter = stream.delimiter;
  facts.rows = Math.min(stream.dataRows, MAX_DATA_ROWS);
  if (stream.tooManyRows) {
    fileProblems.push(fileProblem('TOO_MANY_ROWS', null, { max: MAX_DATA_ROWS }));
    return verdict([]);
  }
  if (stream.dataRows === 0) {
    fileProblems.push(fileProblem('EMPTY_FILE', null));
    return verdict([]);
  }
  if (columns === undefined) return verdict([]);
  const rows = checkRows(records, columns, fieldCount, rules);
  if (rules.fileImported(sha256)) fileProblems.push(fileProblem('FILE_ALREADY_IMPORTED', null));
  markReferencesUsed(rows, columns, rules);
  markPossibleDuplicates(rows, columns, rules);
  return verdict(rows);
}
