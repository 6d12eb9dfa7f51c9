import { z } from 'zod';
import { channel } from './define';
import { emptyInput, INPUT_LIMITS, isoTimeSchema, pageFields, timeRangeFields, timeRangeInOrder } from './common';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoTimeSchema,
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** JSON summaries of the entity before and after; never secrets. */
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListInput = z.object({
  actor: z.string().max(INPUT_LIMITS.code).optional(),
  action: z.string().max(INPUT_LIMITS.code).optional(),
  ...timeRangeFields,
  ...pageFields(1000, 200),
}).superRefine(timeRangeInOrder);

export const chainStatusSchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  head: z.string(),
  /** The first row whose hash does not match, when the chain is broken. */
  firstBrokenId: z.number().int().nullable(),
});

export const auditChannels = {
  'audit.list': channel({
    input: auditListInput,
    output: z.object({ rows: z.array(auditEntrySchema), total: z.number().int(), actors: z.array(z.string()), actions: z.array(z.string()) }),
    access: 'audit.read',
  }),
  'audit.verify': channel({ input: emptyInput, output: chainStatusSchema, access: 'audit.read' }),
};
