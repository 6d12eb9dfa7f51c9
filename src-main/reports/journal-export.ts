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
import type { JournalFacts, JournalFormat } from './journal-format';
import { ledgerJournalFormat } from './journal-ledger-format';

// Every transfer of the journal, streamed to a file by a job (api/handlers/report-exports.ts).
// Like verify's job (integrity/verify-in-steps.ts) it reads through a read-only connection of its
// own holding one snapshot across the pauses, so the file is the journal as it stood when the
// job started, while the live connection answers other calls. Rows come in blocks, each block
// becomes one string written at once (a million rows in a few seconds), the stream's backpressure
// is awaited, and the file appears under its name only when whole (written to a temporary name,
// then renamed), so memory stays bounded and a cancelled or failed export leaves no file.

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

/** Writes the file's text through `stream`, counting and hashing the bytes as they go. */
class HashedFile {
  readonly hash = createHash('sha256');
  bytes = 0;
  private failure: Error | null = null;

  constructor(
    readonly stream: WriteStream,
    private readonly path: string,
  ) {
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  async write(text: string): Promise<void> {
    this.throwIfFailed();
    if (text === '') return;
    const chunk = Buffer.from(text, 'utf8');
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await drained(this.stream);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw unwritable(this.path, this.failure);
  }
}

function unwritable(path: string, error: unknown): AppError {
  return new AppError('INVALID_INPUT', `The journal could not be written to ${path}: ${(error as Error).message}`, { field: 'path', reason: 'unwritable' });
}

/** The snapshot's rows through the format into the file, block by block. */
async function streamRows(sqlite: SqliteDatabase, format: JournalFormat, file: HashedFile, live: Store, options: JournalExportOptions, total: number): Promise<number> {
  let done = 0;
  let block: unknown[][] = [];
  const flush = async () => {
    await file.write(format.lines(block));
    done += block.length;
    block = [];
    options.onProgress(done, total);
    await yieldToEventLoop();
    if (options.signal.aborted) throw new AppError('JOB_CANCELLED', `The journal export was stopped after ${done} of ${total} transfers; no file was left.`);
    if (!live.sqlite.open) throw new AppError('LOCKED', 'Paydesk was locked while the journal was exported; export it again after signing in.');
  };
  for (const row of sqlite.prepare(format.query).raw(true).iterate() as IterableIterator<unknown[]>) {
    block.push(row);
    if (block.length >= BLOCK_ROWS) await flush();
  }
  if (block.length > 0) await flush();
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
    const file = new HashedFile(stream, path);
    await file.write(format.opening(facts));
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
