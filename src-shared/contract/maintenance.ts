import { z } from 'zod';
import { channel } from './define';
import { emptyInput } from './common';
import { isKnownCurrency, POINTS_CURRENCY } from '../money';

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** 0..1 */
  progress: z.number(),
  result: z.unknown().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  enabledCurrencies: z
    .array(z.string().refine((c) => isKnownCurrency(c) && c !== POINTS_CURRENCY, 'an ISO 4217 currency code'))
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'each currency once'),
  paymentFeeBps: z.number().int().min(0).max(10_000),
});
export type Settings = z.infer<typeof settingsSchema>;

export const jobStarted = z.object({ jobId: z.string() });

export const maintenanceChannels = {
  'jobs.get': channel({ input: z.object({ id: z.string() }), output: jobSchema, access: 'session' }),
  'settings.get': channel({ input: emptyInput, output: settingsSchema, access: 'session' }),
  /** The idle lock rides on app.status; a newly enabled currency adds a wallet to every summary. */
  'settings.update': channel({
    input: settingsSchema.partial(),
    output: settingsSchema,
    access: 'settings.manage',
    invalidates: ['settings.get', 'app.status', 'wallets.summary', 'audit.list'],
  }),
};
