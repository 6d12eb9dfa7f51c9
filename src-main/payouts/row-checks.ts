import { isAppError } from '../../src-shared/errors';
import { isKnownCurrency, parseAmount, POINTS_CURRENCY } from '../../src-shared/money';
import { normalizeMemberNumber } from '../../src-shared/member-number';
import { destinationNamed, NOTE_MAX, REFERENCE_MAX, type PayoutColumn } from '../../src-shared/payouts/columns';
import { rowProblemMessage, type ProblemValues, type RowProblem } from '../../src-shared/row-problem';
import { ROW_CODES, type RowCode } from '../../src-shared/row-codes';
import type { MemberStatus } from '../../src-shared/contract/members';
import type { FileRecord } from './file-records';

// Every check one row of a payout file gets, all of them, in one pass: a row with a missing
// amount, an unknown member and a long note shows all three, so finance fixes the file once.
// Checks that compare rows with each other (DUPLICATE_REFERENCE, POSSIBLE_DUPLICATE) need what
// came before or after; the first is kept here as the rows stream by, the second in file-check.ts,
// which also asks the store once for the whole file whether its references were used before
// (REFERENCE_ALREADY_USED) instead of once a row.

export interface KnownMember {
  id: number;
  name: string;
  status: MemberStatus;
  /** Their default linked bank card's id, where a `bank_card` row is paid; null when they have none. */
  bankCardId: number | null;
}

/** What the checks look up: the batch's terms and the store, behind plain functions. */
export interface PayoutRules {
  /** The batch's currency. */
  currency: string;
  enabledCurrencies: ReadonlySet<string>;
  /** The per-item limit in the batch currency, minor units; null: none. */
  itemLimit: number | null;
  member(memberNumber: string): KnownMember | undefined;
}

export interface CheckedRow {
  line: number;
  reference: string;
  memberNo: string;
  member: KnownMember | null;
  amountText: string;
  amount: number | null;
  currency: string;
  /** `wallet` or `bank_card` once understood, else the text as written. */
  destination: string;
  bankCardId: number | null;
  note: string;
  problems: RowProblem[];
}

/** Where each column sits in the file, and how its header names it. */
export type ColumnMap = ReadonlyMap<PayoutColumn, { index: number; header: string }>;

const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex -- control characters are what a reference may not hold
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Spaces around a value are a spreadsheet's doing, not the person's; tabs are kept (they can be formulas). */
const trimSpaces = (text: string) => text.replace(/^ +| +$/g, '');
const codePoints = (text: string) => [...text].length;
const CODE_ORDER = new Map(ROW_CODES.map((code, index) => [code, index]));

function rowProblem(line: number, columns: ColumnMap, code: RowCode, column: PayoutColumn | null, details?: ProblemValues, why?: string): RowProblem {
  const header = column === null ? null : (columns.get(column)?.header ?? column);
  const fields = { code, column: header, ...(details ? { details } : {}) };
  const message = rowProblemMessage(fields, 'en') + (why ? ` ${why}` : '');
  return { line, ...fields, message };
}

/** A code found once every row was read (a look at the whole file), put in catalogue order. */
export function addRowProblem(row: CheckedRow, columns: ColumnMap, code: RowCode, column: PayoutColumn | null): void {
  const order = CODE_ORDER.get(code)!;
  const at = row.problems.findIndex((problem) => CODE_ORDER.get(problem.code)! > order);
  row.problems.splice(at === -1 ? row.problems.length : at, 0, rowProblem(row.line, columns, code, column));
}

/** The row was read whole: its fields match the header's columns (else it is MALFORMED_ROW alone). */
export function isReadable(row: CheckedRow): boolean {
  return row.problems[0]?.code !== 'MALFORMED_ROW';
}

class RowProblems {
  readonly list: RowProblem[] = [];

  constructor(
    private readonly line: number,
    private readonly columns: ColumnMap,
  ) {}

  add(code: RowCode, column: PayoutColumn | null, details?: ProblemValues, why?: string): void {
    this.list.push(rowProblem(this.line, this.columns, code, column, details, why));
  }

  sorted(): RowProblem[] {
    return this.list.sort((a, b) => CODE_ORDER.get(a.code)! - CODE_ORDER.get(b.code)!);
  }
}

