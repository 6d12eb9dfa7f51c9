import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../src-shared/errors';
import { BATCH_STATUSES, PAYOUT_FILE_MAX_BYTES, type Batch, type BatchStatus, type PayoutItem } from '../../../src-shared/contract/payouts';
import type { Job } from '../../../src-shared/contract/jobs';
import { payoutTemplate } from '../../../src-shared/payouts/columns';
import { parseAmount } from '../../../src-shared/money';
import type { Router } from '../../api/router';
import { expectOk, stringOption, type CliCommand, type CliContext, type CliOutcome } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';
import { soleArgument } from './cards';
import { batchJson, batchLine, batchText, hasErrors, itemLine, money, statusSummary, validationJson, validationText } from './payouts-report';

// `payouts …`: CSV batch payouts for scripts and acceptance tests (issue 11), through the same
// channels as the payouts screens, so roles, maker-checker and every refusal are the app's.
// validate is a dry run; import keeps a draft; submit confirms the count and total the batch
// itself states; approve signs the content hash it read; execute starts or resumes the durable
// job and follows it, so running it again after a crash carries on without paying twice.

const WHO = '[--user NAME | --recovery-key-stdin | --recovery]';
const FILE_OPTIONS = { ...UNLOCK_OPTIONS, currency: { type: 'string' as const } };
const LANGUAGES = ['en', 'zh-CN'] as const;
/** How often execute reads the job's progress. */
const POLL_MS = 100;

/** A batch or item id as typed: `12` or `#12`. */
function idFrom(text: string | undefined, what: string): number {
  const digits = (text ?? '').replace(/^#/, '');
  if (!/^\d{1,15}$/.test(digits) || Number(digits) === 0) throw new AppError('INVALID_INPUT', `Give the ${what} id as a number (as \`payouts list\` and \`payouts show\` print it).`, { field: what });
  return Number(digits);
}

const batchArgument = (ctx: CliContext) => idFrom(soleArgument(ctx, 'batch'), 'batch');

function batchAndItemArguments(ctx: CliContext): { batchId: number; itemId: number } {
  if (ctx.positionals.length !== 2) throw new AppError('INVALID_INPUT', 'Give the batch id and the item id.', { field: 'item' });
  return { batchId: idFrom(ctx.positionals[0], 'batch'), itemId: idFrom(ctx.positionals[1], 'item') };
}

function languageOption(ctx: CliContext): 'en' | 'zh-CN' {
  const language = stringOption(ctx, 'lang') ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(language)) throw new AppError('INVALID_INPUT', `--lang must be ${LANGUAGES.join(' or ')}.`, { field: 'lang' });
  return language as 'en' | 'zh-CN';
}

/** The file as the channel takes it: its name and its bytes, undecoded (the domain detects the encoding). */
function payoutFile(ctx: CliContext) {
  const path = soleArgument(ctx, 'file');
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('INVALID_INPUT', `Cannot read ${path}: no such file.`, { field: 'file' });
  }
  if (size > PAYOUT_FILE_MAX_BYTES) throw new AppError('INVALID_INPUT', `${path} is ${size} bytes; a payout file holds at most ${PAYOUT_FILE_MAX_BYTES}.`, { field: 'file' });
  const currency = stringOption(ctx, 'currency');
  return { fileName: basename(path), contentBase64: readFileSync(path).toString('base64'), ...(currency ? { currency } : {}) };
}

/** A job's refusal keeps its own code (APPROVAL_STALE, INSUFFICIENT_FUNDING…), and so its exit code. */
function jobError(job: Job, batchId: number): AppError {
  const code = job.state === 'cancelled' ? 'JOB_CANCELLED' : (ERROR_CODES as readonly string[]).includes(job.error?.code ?? '') ? (job.error!.code as ErrorCode) : 'INTERNAL';
  return new AppError(code, job.error?.message ?? `The execution of batch ${batchId} ended ${job.state}.`);
}

async function allItems(router: Router, batchId: number): Promise<PayoutItem[]> {
  const items: PayoutItem[] = [];
  for (;;) {
    const page = expectOk(await router.invoke('payouts.items', { batchId, offset: items.length, limit: 100_000 }));
    items.push(...page.rows);
    if (page.rows.length === 0 || items.length >= page.total) return items;
  }
}

