import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../src-shared/errors';
import type { Job } from '../../../src-shared/contract/jobs';
import { exportResultSchema, JOURNAL_EXPORT_FORMATS, type ExportResult, type JournalExportFormat } from '../../../src-shared/contract/reports';
import type { Router } from '../../api/router';
import { expectOk, stringOption, type CliCommand, type CliContext, type CliOutcome } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

// `export journal …`: every posted transfer as a ledger-cli/hledger journal or CSV, so an auditor
// can check the books with a tool that does not trust Paydesk. Like `report`, it starts the
// router's export job and follows it; the file is written by the job, not by the CLI.

export const WHO = '[--user NAME | --recovery-key-stdin | --recovery]';
/** How often a followed export job is read for its progress. */
const POLL_MS = 100;

/** One of `allowed`, or a usage error that lists them. */
export function choiceOption<T extends string>(ctx: CliContext, name: string, allowed: readonly T[], fallback?: T): T {
  const value = stringOption(ctx, name, fallback === undefined) ?? fallback!;
  if (!(allowed as readonly string[]).includes(value)) throw new AppError('INVALID_INPUT', `--${name} must be one of ${allowed.join(', ')}; "${value}" is not.`, { field: name });
  return value as T;
}

/** --out as an absolute path: the router's job may run with another working directory than the shell's. */
export function outOption(ctx: CliContext): string {
  return resolve(stringOption(ctx, 'out', true)!);
}

/** A job's refusal keeps its own code (INVALID_INPUT, MEMBER_NOT_FOUND…), and so its exit code. */
function jobError(job: Job): AppError {
  const code = job.state === 'cancelled' ? 'JOB_CANCELLED' : (ERROR_CODES as readonly string[]).includes(job.error?.code ?? '') ? (job.error!.code as ErrorCode) : 'INTERNAL';
  return new AppError(code, job.error?.message ?? `The export ended ${job.state}.`);
}

/** Follows the job until it ends, printing `done/total rows` on stderr whenever it moved. */
async function followJob(ctx: CliContext, router: Router, jobId: string): Promise<Job> {
  let shown = '';
  for (;;) {
    const job = expectOk(await router.invoke('jobs.get', { id: jobId }));
    const progress = `${job.done}/${job.total ?? '?'}`;
    if (progress !== shown) ctx.log(`${progress} rows`);
    shown = progress;
    if (job.state !== 'running') return job;
    await sleep(POLL_MS);
  }
}

/**
 * Starts an export job and follows it to its exportResult. A refused or failed export leaves no
 * file at `path` when there was none before, so a script never mistakes a half-written file for a report.
 */
export async function runExport(ctx: CliContext, router: Router, path: string, start: () => Promise<{ jobId: string }>): Promise<ExportResult> {
  const existed = existsSync(path);
  try {
    const { jobId } = await start();
    const job = await followJob(ctx, router, jobId);
    if (job.state !== 'done') throw jobError(job);
    return exportResultSchema.parse(job.result);
  } catch (error) {
    if (!existed) rmSync(path, { force: true });
    throw error;
  }
}

export function exportOutcome(what: string, result: ExportResult): CliOutcome {
  const rows = `${result.rows} ${result.rows === 1 ? 'row' : 'rows'}`;
  return { exitCode: 0, json: result, text: `Wrote ${what} to ${result.path}\n  ${rows}, ${result.bytes} bytes, sha256 ${result.sha256}` };
}

export const exportJournalCommand: CliCommand = {
  name: 'export journal',
  summary: 'Every posted transfer as a plain-text journal that ledger-cli and hledger read (`ledger -f FILE bal`), or as CSV; progress on stderr.',
  usage: `export journal --format ${JOURNAL_EXPORT_FORMATS.join('|')} --out FILE --data DIR ${WHO} [--json]`,
  options: { ...UNLOCK_OPTIONS, format: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new AppError('INVALID_INPUT', `export journal takes no argument; "${ctx.positionals[0]}" is one too many.`, { field: 'journal' });
    const format: JournalExportFormat = choiceOption(ctx, 'format', JOURNAL_EXPORT_FORMATS);
    const path = outOption(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const result = await runExport(ctx, router, path, async () => expectOk(await router.invoke('reports.exportJournal', { format, path })));
      return exportOutcome(`the journal (${format})`, result);
    });
  },
};
