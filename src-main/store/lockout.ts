import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

// Failed unlocks are counted in lockout.json, outside the encrypted database (it cannot be
// opened before an unlock succeeds), so a restart does not reset the backoff. After
// MAX_FAILURES in a row the account waits BASE_LOCK_MS, doubling with each further failure.
// The failures also wait here until the next successful unlock copies them into the audit log.

export const MAX_FAILURES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
const MAX_PENDING_EVENTS = 1000;

const accountSchema = z.object({ failures: z.number().int().min(0), lockedUntil: z.number().nullable() });
const lockoutSchema = z.object({
  accounts: z.record(z.string(), accountSchema),
  pendingFailures: z.array(z.object({ username: z.string(), at: z.string() })),
});
type LockoutFile = z.infer<typeof lockoutSchema>;
export type LockoutState = z.infer<typeof accountSchema>;
export type FailedUnlock = LockoutFile['pendingFailures'][number];

function read(path: string): LockoutFile {
  const empty: LockoutFile = { accounts: {}, pendingFailures: [] };
  if (!existsSync(path)) return empty;
  try {
    const parsed = lockoutSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : empty;
  } catch {
    // A damaged counter file must not lock everyone out forever: counting starts again.
    return empty;
  }
}

function write(path: string, file: LockoutFile): void {
  writeFileAtomic(path, JSON.stringify(file, null, 2));
}

export function lockoutState(path: string, username: string): LockoutState {
  return read(path).accounts[username] ?? { failures: 0, lockedUntil: null };
}

/** Milliseconds left on a lockout, or 0. */
export function lockoutRemaining(path: string, username: string, now: number): number {
  const { lockedUntil } = lockoutState(path, username);
  return lockedUntil !== null && lockedUntil > now ? lockedUntil - now : 0;
}

export function recordFailedUnlock(path: string, username: string, now: number): LockoutState {
  const file = read(path);
  const failures = (file.accounts[username]?.failures ?? 0) + 1;
  const lockedUntil = failures >= MAX_FAILURES ? now + Math.min(BASE_LOCK_MS * 2 ** (failures - MAX_FAILURES), MAX_LOCK_MS) : null;
  const state = { failures, lockedUntil };
  file.accounts[username] = state;
  file.pendingFailures = [...file.pendingFailures, { username, at: new Date(now).toISOString() }].slice(-MAX_PENDING_EVENTS);
  write(path, file);
  return state;
}

export function clearFailedUnlocks(path: string, username: string): void {
  const file = read(path);
  if (!(username in file.accounts)) return;
  delete file.accounts[username];
  write(path, file);
}

/** Hands over the failures recorded since the last unlock, and forgets them. */
export function takePendingFailures(path: string): FailedUnlock[] {
  const file = read(path);
  if (file.pendingFailures.length === 0) return [];
  write(path, { ...file, pendingFailures: [] });
  return file.pendingFailures;
}