const batchOutcome = (batch: Batch, text = batchLine(batch)): CliOutcome => ({ exitCode: 0, json: batch, text });

export const payoutsValidateCommand: CliCommand = {
  name: 'payouts validate',
  summary: 'Check a payout CSV without writing anything: every problem of every row, with its code. Exit 1 when the file or a row has an error (warnings alone exit 0).',
  usage: `payouts validate FILE --data DIR [--currency CNY] ${WHO} [--json]`,
  options: FILE_OPTIONS,
  async run(ctx) {
    const file = payoutFile(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const report = expectOk(await router.invoke('payouts.validate', file));
      return { exitCode: hasErrors(report) ? 1 : 0, json: validationJson(report), text: validationText(file.fileName, report) };
    });
  },
};

export const payoutsImportCommand: CliCommand = {
  name: 'payouts import',
  summary: 'Validate a payout CSV and keep it as a draft batch (rows with errors are kept and left out at submission). Exit 1 when a file error stops the import.',
  usage: `payouts import FILE --data DIR [--currency CNY] ${WHO} [--json]`,
  options: FILE_OPTIONS,
  async run(ctx) {
    const file = payoutFile(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const { batch, validation } = expectOk(await router.invoke('payouts.import', file));
      const text = [validationText(file.fileName, validation), batch ? `Imported as draft batch #${batch.id}; submit it with: payouts submit ${batch.id}` : 'Nothing was imported.'];
      return { exitCode: batch ? 0 : 1, json: { id: batch?.id ?? null, ...validationJson(validation) }, text: text.join('\n') };
    });
  },
};

export const payoutsSubmitCommand: CliCommand = {
  name: 'payouts submit',
  summary: "Submit a draft batch for approval, confirming the item count and total it pays; rows with errors are left out (SKIPPED).",
  usage: `payouts submit BATCH --data DIR ${WHO} [--json]`,
  options: UNLOCK_OPTIONS,
  async run(ctx) {
    const batchId = batchArgument(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const draft = expectOk(await router.invoke('payouts.get', { batchId }));
      const batch = expectOk(await router.invoke('payouts.submit', { batchId, itemCount: draft.itemCount, total: draft.total }));
      return batchOutcome(batch, `${batchLine(batch)}\nSubmitted; someone other than ${batch.createdBy} approves it.`);
    });
  },
};

export const payoutsApproveCommand: CliCommand = {
  name: 'payouts approve',
  summary: 'Approve a submitted batch as it stands now (its content hash); the last approval needed places the hold on the funding account. Never the maker.',
  usage: `payouts approve BATCH --data DIR ${WHO} [--json]`,
  options: UNLOCK_OPTIONS,
  async run(ctx) {
    const batchId = batchArgument(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const seen = expectOk(await router.invoke('payouts.get', { batchId }));
      const batch = expectOk(await router.invoke('payouts.approve', { batchId, contentHash: seen.contentHash }));
      return batchOutcome(batch, `${batchLine(batch)}\nApprovals ${batch.approvals.length} of ${batch.approvalsRequired}; content ${batch.contentHash}`);
    });
  },
};

export const payoutsRejectCommand: CliCommand = {
  name: 'payouts reject',
  summary: 'Reject a submitted batch, with a reason.',
  usage: `payouts reject BATCH --reason TEXT --data DIR ${WHO} [--json]`,
  options: { ...UNLOCK_OPTIONS, reason: { type: 'string' } },
  async run(ctx) {
    const batchId = batchArgument(ctx);
    const reason = stringOption(ctx, 'reason', true)!;
    return withUnlockedRouter(ctx, async (router) => batchOutcome(expectOk(await router.invoke('payouts.reject', { batchId, reason }))));
  },
};

export const payoutsCancelCommand: CliCommand = {
  name: 'payouts cancel',
  summary: 'Cancel a batch before it is approved; its references can be used again.',
  usage: `payouts cancel BATCH --data DIR [--reason TEXT] ${WHO} [--json]`,
  options: { ...UNLOCK_OPTIONS, reason: { type: 'string' } },
  async run(ctx) {
    const batchId = batchArgument(ctx);
    const reason = stringOption(ctx, 'reason');
    return withUnlockedRouter(ctx, async (router) => batchOutcome(expectOk(await router.invoke('payouts.cancel', { batchId, ...(reason ? { reason } : {}) }))));
  },
};

