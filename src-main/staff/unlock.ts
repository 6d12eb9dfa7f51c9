import { existsSync } from 'node:fs';
import { AppError } from '../../src-shared/errors';
import type { Session } from '../../src-shared/contract/session';
import type { Role } from '../../src-shared/permissions';
import { parseRecoveryKey } from '../../src-shared/recovery-key';
import { dataPaths, type DataPaths } from '../store/paths';
import { openStore, type Store, type StoreOptions } from '../store/store';
import { assertKeyslotMac, readKeyslotFile, spendUnlockWork, unwrapStaffSlot, writeKeyslotFile, type Keyslot } from '../store/keyslots';
import {
  MAX_FAILURES, clearFailedUnlocks, noteFailedUnlock, releaseUnlockAttempt, reserveUnlockAttempt, takePendingFailures,
} from './lockout';
import { openEncryptedDatabase } from '../store/open-database';
import { finishInterruptedSwap } from '../store/swap';
import { recordAudit } from '../audit/record-audit';
import { findStaff } from './staff-repo';

export interface Unlocked {
  store: Store;
  session: Session;
}

/**
 * Set up = keyslots.json exists, or a database does that no interrupted first setup left behind
 * (its keyslots.json was lost: the recovery key still opens it and writes a new one).
 */
export function isInitialized(dataDir: string): boolean {
  const paths = dataPaths(dataDir);
  return existsSync(paths.keyslots) || (existsSync(paths.database) && !existsSync(paths.setupMarker));
}

function missingKeyslots(): AppError {
  return new AppError('DATA_DAMAGED', 'keyslots.json is missing. Unlock with the recovery key to write a new one, then set passphrases again.');
}

function lockedOut(remainingMs: number, now: number): AppError {
  return new AppError('LOCKED_OUT', `Locked for ${Math.ceil(remainingMs / 1000)} more seconds.`, {
    retryAfterMs: remainingMs,
    lockedUntil: new Date(now + remainingMs).toISOString(),
  });
}

/** Failed unlocks could not be written while the data was locked; they go into the audit log now. */
function recordSignIn(store: Store, session: Session, now: Date): void {
  store.sqlite.transaction(() => {
    for (const failure of takePendingFailures(store.paths.lockout)) {
      recordAudit(store, { actor: failure.username, action: 'session.unlockFailed', entityType: 'staff', entityId: failure.username, after: { at: failure.at } }, now);
    }
    if (session.staffId !== null) {
      store.sqlite.prepare('UPDATE staff SET last_login_at = ? WHERE id = ?').run(now.toISOString(), session.staffId);
    }
    recordAudit(store, { actor: session.username, action: session.recovery ? 'session.unlockWithRecoveryKey' : 'session.unlock', entityType: 'session' }, now);
  })();
}

/**
 * Checks a person's passphrase against their slot, counting the attempt first (see lockout.ts).
 * Returns the master key; a wrong passphrase is AUTH_FAILED, the attempt that reaches the limit
 * LOCKED_OUT. Unknown names spend the same work and count the same way.
 */
export async function provePassphrase(paths: DataPaths, slots: Keyslot[], username: string, passphrase: string, now: Date): Promise<Buffer> {
  const { lockedForMs, found, counted: attempt } = reserveUnlockAttempt(paths.lockout, username, now.getTime());
  if (lockedForMs > 0) throw lockedOut(lockedForMs, now.getTime());
  const slot = slots.find((s) => s.username === username);
  let masterKey: Buffer | null = null;
  try {
    if (slot) masterKey = await unwrapStaffSlot(slot, passphrase);
    else await spendUnlockWork(passphrase);
  } catch (error) {
    releaseUnlockAttempt(paths.lockout, username, found);
    throw error;
  }
  if (masterKey) {
    clearFailedUnlocks(paths.lockout, username);
    return masterKey;
  }
  noteFailedUnlock(paths.lockout, username, now.getTime());
  if (attempt.lockedUntil !== null) throw lockedOut(attempt.lockedUntil - now.getTime(), now.getTime());
  throw new AppError('AUTH_FAILED', 'The name or passphrase is not right.', { attemptsLeft: MAX_FAILURES - attempt.failures });
}

export async function unlockWithPassphrase(dataDir: string, username: string, passphrase: string, options: StoreOptions = {}, now = new Date()): Promise<Unlocked> {
  const paths = dataPaths(dataDir);
  finishInterruptedSwap(paths);
  if (!existsSync(paths.keyslots) && existsSync(paths.database)) throw missingKeyslots();
  const file = readKeyslotFile(paths.keyslots);
  const masterKey = await provePassphrase(paths, file.slots, username, passphrase, now);
  assertKeyslotMac(file, masterKey);
  const store = await openStore(dataDir, masterKey, options);
  masterKey.fill(0);
  const row = findStaff(store, username);
  if (!row || row.status !== 'active') {
    store.close();
    throw new AppError(row ? 'STAFF_DISABLED' : 'AUTH_FAILED', row ? 'This staff account is disabled.' : 'The name or passphrase is not right.');
  }
  const session: Session = {
    staffId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    recovery: false,
    unlockedAt: now.toISOString(),
  };
  recordSignIn(store, session, now);
  return { store, session };
}

/**
 * keyslots.json was lost but the database is here: the recovery key proves itself by opening the
 * database, and an empty slot file is written so the recovery admin can give staff new slots.
 */
function rebuildKeyslots(paths: DataPaths, masterKey: Buffer, options: StoreOptions): void {
  try {
    openEncryptedDatabase(paths.database, masterKey, { ...options, readonly: true }).close();
  } catch {
    throw new AppError('AUTH_FAILED', 'This recovery key does not open this data.', { field: 'recoveryKey' });
  }
  writeKeyslotFile(paths.keyslots, [], masterKey);
  console.warn('rebuildKeyslots: keyslots.json was missing; wrote an empty one after the recovery key opened the database');
}

/** The recovery key is the master key itself; it unlocks as the recovery admin. */
export async function unlockWithRecoveryKey(dataDir: string, recoveryKey: string, options: StoreOptions = {}, now = new Date()): Promise<Unlocked> {
  const hex = parseRecoveryKey(recoveryKey);
  if (!hex) throw new AppError('AUTH_FAILED', 'That is not a recovery key: expected 64 hex digits.', { field: 'recoveryKey' });
  const masterKey = Buffer.from(hex, 'hex');
  const paths = dataPaths(dataDir);
  finishInterruptedSwap(paths);
  if (!existsSync(paths.keyslots) && existsSync(paths.database)) rebuildKeyslots(paths, masterKey, options);
  const file = readKeyslotFile(paths.keyslots);
  try {
    assertKeyslotMac(file, masterKey);
  } catch {
    // Either the key is wrong or keyslots.json was changed. The database tells which.
    try {
      openEncryptedDatabase(paths.database, masterKey, { ...options, readonly: true }).close();
    } catch {
      throw new AppError('AUTH_FAILED', 'This recovery key does not open this data.', { field: 'recoveryKey' });
    }
    throw new AppError('DATA_DAMAGED', 'keyslots.json is damaged: its MAC does not match.');
  }
  const store = await openStore(dataDir, masterKey, options);
  const session: Session = {
    staffId: null,
    username: 'recovery',
    displayName: 'Recovery admin',
    role: 'admin',
    recovery: true,
    unlockedAt: now.toISOString(),
  };
  recordSignIn(store, session, now);
  return { store, session };
}
