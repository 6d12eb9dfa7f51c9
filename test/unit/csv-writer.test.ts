import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, writeCsv, type CsvColumn } from '../../src-shared/csv/csv-writer';

// The one CSV writer of the renderer (issue 8, defect 1): amounts as plain decimals in major
// units, UTF-8 with a BOM, text that a spreadsheet cannot run as a formula, RFC 4180 quoting.

interface Line {
  text: string;
  minor: number;
  currency: string;
}

const columns: CsvColumn<Line>[] = [
  { kind: 'text', header: 'Memo', value: (line) => line.text },
  { kind: 'amount', header: 'Amount', minor: (line) => line.minor, currency: (line) => line.currency },
];

const BOM = '\uFEFF';

/** The file's lines after the BOM, split on the CRLF the writer puts between them. */
function linesOf(csv: string): string[] {
  expect(csv.startsWith(BOM)).toBe(true);
  return csv.slice(BOM.length).split('\r\n');
}

function onlyRow(line: Line): string {
  const [header, row, ...rest] = linesOf(writeCsv(columns, [line]));
  expect(header).toBe('Memo,Amount');
  expect(rest).toEqual([]);
  return row!;
}

describe('writeCsv', () => {
  it('opens the file with a UTF-8 byte order mark, once, before the header', () => {
    const csv = writeCsv(columns, []);
    expect(csv).toBe(`${BOM}Memo,Amount`);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes amounts in major units with the currency digits, no grouping, no symbol', () => {
    const csv = writeCsv(columns, [
      { text: 'CNY', minor: 6_095_759_150, currency: 'CNY' },
      { text: 'USD', minor: 5, currency: 'USD' },
      { text: 'PTS', minor: 1_500, currency: 'PTS' },
      { text: 'JPY', minor: 1_234_567, currency: 'JPY' },
      { text: 'KWD', minor: 1_234, currency: 'KWD' },
      { text: 'zero', minor: 0, currency: 'CNY' },
    ]);
    expect(linesOf(csv).slice(1)).toEqual(['CNY,60957591.50', 'USD,0.05', 'PTS,1500', 'JPY,1234567', 'KWD,1.234', 'zero,0.00']);
  });

  it('leaves a negative amount a bare number: it is not text, so it is not neutralized', () => {
    expect(onlyRow({ text: 'refund', minor: -1_250, currency: 'CNY' })).toBe('refund,-12.50');
    expect(onlyRow({ text: 'points back', minor: -30, currency: 'PTS' })).toBe('points back,-30');
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+', '+41 22 555 0100', `"'+41 22 555 0100"`],
    ['-', '-2+3', `"'-2+3"`],
    ['@', '@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['tab', '\t=1+1', `"'\t=1+1"`],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('neutralizes a text cell that begins with %s by prefixing an apostrophe and quoting it', (_start, text, written) => {
    expect(onlyRow({ text, minor: 100, currency: 'CNY' })).toBe(`${written},1.00`);
  });

  it('neutralizes a header that begins like a formula too', () => {
    const csv = writeCsv<Line>([{ kind: 'text', header: '=cmd', value: (line) => line.text }], []);
    expect(csv).toBe(`${BOM}"'=cmd"`);
  });

  it('leaves a formula character later in the text as it is', () => {
    expect(onlyRow({ text: 'a=b, c-d', minor: 100, currency: 'CNY' })).toBe('"a=b, c-d",1.00');
    expect(onlyRow({ text: 'x@example.com', minor: 100, currency: 'CNY' })).toBe('x@example.com,1.00');
  });

  it('writes CJK text as it is, and UTF-8 encodes it', () => {
    const csv = writeCsv(columns, [{ text: '欧阳小明 付款给 星巴克', minor: 20_000, currency: 'CNY' }]);
    expect(linesOf(csv)[1]).toBe('欧阳小明 付款给 星巴克,200.00');
    // As the saved Blob holds it: UTF-8 bytes that decode back to the same text, BOM kept.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(csv))).toBe(csv);
  });

  it('quotes cells with commas, quotes and line breaks, doubling the quotes (RFC 4180), and reads back the same', () => {
    const texts = ['Smith, John', 'the "best" shop', 'line one\nline two', 'cr\ronly', 'plain'];
    const csv = writeCsv(
      columns,
      texts.map((text) => ({ text, minor: 100, currency: 'CNY' })),
    );
    expect(linesOf(csv)[1]).toBe('"Smith, John",1.00');
    expect(csv).toContain('"the ""best"" shop",1.00');
    expect(csv).toContain('"line one\nline two",1.00');
    const parsed = Papa.parse<string[]>(csv.slice(BOM.length), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(1).map((row) => row[0])).toEqual(texts);
  });

  it('writes moments in the local zone, counts as digits, and empty cells for nothing', () => {
    interface Event {
      at: string | null;
      count: number | null;
      amount: number | null;
    }
    const moment = new Date(2026, 11, 1, 9, 5, 7);
    const eventColumns: CsvColumn<Event>[] = [
      { kind: 'dateTime', header: 'At', value: (event) => event.at },
      { kind: 'integer', header: 'Count', value: (event) => event.count },
      { kind: 'amount', header: 'Amount', minor: (event) => event.amount, currency: () => 'CNY' },
    ];
    const csv = writeCsv(eventColumns, [
      { at: moment.toISOString(), count: -3, amount: 1 },
      { at: null, count: null, amount: null },
    ]);
    expect(linesOf(csv)).toEqual(['At,Count,Amount', '2026-12-01 09:05:07,-3,0.01', ',,']);
  });

  it('refuses an amount that is not whole minor units rather than round it', () => {
    expect(() => writeCsv(columns, [{ text: 'half', minor: 12.5, currency: 'CNY' }])).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });
});

describe('csvFileName', () => {
  it('names the file by what it holds and the local day it was written', () => {
    expect(csvFileName('chart-of-accounts', new Date(2026, 11, 1, 0, 30))).toBe('chart-of-accounts-2026-12-01.csv');
    expect(csvFileName('staff', new Date(2026, 0, 9, 23, 59))).toBe('staff-2026-01-09.csv');
  });
});