function fieldOf(fields: readonly string[], columns: ColumnMap, column: PayoutColumn): string {
  const at = columns.get(column);
  return at === undefined ? '' : (fields[at.index] ?? '');
}

/** The row's amount in minor units, or null with the reason recorded. */
function checkAmount(text: string, currency: string, problems: RowProblems): number | null {
  if (text === '') return null;
  try {
    return parseAmount(text, currency);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const reason = typeof error.details?.reason === 'string' ? error.details.reason : 'not_a_number';
    problems.add('INVALID_AMOUNT', 'amount', { reason }, error.message);
    return null;
  }
}

/**
 * The row as read and everything wrong with it, except POSSIBLE_DUPLICATE. `seenReferences`
 * holds the references of the rows before it, and gains this one.
 */
export function checkRow(record: FileRecord, columns: ColumnMap, rules: PayoutRules, seenReferences: Set<string>, fieldCount: number): CheckedRow {
  const { line, fields } = record;
  const problems = new RowProblems(line, columns);
  const reference = trimSpaces(fieldOf(fields, columns, 'reference'));
  const memberNo = trimSpaces(fieldOf(fields, columns, 'member_no'));
  const amountText = fieldOf(fields, columns, 'amount').trim();
  const currencyText = fieldOf(fields, columns, 'currency').trim().toUpperCase();
  const destinationText = fieldOf(fields, columns, 'destination');
  const note = fieldOf(fields, columns, 'note');
  const row: CheckedRow = { line, reference, memberNo, member: null, amountText, amount: null, currency: currencyText || rules.currency, destination: destinationText.trim(), bankCardId: null, note, problems: problems.list };
  if (record.brokenQuoting || fields.length !== fieldCount) {
    // The fields cannot be matched to columns, so nothing else about the row can be said.
    problems.add('MALFORMED_ROW', null, { fields: fields.length, expected: fieldCount }, record.brokenQuoting ? 'A quote is not closed.' : `It has ${fields.length} fields; the header has ${fieldCount}.`);
    return row;
  }

  for (const column of ['reference', 'member_no', 'amount'] as const) {
    if (fieldOf(fields, columns, column).trim() === '') problems.add('MISSING_FIELD', column, { field: column });
  }

  if (reference.trim() !== '') {
    if (codePoints(reference) > REFERENCE_MAX || CONTROL.test(reference)) problems.add('INVALID_REFERENCE', 'reference', { max: REFERENCE_MAX });
    if (seenReferences.has(reference)) problems.add('DUPLICATE_REFERENCE', 'reference');
    seenReferences.add(reference);
  }

  let currencyKnown = true;
  if (currencyText !== '' && currencyText !== rules.currency) {
    currencyKnown = isKnownCurrency(currencyText) && currencyText !== POINTS_CURRENCY;
    problems.add(currencyKnown && rules.enabledCurrencies.has(currencyText) ? 'CURRENCY_MISMATCH' : 'UNSUPPORTED_CURRENCY', 'currency', { currency: currencyText });
  }
  row.amount = checkAmount(amountText, currencyKnown && currencyText !== '' ? currencyText : rules.currency, problems);
  if (row.amount !== null && rules.itemLimit !== null && row.amount > rules.itemLimit) problems.add('AMOUNT_OVER_LIMIT', 'amount', { limit: rules.itemLimit });

  const destination = destinationNamed(destinationText);
  if (destination === undefined) problems.add('INVALID_DESTINATION', 'destination', { destination: destinationText.trim() });
  else row.destination = destination;

  if (memberNo.trim() !== '') {
    const member = rules.member(normalizeMemberNumber(memberNo));
    if (!member) problems.add('UNKNOWN_MEMBER', 'member_no');
    else {
      row.member = member;
      if (member.status !== 'active') problems.add('MEMBER_NOT_ACTIVE', 'member_no', { status: member.status });
      if (destination === 'bank_card') {
        row.bankCardId = member.bankCardId;
        if (row.bankCardId === null) problems.add('NO_BANK_CARD', 'destination');
      }
    }
  }

  if (codePoints(note) > NOTE_MAX) problems.add('NOTE_TOO_LONG', 'note', { max: NOTE_MAX });
  for (const [column, text] of [['reference', reference], ['member_no', memberNo], ['note', note]] as const) {
    if (FORMULA_START.test(text)) problems.add('FORMULA_TEXT', column);
  }
  problems.sorted();
  return row;
}
