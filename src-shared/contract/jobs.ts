import { z } from 'zod';
import { channel } from './define';
import { emptyInput, INPUT_LIMITS, isoTimeSchema } from './common';

const jobIdInput = z.object({ id: z.string().max(INPUT_LIMITS.code) });

// Long work (backups, restores, rekeys, imports, batch execution) runs as a job: the call that
// starts it answers a job id at once, and the screen follows `jobs.get` until the job ends.

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  /** Items (rows, pages, steps) finished so far. */
  done: z.number().int().min(0),
  /** Items in all; null until the job knows how many it has. */
  total: z.number().int().min(0).nullable(),
  /** Whether `jobs.cancel` can stop it between two items. */
  cancellable: z.boolean(),
  /** Kept in the database with a checkpoint: a crash or a sign-out resumes it at the next unlock. */
  durable: z.boolean(),
  startedAt: isoTimeSchema,
  finishedAt: isoTimeSchema.nullable(),
  result: z.unknown().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** How a job says how far it is: `done` of `total` items. */
export type ReportProgress = (done: number, total: number) => void;

export const jobStarted = z.object({ jobId: z.string() });

/** What one due task did when it ran. */
export const dueTaskOutcomeSchema = z.object({
  task: z.string(),
  /** Counts of what it changed, e.g. `{ voided: 2 }`; empty when nothing was due. */
  counts: z.record(z.string(), z.number().int()),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type DueTaskOutcome = z.infer<typeof dueTaskOutcomeSchema>;

export const jobChannels = {
  'jobs.get': channel({ input: jobIdInput, output: jobSchema, access: 'session' }),
  'jobs.cancel': channel({ input: jobIdInput, output: jobSchema, access: 'session', invalidates: ['jobs.get'] }),
  /** Runs every due task once now (hold expiry, and each domain's own), as `paydesk jobs run` does. */
  'jobs.runDue': channel({ input: emptyInput, output: z.array(dueTaskOutcomeSchema), access: 'jobs.run', invalidates: ['wallets.summary', 'wallets.history', 'ledger.accounts', 'ledger.trialBalance', 'audit.list', 'points.summary', 'points.lots', 'points.history', 'points.monthly', 'members.search', 'cards.list', 'cards.memberCards', 'cards.get', 'cards.activity', 'cards.allowance'] }),
};