/** Follows the job until it ends, printing `done/total` on stderr whenever it moved. */
async function followJob(ctx: CliContext, router: Router, jobId: string): Promise<Job> {
  let shown = '';
  for (;;) {
    const job = expectOk(await router.invoke('jobs.get', { id: jobId }));
    const progress = `${job.done}/${job.total ?? '?'}`;
    if (progress !== shown) ctx.log(`${progress} items`);
    shown = progress;
    if (job.state !== 'running') return job;
    await sleep(POLL_MS);
  }
}

export const payoutsExecuteCommand: CliCommand = {
  name: 'payouts execute',
  summary: 'Pay an approved batch item by item (progress on stderr). Run it again after a crash: it resumes from its checkpoint and pays nothing twice.',
  usage: `payouts execute BATCH --data DIR ${WHO} [--json]`,
  options: UNLOCK_OPTIONS,
  async run(ctx) {
    const batchId = batchArgument(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const before = expectOk(await router.invoke('payouts.get', { batchId }));
      // Killed just after the last step committed, the run before finished the work: say so.
      if (before.status !== 'completed') {
        const { jobId } = expectOk(await router.invoke('payouts.execute', { batchId }));
        const job = await followJob(ctx, router, jobId);
        if (job.state !== 'done') throw jobError(job, batchId);
      }
      const batch = expectOk(await router.invoke('payouts.get', { batchId }));
      const text = [batchLine(batch), `  ${statusSummary(batch)}`, before.status === 'completed' ? 'The batch had already been executed.' : 'Executed.'];
      return batchOutcome(batch, text.join('\n'));
    });
  },
};

export const payoutsShowCommand: CliCommand = {
  name: 'payouts show',
  summary: 'A batch: status, counts and totals by item status, approvals, and every item with its status, code and transfer.',
  usage: `payouts show BATCH --data DIR ${WHO} [--json]`,
  options: UNLOCK_OPTIONS,
  async run(ctx) {
    const batchId = batchArgument(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const batch = expectOk(await router.invoke('payouts.get', { batchId }));
      const items = await allItems(router, batchId);
      return { exitCode: 0, json: batchJson(batch, items), text: batchText(batch, items) };
    });
  },
};

