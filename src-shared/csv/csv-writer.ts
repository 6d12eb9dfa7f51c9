import Papa from 'papaparse';
import { toDecimalString } from '../money';

// Every CSV Paydesk writes goes through here, so each file reads the same in a spreadsheet and in
// a script: amounts as plain decimals in major units, moments in the local zone, text that cannot
// turn into a formula, UTF-8 with a BOM. Papaparse does the quoting (RFC 4180, CRLF lines).

interface Header {
  /** The column's title in the reader's language. */
  header: string;
}

/** Words, codes and names. Written as they are, but never as a formula. */
export interface CsvTextColumn<R> extends Header {
  kind: 'text';
  value: (row: R) => string | null;
}

/** Integer minor units, written in major units with the currency's digits ("60957591.50", PTS "1500"). */
export interface CsvAmountColumn<R> extends Header {
  kind: 'amount';
  minor: (row: R) => number | null;
  currency: (row: R) => string;
}

/** An ISO instant, written in the local zone as "2026-12-01 15:46:07", which spreadsheets read as a date and time. */
export interface CsvDateTimeColumn<R> extends Header {
  kind: 'dateTime';
  value: (row: R) => string | null;
}

/** A count, written as digits. */
export interface CsvIntegerColumn<R> extends Header {
  kind: 'integer';
  value: (row: R) => number | null;
}

export type CsvColumn<R> = CsvTextColumn<R> | CsvAmountColumn<R> | CsvDateTimeColumn<R> | CsvIntegerColumn<R>;

/** Excel reads a CSV as UTF-8 only when the file opens with a byte order mark. */
export const BYTE_ORDER_MARK = '\uFEFF';

// Cells a spreadsheet would run as a formula (OWASP, "CSV Injection"): the apostrophe makes them text.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALIZED = "'";

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? NEUTRALIZED + text : text;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The day in the local zone as YYYY-MM-DD, for file names. */
export function localDate(at: Date): string {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function localDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`localDateTime: "${iso}" is not an ISO time.`);
  return `${localDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

function cell<R>(column: CsvColumn<R>, row: R): string {
  switch (column.kind) {
    case 'text': {
      const text = column.value(row);
      return text === null ? '' : neutralizeFormula(text);
    }
    case 'amount': {
      const minor = column.minor(row);
      // A negative amount starts with "-" but is a number, so it is not neutralized.
      return minor === null ? '' : toDecimalString(minor, column.currency(row));
    }
    case 'dateTime': {
      const iso = column.value(row);
      return iso === null ? '' : localDateTime(iso);
    }
    case 'integer': {
      const count = column.value(row);
      if (count !== null && !Number.isSafeInteger(count)) throw new Error(`cell: ${count} is not an integer.`);
      return count === null ? '' : String(count);
    }
  }
}

// A neutralized cell is also quoted, as OWASP advises; no amount or date ever starts with "'".
const quoteNeutralized = (value: unknown) => typeof value === 'string' && value.startsWith(NEUTRALIZED);

/** The whole file: BOM, a header row, one line per row, CRLF between lines. */
export function writeCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const header = columns.map((column) => neutralizeFormula(column.header));
  const body = rows.map((row) => columns.map((column) => cell(column, row)));
  const text = Papa.unparse([header, ...body], { quotes: quoteNeutralized });
  return BYTE_ORDER_MARK + text;
}

/**
 * One line of a file written a line at a time (report exports stream every row), CRLF included.
 * The cells are already text, text cells already neutralized; the quoting is writeCsv's.
 */
export function csvLine(cells: readonly string[]): string {
  return Papa.unparse([cells], { quotes: quoteNeutralized }) + '\r\n';
}

/** "chart-of-accounts-2026-12-01.csv": what the file holds and the day, in the local zone, it was written. */
export function csvFileName(subject: string, at: Date = new Date()): string {
  return `${subject}-${localDate(at)}.csv`;
}
