import { z } from 'zod';
import { ROLES } from '../permissions';

/**
 * Upper bounds on every string, list and path a channel takes, defined once. Without them an
 * oversized input failed deep inside (a 200k-element list overflowed the stack, 20k of them passed
 * SQLite's variable limit) as INTERNAL; with them it is INVALID_INPUT naming the field.
 */
export const INPUT_LIMITS = {
  /** A person's, member's or merchant's name. */
  name: 80,
  /** A code, kind, action or other identifier-like string. */
  code: 64,
  /** A memo, key or reference. */
  text: 200,
  /** Notes and other free prose. */
  prose: 2000,
  /** A file path (PATH_MAX on Linux). */
  path: 4096,
  /** Items of a filter list. */
  list: 50,
} as const;

/**
 * Refused in names: control characters (NUL among them) and the bidirectional controls, which
 * make a name display differently from how it is stored and compared (Unicode TR #9; the
 * "Trojan Source" attack, CVE-2021-42574, uses the same characters).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The reason an INVALID_INPUT carries (details.reason) when a name holds one of them; the renderer translates it. */
export const CONTROL_CHARACTERS_REASON = 'control_characters';
/** zod's message for it, which a form recognizes to show its own translated words instead. */
export const CONTROL_CHARACTERS_MESSAGE = 'control or text-direction characters are not allowed in names';

/** A trimmed name of 1 to `max` characters, without control or bidirectional characters. */
export function nameSchema(max: number = INPUT_LIMITS.name) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !NAME_FORBIDDEN.test(name), { message: CONTROL_CHARACTERS_MESSAGE, params: { reason: CONTROL_CHARACTERS_REASON } });
}

/** A file path the main process will resolve; bounded before any file system call sees it. */
export const pathSchema = z.string().min(1).max(INPUT_LIMITS.path);

/** ISO 4217 alphabetic code. */
export const currencyCodeSchema = z.string().max(3).regex(/^[A-Z]{3}$/, 'a three-letter currency code');

export const roleSchema = z.enum(ROLES);
export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash or underscore');
export const displayNameSchema = nameSchema();
/** The policy (length, common list) is checked by the service so the error code is WEAK_PASSPHRASE. */
export const passphraseSchema = z.string().min(1).max(1024);
export const isoTimeSchema = z.string().max(INPUT_LIMITS.code);
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

/** The reason an INVALID_INPUT carries when a time range ends before it starts (it would match nothing). */
export const RANGE_REVERSED_REASON = 'range_reversed';

/**
 * Refines an input with `from` and `to`: `to` before `from` is refused on `to`, instead of
 * answering an empty list that reads as "nothing happened". Every channel with a time range uses it.
 */
export function timeRangeInOrder(range: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (range.from !== undefined && range.to !== undefined && Date.parse(range.to) < Date.parse(range.from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'the end of the time range is before its start', params: { reason: RANGE_REVERSED_REASON } });
  }
}

/** The filters of a transfer history (an account's or a wallet's): a time window, transfer kinds, a page. */
export const transferHistoryFields = {
  ...timeRangeFields,
  kinds: z.array(z.string().min(1).max(INPUT_LIMITS.code)).max(INPUT_LIMITS.list).optional(),
  ...pageFields(1000, 100),
};
