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
export const pageSchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
