import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ExportResult, JournalExportFormat } from '../../src-shared/contract/reports';
import type { ReportProgress } from '../../src-shared/contract/jobs';
import { AppError } from '../../src-shared/errors';
import { openEncryptedDatabase, type SqliteDatabase } from '../store/open-database';
import type { Store, StoreOptions } from '../store/store';
import { headOf } from '../trust/chain-heads';
import { csvJournalFormat } from './journal-csv-format';
import type { JournalFacts, JournalFormat, JournalSink } from './journal-format';
import { ledgerJournalFormat } from './journal-ledger-format';

// Every transfer of the journal, streamed to a file by a job (api/handlers/report-exports.ts).
// Like verify's job (integrity/verify-in-steps.ts) it reads through a read-only connection of its
// own holding one snapshot across the pauses, so the file is the journal as it stood when the
// job started, while the live connection answers other calls. Each row's text is written into a
// chunk of bytes as it is read (a million rows in a few seconds: no string of a block, no row
// kept), chunks go to the stream whole, its backpressure is awaited between blocks, and the file
// appears under its name only when whole (written to a temporary name, then renamed), so memory
// stays bounded and a cancelled or failed export leaves no file.

export const JOURNAL_FORMATS: Record<JournalExportFormat, () => JournalFormat> = { ledger: ledgerJournalFormat, csv: csvJournalFormat };

/** Rows read between two pauses: each pause lets the calls queued behind the job run. */
const BLOCK_ROWS = 10_000;

export interface JournalExportOptions extends StoreOptions {
  format: JournalExportFormat;
  /** Where to write; by default `<data folder>/exports/journal-<time>.<ext>`. */
  path?: string;
  madeBy: string;
  trustFingerprint: string;
  now: Date;
  /** Transfers written of all. */
  onProgress: ReportProgress;
  /** Aborted by `jobs.cancel`: the export stops at the next block and removes its partial file. */
  signal: AbortSignal;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `journal-2026-12-02T12-45-50Z.ledger`: a name that sorts by time and is valid on every file system. */
export function defaultJournalPath(dataDir: string, format: JournalFormat, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
  return join(dataDir, 'exports', `journal-${stamp}.${format.extension}`);
}

/** Resolves once the stream has room again (or has failed, which the next write or `end` reports). */
function drained(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
}

function finished(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
}

/** Bytes handed to the stream at a time: big writes, few of them. */
const CHUNK_BYTES = 1 << 20;

/**
 * The file's bytes, filled in place row by row (no string of a whole block is ever built) and
 * handed to `stream` a chunk at a time, counted and hashed as they go. `settle` waits for the
 * stream to drain, so at most a block's worth of chunks is queued in memory.
 */
class ChunkedFile implements JournalSink {
  readonly hash = createHash('sha256');
  bytes = 0;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private failure: Error | null = null;

  constructor(
    readonly stream: WriteStream,
    private readonly path: string,
  ) {
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  ascii(text: string): void {
    if (text.length > CHUNK_BYTES - this.used) this.handOver();
    if (text.length > CHUNK_BYTES) this.send(Buffer.from(text, 'latin1'));
    else this.used += this.chunk.write(text, this.used, 'latin1');
  }

  text(text: string): void {
    // A UTF-16 code unit is at most three UTF-8 bytes.
    const most = text.length * 3;
    if (most > CHUNK_BYTES - this.used) this.handOver();
    if (most > CHUNK_BYTES) this.send(Buffer.from(text, 'utf8'));
    else this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /** Hands what is written so far to the stream and waits until it has room again. */
  async settle(): Promise<void> {
    this.handOver();
    if (this.stream.writableNeedDrain) await drained(this.stream);
    this.throwIfFailed();
  }

  private handOver(): void {
    if (this.used === 0) return;
    this.send(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  private send(bytes: Buffer): void {
    this.throwIfFailed();
    this.hash.update(bytes);
    this.bytes += bytes.length;
    this.stream.write(bytes);
  }

  private throwIfFailed(): void {
    if (this.failure) throw unwritable(this.path, this.failure);
  }
}

function unwritable(path: string, error: unknown): AppError {
  return new AppError('INVALID_INPUT', `The journal could not be written to ${path}: ${(error as Error).message}`, { field: 'path', reason: 'unwritable' });
}

/** The snapshot's rows through the format into the file, pausing after each block of rows. */
async function streamRows(sqlite: SqliteDatabase, format: JournalFormat, file: ChunkedFile, live: Store, options: JournalExportOptions, total: number): Promise<number> {
  let done = 0;
  const pause = async () => {
    await file.settle();
    options.onProgress(done, total);
    await yieldToEventLoop();
    if (options.signal.aborted) throw new AppError('JOB_CANCELLED', `The journal export was stopped after ${done} of ${total} transfers; no file was left.`);
    if (!live.sqlite.open) throw new AppError('LOCKED', 'Paydesk was locked while the journal was exported; export it again after signing in.');
  };
  for (const row of sqlite.prepare(format.query).raw(true).iterate() as IterableIterator<unknown[]>) {
    format.writeRow(row, file);
    done += 1;
    if (done % BLOCK_ROWS === 0) await pause();
  }
  if (done % BLOCK_ROWS !== 0 || done === 0) await pause();
  return done;
}

/** Writes every transfer of the journal as `options.format`; see the file's opening comment. */
export async function exportJournal(live: Store, options: JournalExportOptions): Promise<ExportResult> {
  const format = JOURNAL_FORMATS[options.format]();
  const path = options.path ?? defaultJournalPath(live.paths.dataDir, format, options.now);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  const sqlite = openEncryptedDatabase(live.paths.database, live.masterKey, { readonly: true, nativeBinding: options.nativeBinding });
  let stream: WriteStream | null = null;
  try {
    // A read pins the snapshot now: what is written after the job started is not in the file.
    sqlite.exec('BEGIN DEFERRED');
    const total = (sqlite.prepare('SELECT count(*) AS n FROM transfers').get() as { n: number }).n;
    const facts: JournalFacts = {
      madeAt: options.now.toISOString(),
      madeBy: options.madeBy,
      heads: { journal: headOf(sqlite, 'journal'), audit: headOf(sqlite, 'audit') },
      trustFingerprint: options.trustFingerprint,
      transfers: total,
    };
    options.onProgress(0, total);
    try {
      mkdirSync(dirname(path), { recursive: true });
      stream = createWriteStream(temporary, { flags: 'wx', highWaterMark: 1 << 20 });
    } catch (error) {
      throw unwritable(path, error);
    }
    const file = new ChunkedFile(stream, path);
    file.text(format.opening(facts));
    const rows = await streamRows(sqlite, format, file, live, options, total);
    await finished(stream).catch((error: unknown) => {
      throw unwritable(path, error);
    });
    renameSync(temporary, path);
    stream = null;
    return { fileName: basename(path), path, mediaType: format.mediaType, bytes: file.bytes, sha256: file.hash.digest('hex'), rows };
  } finally {
    if (stream) {
      // The file is removed once closed: an open still under way would otherwise create it again.
      if (!stream.closed) await new Promise<void>((resolve) => stream!.destroy().once('close', () => resolve()));
      rmSync(temporary, { force: true });
    }
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
