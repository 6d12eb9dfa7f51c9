import PDFDocument from 'pdfkit';
import type { ReportColumn, ReportColumnKind, ReportLanguage, ReportRow } from '../../src-shared/contract/reports';
import { formatAmount } from '../../src-shared/money';
import { text } from '../../src-shared/reports/labels/text';
import { codeLabel } from '../../src-shared/reports/labels/codes';
import type { HeaderFact, ReportFileContent, ReportFileFormat, ReportFileWriter } from './report-export';
import { reportFontPath } from './report-fonts';
import type { SectionSource } from './report-definition';

// A report as PDF, drawn in the main process with pdfkit (no browser: the CLI makes the same file).
// Every page opens with the report's header: the first page states it whole (both chain heads'
// full hashes), later pages in two lines with the hashes shortened. Every page ends with "Page N
// of M". Tables break across pages with their column names repeated; amounts are right-aligned in
// the reader's locale with the currency, codes in the reader's words; a cell too long for its column ends with an ellipsis.
// Pages are kept until the end (the footer needs the page count), so a section shows at most
// PDF_ROW_LIMIT rows and says so (the rest is not read); the CSV holds every row.

export const PDF_ROW_LIMIT = 20_000;

const MORE_ROWS = text('Showing the first {shown} of {total} rows; export CSV for all of them.', '仅显示前 {shown} 行（共 {total} 行）；全部数据请导出 CSV。');

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 36;
const FOOTER_SPACE = 22;
const BODY_SIZE = 7.5;
const ROW_HEIGHT = 12;
const COLUMN_HEADER_HEIGHT = 14;
const CELL_PAD = 3;
const SECTION_GAP = 12;
const FONT = 'NotoSansSC';

/** Widths (points at BODY_SIZE) a column of each kind wants; text and hashes take what is left over. */
const NATURAL_WIDTH: Record<ReportColumnKind, number> = { code: 92, text: 130, amount: 90, integer: 48, dateTime: 96, hash: 110 };
const GROWS: ReadonlySet<ReportColumnKind> = new Set(['text', 'hash']);
const RIGHT_ALIGNED: ReadonlySet<ReportColumnKind> = new Set(['amount', 'integer']);

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

/** x and width of each column across `width`: natural widths, grown (text first) or shrunk to fit. */
function columnLayout(columns: readonly ReportColumn[], left: number, width: number): { x: number[]; widths: number[] } {
  const natural = columns.map((column) => NATURAL_WIDTH[column.kind]);
  const sum = natural.reduce((a, b) => a + b, 0);
  const growing = columns.reduce((n, column, i) => n + (GROWS.has(column.kind) ? natural[i]! : 0), 0);
  const widths =
    sum >= width || growing === 0
      ? natural.map((w) => (w * width) / sum)
      : natural.map((w, i) => (GROWS.has(columns[i]!.kind) ? w + ((width - sum) * w) / growing : w));
  const x: number[] = [];
  widths.reduce((at, w) => (x.push(at), at + w), left);
  return { x, widths };
}

/** Landscape when some section's columns would not fit a portrait page at their natural widths. */
function wantsLandscape(sections: readonly SectionSource[]): boolean {
  const portraitWidth = A4[0] - 2 * MARGIN;
  return sections.some((section) => section.columns.reduce((sum, column) => sum + NATURAL_WIDTH[column.kind], 0) > portraitWidth);
}

function cellFormatters(language: ReportLanguage) {
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  return (column: ReportColumn, row: ReportRow): string | null => {
    const value = row[column.key] ?? null;
    if (value === null) return null;
    if (column.kind === 'amount') {
      const currency = column.currencyKey === undefined ? null : row[column.currencyKey];
      if (typeof currency !== 'string') throw new Error(`cellText: the row has no currency in ${String(column.currencyKey)} for ${column.key}.`);
      return formatAmount(Number(value), currency, language);
    }
    if (column.kind === 'dateTime') return dateTime.format(new Date(String(value)));
    // A person reads words ("负债" for liability); the CSV and JSON keep the codes scripts read.
    if (column.kind === 'code') return codeLabel(column.key, String(value), language);
    return String(value);
  };
}

