import { z } from 'zod';
import { channel } from './define';
import { emptyInput } from './common';

export const checkResultSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  /** The first row or entity at fault, named so a person can find it. */
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
