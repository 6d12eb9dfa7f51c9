import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { ExportResult, ReportFormat, ReportHeader, ReportLanguage, ReportRow } from '../../src-shared/contract/reports';
import type { ReportProgress } from '../../src-shared/contract/jobs';
import { AppError } from '../../src-shared/errors';
import type { ReportId } from '../../src-shared/reports/report-access';
import { HEADER_LABELS, PARAMETER_LABELS, REPORT_LABELS } from '../../src-shared/reports/labels';
import { recordAudit } from '../audit/record-audit';
import type { Store, StoreOptions } from '../store/store';
import type { ReportContext, SectionSource } from './report-definition';
import { reportHeader } from './report-header';
import { openReport } from './run-report';
import { openReportSnapshot } from './report-snapshot';
import { csvFormat } from './report-csv';
import { jsonFormat } from './report-json';
import { pdfFormat } from './report-pdf';

// Writing a whole report to a file, as the job behind `reports.export`. The report is read on a
// snapshot of its own (report-snapshot.ts), so the header and every row state one moment. Rows
// stream to the file through a write stream that is waited on when it is full, and the work gives
// way to the event loop every few thousand rows, reporting rows done of all rows. The file is
// written under a temporary name and renamed when whole: a cancelled or failed export leaves none.

/** One line of the header block: a label and its value(s), in the chosen language. */
export interface HeaderFact {
  label: string;
  values: string[];
}

/** Report words in the chosen language. */
export interface ReportWords {
  title: string;
  /** One line under the title: what the report answers. */
  about: string;
  sectionTitle(sectionId: string): string;
  column(sectionId: string, key: string): string;
  header: Record<keyof typeof HEADER_LABELS, string>;
}

export interface ReportFileContent {
  header: ReportHeader;
  /** Title, each parameter, made at/by, both chain heads, the trust fingerprint. */
  facts: HeaderFact[];
  sections: readonly SectionSource[];
  language: ReportLanguage;
  words: ReportWords;
}

/** Called in order: begin, then per section startSection, row…, endSection; then finish. */
export interface ReportFileWriter {
  begin(): void;
  startSection(section: SectionSource, count: number): void;
  /** Writes the row; false when the format takes no more rows of this section (the PDF's cap). */
  row(row: ReportRow): boolean;
  endSection(): void;
  finish(): void | Promise<void>;
}

export interface ReportFileFormat {
  mediaType: string;
  extension: string;
  open(content: ReportFileContent, out: (chunk: string | Buffer) => void): ReportFileWriter;
}

const FORMATS = (): Record<ReportFormat, ReportFileFormat> => ({ csv: csvFormat, json: jsonFormat, pdf: pdfFormat });

export function reportWords(report: ReportId, language: ReportLanguage): ReportWords {
  const labels = REPORT_LABELS[report];
  return {
    title: labels.title[language],
    about: labels.about[language],
    sectionTitle: (sectionId) => labels.sections[sectionId]?.title[language] ?? sectionId,
    column: (sectionId, key) => labels.sections[sectionId]?.columns[key]?.[language] ?? key,
    header: Object.fromEntries(Object.entries(HEADER_LABELS).map(([key, text]) => [key, text[language]])) as ReportWords['header'],
  };
}

export function headerFacts(header: ReportHeader, words: ReportWords, language: ReportLanguage): HeaderFact[] {
  return [
    { label: words.title, values: [] },
    ...Object.entries(header.parameters).map(([key, value]) => ({ label: PARAMETER_LABELS[key]?.[language] ?? key, values: [value] })),
    { label: words.header.madeAt, values: [header.madeAt] },
    { label: words.header.madeBy, values: [header.madeBy] },
    { label: words.header.journalHead, values: [String(header.heads.journal.id), header.heads.journal.hash] },
    { label: words.header.auditHead, values: [String(header.heads.audit.id), header.heads.audit.hash] },
    { label: words.header.trustFingerprint, values: [header.trustFingerprint] },
  ];
}

/** Rows between two pauses: small enough that other calls wait milliseconds, large enough to stay fast. */
const ROWS_PER_STEP = 2000;
/** Bytes held before they are handed to the file. */
const FLUSH_BYTES = 256 * 1024;

const yieldToEventLoop = () => new Promise<void>((resolveYield) => setImmediate(resolveYield));

