import { AppError } from './errors';

// The recovery key: a random 256-bit secret that unwraps the recovery slot (not the master key,
// see src-main/store/keyslots.ts), written as 64 hex digits in 16 groups of 4 joined by '-'.

const HEX_DIGITS = 64;

export function formatRecoveryKey(hex: string): string {
  const clean = hex.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(clean)) throw new Error('formatRecoveryKey: expected 64 hex digits');
  return clean.match(/.{4}/g)!.join('-').toUpperCase();
}

function digitsOf(input: string): string {
  return input.replace(/[\s-]/g, '').toLowerCase();
}

/** Accepts any case, spaces and dashes; returns the 64 lower-case hex digits, or null. */
export function parseRecoveryKey(input: string): string | null {
  const clean = digitsOf(input);
  return clean.length === HEX_DIGITS && /^[0-9a-f]+$/.test(clean) ? clean : null;
}

/**
 * Why `input` cannot be a recovery key at all, before any data is tried: a character that is
 * not a hex digit, or not 64 digits (`count` says how many). Null when it has the right form.
 */
export type RecoveryKeyProblem = { reason: 'recovery_key_not_hex' } | { reason: 'recovery_key_length'; count: number };

export function recoveryKeyProblem(input: string): RecoveryKeyProblem | null {
  const clean = digitsOf(input);
  if (!/^[0-9a-f]*$/.test(clean)) return { reason: 'recovery_key_not_hex' };
  return clean.length === HEX_DIGITS ? null : { reason: 'recovery_key_length', count: clean.length };
}

/** The refusal of something that is not a recovery key: INVALID_INPUT, saying what is wrong with its form. */
export function notARecoveryKey(input: string): AppError {
  const problem = recoveryKeyProblem(input) ?? { reason: 'recovery_key_length' as const, count: HEX_DIGITS };
  const why = problem.reason === 'recovery_key_not_hex' ? 'it has characters other than 0-9 and A-F' : `it has ${problem.count} hex digits`;
  return new AppError('INVALID_INPUT', `That is not a recovery key: it is 64 hex digits, and ${why}.`, { field: 'recoveryKey', ...problem });
}
