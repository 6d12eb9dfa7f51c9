import { z } from 'zod';
import { ROLES } from '../permissions';

export const roleSchema = z.enum(ROLES);
export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash or underscore');
export const displayNameSchema = z.string().trim().min(1).max(80);
/** The policy (length, common list) is checked by the service so the error code is WEAK_PASSPHRASE. */
export const passphraseSchema = z.string().min(1).max(1024);
export const isoTimeSchema = z.string();
export const emptyInput = z.object({}).strict();
export const okOutput = z.object({ done: z.literal(true) });
export const idSchema = z.number().int().positive();

/** The paging fields of a list input: rows from `offset`, at most `max` of them, `fallback` when not given. */
export function pageFields(max: number, fallback: number) {
  return {
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(max).default(fallback),
  };
}

/** An optional time window; either end may be left open. */
export const timeRangeFields = { from: isoTimeSchema.optional(), to: isoTimeSchema.optional() };

/** The filters of a transfer history (an account's or a wallet's): a time window, transfer kinds, a page. */
export const transferHistoryFields = {
  ...timeRangeFields,
  kinds: z.array(z.string().min(1)).optional(),
  ...pageFields(1000, 100),
};
