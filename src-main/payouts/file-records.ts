import Papa from 'papaparse';
import { DELIMITERS, type Delimiter } from '../../src-shared/contract/payouts';

// A decoded payout file as a stream of records, each with the line it starts on. papaparse does
// RFC 4180 (quoted commas, doubled quotes, line breaks inside quotes) and guesses the delimiter
// among comma, semicolon and tab; this file adds what a reviewer needs on top: the file line of
// each record (a quoted line break makes a record span lines, and blank lines are skipped, so it
// is not a row count) and whether the record could be read at all.

/** The most data rows one file may have (TOO_MANY_ROWS above). */
export const MAX_DATA_ROWS = 100_000;

export interface FileRecord {
  /** The file line the record starts on, the first line being 1. */
  line: number;
  fields: string[];
  /** A quote was left open or stood inside an unquoted field: the fields cannot be trusted. */
  brokenQuoting: boolean;
}

export interface RecordStream {
  delimiter: Delimiter;
  /** The first record: the column names. Undefined for a file with no records at all. */
  header: FileRecord | undefined;
  /** Data records read (blank ones not counted), up to one past MAX_DATA_ROWS. */
  dataRows: number;
  tooManyRows: boolean;
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/** Counts line breaks between two offsets: LF, CRLF (counted at its LF) and a lone CR. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE || (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== NEWLINE)) count += 1;
  }
  return count;
}

function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/**
 * Blank and whitespace-only lines are skipped; the first record left goes to `onHeader`, each
 * later one to `onRecord`, in order, as papaparse reads them.
 */
export function readRecords(text: string, onRecord: (record: FileRecord) => void, onHeader: (header: FileRecord) => void): RecordStream {
  let cursor = 0;
  let line = 1;
  let header: FileRecord | undefined;
  let dataRows = 0;
  let tooManyRows = false;
  let delimiter: Delimiter = ',';
  Papa.parse<string[]>(text, {
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: false,
    step: (result, parser) => {
      const end = result.meta.cursor;
      // The record starts at the first character after the previous one's line break(s).
      let start = cursor;
      while (start < end && (text.charCodeAt(start) === NEWLINE || text.charCodeAt(start) === CARRIAGE_RETURN)) start += 1;
      line += lineBreaks(text, cursor, start);
      const record: FileRecord = { line, fields: result.data, brokenQuoting: result.errors.some((error) => error.type === 'Quotes') };
      line += lineBreaks(text, start, end);
      cursor = end;
      if (DELIMITERS.includes(result.meta.delimiter as Delimiter)) delimiter = result.meta.delimiter as Delimiter;
      if (isBlank(record.fields) && !record.brokenQuoting) return;
      if (!header) {
        header = record;
        onHeader(record);
        return;
      }
      dataRows += 1;
      if (dataRows > MAX_DATA_ROWS) {
        tooManyRows = true;
        parser.abort();
        return;
      }
      onRecord(record);
    },
  });
  return { delimiter, header, dataRows, tooManyRows };
}
