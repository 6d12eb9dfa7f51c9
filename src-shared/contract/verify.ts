import { z } from 'zod';
import { channel } from './define';
import { emptyInput } from './common';

export const checkResultSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  /** What the check looked at, e.g. `{ transfers: 200000, accounts: 10009 }`. */
  counts: z.record(z.string(), z.number().int()),
  /** The first row at fault as `table#id`, so a person can find it. */
  firstViolation: z.string().nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  checks: z.array(checkResultSchema),
  /** Chain heads an auditor quotes on every report. */
  heads: z.record(z.string(), z.string()),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

export const verifyChannels = {
  'system.verify': channel({ input: emptyInput, output: verifyReportSchema, access: 'audit.read' }),
};