/** The file being written: counts and hashes what passes, and waits when the stream is full. */
class FileSink {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly stream: WriteStream) {}

  readonly write = (chunk: string | Buffer): void => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.pending.push(buffer);
    this.pendingBytes += buffer.length;
  };

  get full(): boolean {
    return this.pendingBytes >= FLUSH_BYTES;
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<string> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'close');
    return this.hash.digest('hex');
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "trial-balance-2026-12-02-134501": the report and the local moment it was made. */
function defaultStem(report: ReportId, at: Date): string {
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${report}-${day}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

const isWithin = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

/** The data folder's exports/ folder. */
export function exportsFolder(live: Store): string {
  return join(live.paths.dataDir, 'exports');
}

/**
 * Where the export goes, checked before the job starts: a path given must be in a folder that
 * exists (the file there is replaced); by default a new name in the data folder's exports/.
 */
export function exportTarget(live: Store, report: ReportId, format: ReportFormat, now: Date, path?: string): string {
  if (path !== undefined) {
    const target = resolve(path);
    if (isWithin(target, resolve(live.paths.dataDir)) && !isWithin(target, resolve(exportsFolder(live)))) {
      // The data folder holds the database, its journal and the key slots: an export must not replace one.
      throw new AppError('INVALID_INPUT', `${target} is in Paydesk's data folder; write exports elsewhere or to its exports folder.`, { field: 'path', reason: 'in_data_folder' });
    }
    const folder = dirname(target);
    // The exports folder is made with the first export written to it.
    if (folder !== resolve(exportsFolder(live)) && (!existsSync(folder) || !statSync(folder).isDirectory())) {
      throw new AppError('INVALID_INPUT', `There is no folder ${folder} to write ${basename(target)} in.`, { field: 'path', reason: 'no_folder' });
    }
    if (existsSync(target) && statSync(target).isDirectory()) {
      throw new AppError('INVALID_INPUT', `${target} is a folder; name a file to write.`, { field: 'path', reason: 'is_folder' });
    }
    return target;
  }
  const folder = exportsFolder(live);
  const extension = FORMATS()[format].extension;
  const stem = defaultStem(report, now);
  for (let n = 1; ; n += 1) {
    const target = join(folder, `${stem}${n === 1 ? '' : `-${n}`}.${extension}`);
    if (!existsSync(target)) return target;
  }
}

export interface ExportRequest {
  report: ReportId;
  format: ReportFormat;
  language: ReportLanguage;
  target: string;
  /** The context of the call that asked; its store is the live one (the job reads a snapshot of it). */
  ctx: ReportContext;
  options?: StoreOptions;
  onProgress: ReportProgress;
  signal: AbortSignal;
}

interface Written {
  rows: number;
  bytes: number;
  sha256: string;
  parameters: Record<string, string>;
}

/** Writes every row of every section through the format, pausing between steps; throws when stopped. */
async function writeReport(request: ExportRequest, snapshot: Store, temp: string): Promise<Written> {
  const { report, format, language, ctx, onProgress, signal } = request;
  const live = ctx.store;
  const readCtx: ReportContext = { ...ctx, store: snapshot };
  const opened = openReport(report, readCtx);
  const header = reportHeader(report, opened.parameters, readCtx);
  const counts = opened.sections.map((section) => section.count());
  const total = counts.reduce((sum, n) => sum + n, 0);
  onProgress(0, total);
  const words = reportWords(report, language);
  const sink = new FileSink(createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
  const writer = FORMATS()[format].open({ header, facts: headerFacts(header, words, language), sections: opened.sections, language, words }, sink.write);
  const step = async (done: number) => {
    await sink.flush();
    await yieldToEventLoop();
    if (signal.aborted) throw new AppError('JOB_CANCELLED', `The ${report} export was stopped after ${done} of ${total} rows; no file was kept.`);
    if (!live.sqlite.open) throw new AppError('LOCKED', `Paydesk was locked while the ${report} export ran; no file was kept.`);
    onProgress(done, total);
  };
  // Rows read (progress counts a section's rows left unread as done) and rows in the file.
  let done = 0;
  let written = 0;
  try {
    writer.begin();
    for (const [index, section] of opened.sections.entries()) {
      writer.startSection(section, counts[index]!);
      const sectionEnd = done + counts[index]!;
      for (const row of section.rows()) {
        const more = writer.row(row);
        done += 1;
        written += 1;
        if (done % ROWS_PER_STEP === 0) await step(done);
        else if (sink.full) await sink.flush();
        if (!more) break;
      }
      done = Math.max(done, sectionEnd);
      writer.endSection();
    }
    await writer.finish();
    await step(done);
    return { rows: written, ...(await closed(sink)), parameters: opened.parameters };
  } catch (error) {
    await sink.close().catch(() => undefined);
    throw error;
  }
}

async function closed(sink: FileSink): Promise<{ bytes: number; sha256: string }> {
  const sha256 = await sink.close();
  return { bytes: sink.bytes, sha256 };
}

/** The job's work: the file written whole at `target`, audited as report.export, or nothing at all. */
export async function exportReport(request: ExportRequest): Promise<ExportResult> {
  const { report, format, language, target, ctx } = request;
  const live = ctx.store;
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.part`);
  const snapshot = openReportSnapshot(live, request.options);
  let written: Written;
  try {
    written = await writeReport(request, snapshot, temp);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    snapshot.close();
  }
  if (!live.sqlite.open) {
    rmSync(temp, { force: true });
    throw new AppError('LOCKED', `Paydesk was locked as the ${report} export ended; no file was kept.`);
  }
  renameSync(temp, target);
  try {
    recordAudit(live, {
      actor: ctx.viewer.username,
      action: 'report.export',
      entityType: 'report',
      entityId: report,
      after: { report, format, language, parameters: written.parameters, rows: written.rows, sha256: written.sha256, file: basename(target) },
    }, ctx.now);
  } catch (error) {
    // An export nobody can find in the audit log must not be left behind.
    rmSync(target, { force: true });
    throw error;
  }
  return { fileName: basename(target), path: target, mediaType: FORMATS()[format].mediaType, bytes: written.bytes, sha256: written.sha256, rows: written.rows };
}