/** Draws one report into a pdfkit document, page by page. */
class PdfReport implements ReportFileWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly left = MARGIN;
  private readonly width: number;
  private readonly bottom: number;
  private readonly cellText: ReturnType<typeof cellFormatters>;
  private readonly ended: Promise<void>;
  /** Widths of strings already measured at a size: the same amounts and codes recur on every page. */
  private readonly measured = new Map<string, number>();
  private fontSize = BODY_SIZE;
  private y = MARGIN;
  private pages = 0;
  private section: { source: SectionSource; count: number; shown: number; layout: { x: number[]; widths: number[] } } | null = null;

  constructor(
    private readonly content: ReportFileContent,
    out: (chunk: Buffer) => void,
  ) {
    const landscape = wantsLandscape(content.sections);
    this.doc = new PDFDocument({
      size: 'A4',
      layout: landscape ? 'landscape' : 'portrait',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      autoFirstPage: false,
      info: { Title: content.words.title, Author: content.header.madeBy, Creator: 'Paydesk', CreationDate: new Date(content.header.madeAt) },
    });
    const [pageWidth, pageHeight] = landscape ? [A4[1], A4[0]] : A4;
    this.width = pageWidth - 2 * MARGIN;
    this.bottom = pageHeight - MARGIN - FOOTER_SPACE;
    this.cellText = cellFormatters(content.language);
    this.doc.on('data', out);
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.registerFont(FONT, reportFontPath());
    this.doc.font(FONT);
  }

  private size(points: number): PDFKit.PDFDocument {
    this.fontSize = points;
    return this.doc.fontSize(points);
  }

  private measure(value: string): number {
    const key = `${this.fontSize}|${value}`;
    let width = this.measured.get(key);
    if (width === undefined) {
      if (this.measured.size >= 50_000) this.measured.clear();
      width = this.doc.widthOfString(value);
      this.measured.set(key, width);
    }
    return width;
  }

  /** `value` cut to `width` points at the current size, ending with an ellipsis when cut. */
  private fit(value: string, width: number): string {
    if (this.measure(value) <= width) return value;
    const chars = Array.from(value);
    let [low, high] = [0, chars.length];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.doc.widthOfString(`${chars.slice(0, mid).join('')}…`) <= width) low = mid;
      else high = mid - 1;
    }
    return `${chars.slice(0, low).join('')}…`;
  }

  /** Text in a column: from its left edge, or (amounts, counts) ending at its right edge. */
  private cell(value: string, kind: ReportColumnKind, x: number, width: number, y: number): void {
    const shown = this.fit(value, width - 2 * CELL_PAD);
    const at = RIGHT_ALIGNED.has(kind) ? x + width - CELL_PAD - this.measure(shown) : x + CELL_PAD;
    this.doc.text(shown, at, y, { lineBreak: false });
  }

  private line(value: string, x: number, y: number, points: number, color = '#000000', width = this.width - (x - this.left)): void {
    this.size(points).fillColor(color).text(this.fit(value, width), x, y, { lineBreak: false });
  }

  /** A header fact: its label in grey, its values after it. */
  private fact(fact: HeaderFact, y: number, labelWidth: number, size: number): void {
    this.line(fact.label, this.left, y, size, '#555555', labelWidth - 4);
    this.line(fact.values.join('  '), this.left + labelWidth, y, size);
  }

  private firstPageHeader(): number {
    const [title, ...facts] = this.content.facts;
    this.line(title!.label, this.left, MARGIN, 16);
    this.line(this.content.words.about, this.left, MARGIN + 22, 8, '#555555');
    let y = MARGIN + 38;
    for (const fact of facts) {
      this.fact({ label: fact.label, values: fact.values.length === 2 ? [`#${fact.values[0]}`, fact.values[1]!] : fact.values }, y, 110, 8);
      y += 11;
    }
    return y + 4;
  }

  private laterPageHeader(): number {
    const [title, ...facts] = this.content.facts;
    const heads = new Set([this.content.words.header.journalHead, this.content.words.header.auditHead]);
    const parameters = facts.filter((f) => f.values.length === 1 && !heads.has(f.label));
    this.line([title!.label, ...parameters.map((f) => `${f.label}: ${f.values[0]}`)].join('  ·  '), this.left, MARGIN, 9);
    const chains = facts.filter((f) => heads.has(f.label)).map((f) => `${f.label} #${f.values[0]} ${f.values[1]!.slice(0, 16)}…`);
    this.line(chains.join('  ·  '), this.left, MARGIN + 13, 7, '#555555');
    return MARGIN + 26;
  }

  private newPage(): void {
    this.doc.addPage();
    this.pages += 1;
    const y = this.pages === 1 ? this.firstPageHeader() : this.laterPageHeader();
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.5).strokeColor('#999999').stroke();
    this.y = y + 8;
  }

  private ensureRoom(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  private sectionHeading(): void {
    const section = this.section!;
    this.line(this.content.words.sectionTitle(section.source.id), this.left, this.y, 10);
    this.y += 16;
    const { x, widths } = section.layout;
    this.doc.rect(this.left, this.y, this.width, COLUMN_HEADER_HEIGHT).fillColor('#e8e8e8').fill();
    this.size(BODY_SIZE).fillColor('#000000');
    section.source.columns.forEach((column, i) => this.cell(this.content.words.column(section.source.id, column.key), column.kind, x[i]!, widths[i]!, this.y + 3));
    this.y += COLUMN_HEADER_HEIGHT;
  }

  begin(): void {
    this.newPage();
  }

  startSection(source: SectionSource, count: number): void {
    this.section = { source, count, shown: 0, layout: columnLayout(source.columns, this.left, this.width) };
    this.ensureRoom(16 + COLUMN_HEADER_HEIGHT + ROW_HEIGHT);
    this.sectionHeading();
  }

  row(row: ReportRow): boolean {
    const section = this.section!;
    if (this.ensureRoom(ROW_HEIGHT)) this.sectionHeading();
    if (section.shown % 2 === 1) this.doc.rect(this.left, this.y, this.width, ROW_HEIGHT).fillColor('#f5f5f5').fill();
    const { x, widths } = section.layout;
    this.size(BODY_SIZE).fillColor('#000000');
    section.source.columns.forEach((column, i) => {
      const value = this.cellText(column, row);
      if (value !== null) this.cell(value, column.kind, x[i]!, widths[i]!, this.y + 2);
    });
    this.y += ROW_HEIGHT;
    section.shown += 1;
    return section.shown < PDF_ROW_LIMIT;
  }

  endSection(): void {
    const { count, shown } = this.section!;
    const language = this.content.language;
    const note = count === 0 ? this.content.words.header.noRows : shown < count ? fill(MORE_ROWS[language], { shown, total: count }) : null;
    if (note !== null) {
      this.ensureRoom(ROW_HEIGHT + 4);
      this.line(note, this.left + CELL_PAD, this.y + 4, 8, '#8a4b00');
      this.y += ROW_HEIGHT + 4;
    }
    this.y += SECTION_GAP;
  }

  /** "Page N of M" on every page, now that M is known; then the file ends. */
  async finish(): Promise<void> {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i += 1) {
      doc.switchToPage(i);
      // Text below the bottom margin would make pdfkit add a page.
      doc.page.margins.bottom = 0;
      const label = fill(this.content.words.header.page, { page: i - start + 1, pages: count });
      this.size(8).fillColor('#555555');
      doc.text(label, this.left + (this.width - this.measure(label)) / 2, this.bottom + FOOTER_SPACE / 2, { lineBreak: false });
    }
    doc.flushPages();
    doc.end();
    await this.ended;
  }
}

export const pdfFormat: ReportFileFormat = {
  mediaType: 'application/pdf',
  extension: 'pdf',
  open: (content, out) => new PdfReport(content, out),
};
