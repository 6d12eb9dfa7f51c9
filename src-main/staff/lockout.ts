import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-file';

// Failed unlocks are counted in lockout.json, outside the encrypted database (it cannot be
// opened before an unlock succeeds), so a restart does not reset the backoff. After
// MAX_FAILURES in a row the account waits BASE_LOCK_MS, doubling with each further failure.
// An attempt is counted *before* its passphrase is checked and forgiven when it succeeds, so
// guesses sent in parallel cannot all slip past the count while scrypt runs. Names without a
// slot are counted the same way, so the answers do not reveal which names exist.
// The failures also wait here until the next successful unlock copies them into the audit log.

export const MAX_FAILURES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
const MAX_PENDING_EVENTS = 1000;
/** Counters kept at most; the oldest-locked names are forgotten first, so guessing names cannot grow the file without bound. */
const MAX_ACCOUNTS = 1000;

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

/** With nothing to remember the file goes away, so a successful unlock leaves the folder as it was. */
function write(path: string, file: LockoutFile): void {
  if (Object.keys(file.accounts).length === 0 && file.pendingFailures.length === 0) {
    rmSync(path, { force: true });
    return;
  }
  writeFileAtomic(path, JSON.stringify(file, null, 2));
}

export function lockoutState(path: string, username: string): LockoutState {
  return read(path).accounts[username] ?? { failures: 0, lockedUntil: null };
}

function boundedAccounts(accounts: LockoutFile['accounts']): LockoutFile['accounts'] {
  const names = Object.keys(accounts);
  if (names.length <= MAX_ACCOUNTS) return accounts;
  const newestFirst = names.sort((a, b) => (accounts[b]!.lockedUntil ?? 0) - (accounts[a]!.lockedUntil ?? 0));
  return Object.fromEntries(newestFirst.slice(0, MAX_ACCOUNTS).map((name) => [name, accounts[name]!]));
}

export interface UnlockReservation {
  /** Milliseconds left on a lockout; when above 0 no attempt was counted. */
  lockedForMs: number;
  /** The counter as this attempt found it, to put back if the attempt is neither right nor wrong. */
  found: LockoutState;
  /** The counter with this attempt counted; `lockedUntil` is set when this attempt locks the account. */
  counted: LockoutState;
}

/**
 * Counts an attempt before its passphrase is checked, unless the account is locked out.
 * `clearFailedUnlocks` forgives it when the passphrase was right.
 */
export function reserveUnlockAttempt(path: string, username: string, now: number): UnlockReservation {
  const file = read(path);
  const found = file.accounts[username] ?? { failures: 0, lockedUntil: null };
  if (found.lockedUntil !== null && found.lockedUntil > now) return { lockedForMs: found.lockedUntil - now, found, counted: found };
  const failures = found.failures + 1;
  const lockedUntil = failures >= MAX_FAILURES ? now + Math.min(BASE_LOCK_MS * 2 ** (failures - MAX_FAILURES), MAX_LOCK_MS) : null;
  const counted = { failures, lockedUntil };
  write(path, { ...file, accounts: boundedAccounts({ ...file.accounts, [username]: counted }) });
  return { lockedForMs: 0, found, counted };
}

/**
 * Takes back a reserved attempt that was neither right nor wrong (the slot turned out to be
 * damaged), restoring the counter the attempt found.
 */
export function releaseUnlockAttempt(path: string, username: string, found: LockoutState): void {
  const file = read(path);
  const accounts = { ...file.accounts };
  if (found.failures === 0 && found.lockedUntil === null) delete accounts[username];
  else accounts[username] = found;
  write(path, { ...file, accounts });
}

/** Queues a failed attempt for the audit log. */
export function noteFailedUnlock(path: string, username: string, now: number): void {
  const file = read(path);
  file.pendingFailures = [...file.pendingFailures, { username, at: new Date(now).toISOString() }].slice(-MAX_PENDING_EVENTS);
  write(path, file);
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
