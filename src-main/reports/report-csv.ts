import type { ReportColumn, ReportRow } from '../../src-shared/contract/reports';
import { BYTE_ORDER_MARK, csvLine, localDateTime, neutralizeFormula } from '../../src-shared/csv/csv-writer';
import { toDecimalString } from '../../src-shared/money';
import type { ReportFileFormat } from './report-export';

// A report as CSV, as src-shared/csv/csv-writer.ts writes every Paydesk CSV (RFC 4180 lines
// ending CRLF, UTF-8 with a BOM, amounts as plain decimals in major units, text that cannot turn
// into a formula), a line at a time. The file opens with the header block (label, value rows), a
// blank line, then each section: its title, its column names, its rows and a blank line.

const BLANK_LINE = '\r\n';

function amountCell(column: ReportColumn, row: ReportRow, value: number): string {
  const currency = column.currencyKey === undefined ? null : row[column.currencyKey];
  if (typeof currency !== 'string') throw new Error(`amountCell: the row has no currency in ${String(column.currencyKey)} for ${column.key}.`);
  // A negative amount starts with "-" but is a number: it is not neutralized.
  return toDecimalString(value, currency);
}

export function csvCell(column: ReportColumn, row: ReportRow): string {
  const value = row[column.key] ?? null;
  if (value === null) return '';
  switch (column.kind) {
    case 'amount':
      return amountCell(column, row, Number(value));
    case 'integer':
      return String(value);
    case 'dateTime':
      return localDateTime(String(value));
    case 'text':
    case 'code':
    case 'hash':
      return neutralizeFormula(String(value));
  }
}

export const csvFormat: ReportFileFormat = {
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  open({ facts, words }, out) {
    let columns: ReportColumn[] = [];
    return {
      begin() {
        out(BYTE_ORDER_MARK);
        for (const fact of facts) out(csvLine([fact.label, ...fact.values].map(neutralizeFormula)));
        out(BLANK_LINE);
      },
      startSection(section) {
        columns = section.columns;
        out(csvLine([neutralizeFormula(words.sectionTitle(section.id))]));
        out(csvLine(columns.map((column) => neutralizeFormula(words.column(section.id, column.key)))));
      },
      row(row) {
        out(csvLine(columns.map((column) => csvCell(column, row))));
        return true;
      },
      endSection() {
        out(BLANK_LINE);
      },
      finish() {},
    };
  },
};
