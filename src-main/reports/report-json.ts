import type { ReportColumn, ReportRow } from '../../src-shared/contract/reports';
import { toDecimalString } from '../../src-shared/money';
import type { ReportFileFormat } from './report-export';

// A report as one JSON document, for scripts (the CLI's --format json): the header's fields, each
// parameter also at the top level (`asOf`), then one array per section named by its id. Amounts are
// decimal strings in major units (a float would round), counts are numbers, the rest strings.
// Written a row at a time: the document is never held whole.
//
//   {"report":"trial-balance","asOf":"…","parameters":{…},"madeAt":"…","madeBy":"…",
//    "heads":{"journal":{"id":…,"hash":"…"},"audit":{…}},"trustFingerprint":"…",
//    "accounts":[{"code":"…","name":"…","currency":"CNY","debits":"12.50",…},…],"totals":[…]}

/** Keys the header owns: a parameter of the same name stays in `parameters` only. */
const HEADER_KEYS = new Set(['report', 'parameters', 'madeAt', 'madeBy', 'heads', 'trustFingerprint']);

export function jsonCell(column: ReportColumn, row: ReportRow): string | number | null {
  const value = row[column.key] ?? null;
  if (value === null) return null;
  if (column.kind === 'amount') {
    const currency = column.currencyKey === undefined ? null : row[column.currencyKey];
    if (typeof currency !== 'string') throw new Error(`jsonCell: the row has no currency in ${String(column.currencyKey)} for ${column.key}.`);
    return toDecimalString(Number(value), currency);
  }
  if (column.kind === 'integer') return Number(value);
  return String(value);
}

/** `"key":value` pairs of an object, in order, without the braces. */
const members = (entries: [string, unknown][]) => entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',');

export const jsonFormat: ReportFileFormat = {
  mediaType: 'application/json',
  extension: 'json',
  open({ header, sections }, out) {
    let columns: ReportColumn[] = [];
    let first = true;
    const sectionIds = new Set(sections.map((section) => section.id));
    return {
      begin() {
        const parameters = Object.entries(header.parameters).filter(([key]) => !HEADER_KEYS.has(key) && !sectionIds.has(key));
        out(
          `{${members([
            ['report', header.report],
            ...parameters,
            ['parameters', header.parameters],
            ['madeAt', header.madeAt],
            ['madeBy', header.madeBy],
            ['heads', header.heads],
            ['trustFingerprint', header.trustFingerprint],
          ])}`,
        );
      },
      startSection(section) {
        columns = section.columns;
        first = true;
        out(`,${JSON.stringify(section.id)}:[`);
      },
      row(row) {
        const cells = columns.map((column): [string, unknown] => [column.key, jsonCell(column, row)]);
        out(`${first ? '' : ','}{${members(cells)}}`);
        first = false;
        return true;
      },
      endSection() {
        out(']');
      },
      finish() {
        out('}\n');
      },
    };
  },
};