export const payoutsListCommand: CliCommand = {
  name: 'payouts list',
  summary: 'The payout batches, newest first: status, items, total, maker.',
  usage: `payouts list --data DIR [--status ${BATCH_STATUSES.join('|')}] [--limit N] [--offset N] ${WHO} [--json]`,
  options: { ...UNLOCK_OPTIONS, status: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
  async run(ctx) {
    const status = stringOption(ctx, 'status');
    if (status !== undefined && !(BATCH_STATUSES as readonly string[]).includes(status)) throw new AppError('INVALID_INPUT', `--status must be one of ${BATCH_STATUSES.join(', ')}.`, { field: 'status' });
    return withUnlockedRouter(ctx, async (router) => {
      const page = expectOk(
        await router.invoke('payouts.list', {
          ...(status ? { status: status as BatchStatus } : {}),
          limit: Number(stringOption(ctx, 'limit') ?? 100),
          offset: Number(stringOption(ctx, 'offset') ?? 0),
        }),
      );
      const lines = page.rows.length === 0 ? ['No payout batches. Import one with: payouts import FILE'] : [...page.rows.map(batchLine), `${page.rows.length} of ${page.total} batches`];
      return { exitCode: 0, json: page, text: lines.join('\n') };
    });
  },
};

export const payoutsExportCommand: CliCommand = {
  name: 'payouts export',
  summary: "A batch's results as CSV (UTF-8 with BOM, formulas neutralized): one line per item, then the summary by status.",
  usage: `payouts export BATCH --out FILE --data DIR [--lang en|zh-CN] ${WHO} [--json]`,
  options: { ...UNLOCK_OPTIONS, out: { type: 'string' }, lang: { type: 'string' } },
  async run(ctx) {
    const batchId = batchArgument(ctx);
    const language = languageOption(ctx);
    const path = stringOption(ctx, 'out', true)!;
    return withUnlockedRouter(ctx, async (router) => {
      const { csv } = expectOk(await router.invoke('payouts.exportCsv', { batchId, language }));
      writeFileSync(path, csv, 'utf8');
      return { exitCode: 0, json: { batchId, path, language }, text: `Wrote the results of batch #${batchId} to ${path}.` };
    });
  },
};

export const payoutsFundCommand: CliCommand = {
  name: 'payouts fund',
  summary: "Deposit into the payout funding account (from the operator's bank); the amount in major units, e.g. 50000.00.",
  usage: `payouts fund --amount A --data DIR [--currency CNY] [--key KEY] ${WHO} [--json]`,
  options: { ...UNLOCK_OPTIONS, amount: { type: 'string' }, currency: { type: 'string' }, key: { type: 'string' } },
  async run(ctx) {
    const amountText = stringOption(ctx, 'amount', true)!;
    const given = stringOption(ctx, 'currency');
    return withUnlockedRouter(ctx, async (router) => {
      const currency = given ?? expectOk(await router.invoke('payouts.funding', {})).currency;
      const amount = parseAmount(amountText, currency);
      const funding = expectOk(await router.invoke('payouts.fund', { currency, amount, idempotencyKey: stringOption(ctx, 'key') ?? `cli:${randomUUID()}` }));
      const text = `Funded ${money(amount, currency)}: account ${funding.accountCode} holds ${money(funding.balance, currency)}, ${money(funding.available, currency)} not held for approved batches.`;
      return { exitCode: 0, json: funding, text };
    });
  },
};

export const payoutsSettleCommand: CliCommand = {
  name: 'payouts settle',
  summary: 'The bank confirmed a SENT bank-card item: it becomes SETTLED.',
  usage: `payouts settle BATCH ITEM --data DIR ${WHO} [--json]`,
  options: UNLOCK_OPTIONS,
  async run(ctx) {
    const ids = batchAndItemArguments(ctx);
    return withUnlockedRouter(ctx, async (router) => {
      const item = expectOk(await router.invoke('payouts.settleItem', ids));
      return { exitCode: 0, json: item, text: itemLine(item) };
    });
  },
};

export const payoutsReturnCommand: CliCommand = {
  name: 'payouts return',
  summary: 'The bank sent a SENT bank-card item back: it becomes RETURNED and its amount returns to the funding account.',
  usage: `payouts return BATCH ITEM --reason TEXT --data DIR ${WHO} [--json]`,
  options: { ...UNLOCK_OPTIONS, reason: { type: 'string' } },
  async run(ctx) {
    const ids = batchAndItemArguments(ctx);
    const reason = stringOption(ctx, 'reason', true)!;
    return withUnlockedRouter(ctx, async (router) => {
      const item = expectOk(await router.invoke('payouts.returnItem', { ...ids, reason }));
      return { exitCode: 0, json: item, text: itemLine(item) };
    });
  },
};

export const payoutsTemplateCommand: CliCommand = {
  name: 'payouts template',
  summary: 'Write a payout CSV template: the header (English or Chinese column names) and two example rows.',
  usage: `payouts template --out FILE --data DIR [--lang en|zh-CN] [--currency CNY] ${WHO} [--json]`,
  options: { ...UNLOCK_OPTIONS, out: { type: 'string' }, lang: { type: 'string' }, currency: { type: 'string' } },
  async run(ctx) {
    const language = languageOption(ctx);
    const path = stringOption(ctx, 'out', true)!;
    const given = stringOption(ctx, 'currency');
    return withUnlockedRouter(ctx, async (router) => {
      const currency = given ?? expectOk(await router.invoke('payouts.funding', {})).currency;
      writeFileSync(path, payoutTemplate(language, currency), 'utf8');
      return { exitCode: 0, json: { path, language, currency }, text: `Wrote a ${language} payout template to ${path}.` };
    });
  },
};

export const PAYOUT_COMMANDS: CliCommand[] = [
  payoutsValidateCommand,
  payoutsImportCommand,
  payoutsSubmitCommand,
  payoutsApproveCommand,
  payoutsRejectCommand,
  payoutsCancelCommand,
  payoutsExecuteCommand,
  payoutsShowCommand,
  payoutsListCommand,
  payoutsExportCommand,
  payoutsFundCommand,
  payoutsSettleCommand,
  payoutsReturnCommand,
  payoutsTemplateCommand,
];
