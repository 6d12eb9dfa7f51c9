import { existsSync } from 'node:fs';
import { AppError } from '../../src-shared/errors';
import type { Session } from '../../src-shared/contract/session';
import type { Role } from '../../src-shared/permissions';
import { parseRecoveryKey } from '../../src-shared/recovery-key';
import { dataPaths } from '../store/paths';
import { openStore, type Store, type StoreOptions } from '../store/store';
import { assertKeyslotMac, readKeyslotFile, spendUnlockWork, unwrapStaffSlot } from '../store/keyslots';
import { MAX_FAILURES, clearFailedUnlocks, lockoutRemaining, recordFailedUnlock, takePendingFailures } from '../store/lockout';
import { openEncryptedDatabase } from '../store/open-database';
import { finishInterruptedSwap } from '../store/swap';
import { recordAudit } from '../audit/record-audit';
import { findStaff } from './staff-repo';

export interface Unlocked {
  store: Store;
  session: Session;
}

export function isInitialized(dataDir: string): boolean {
  return existsSync(dataPaths(dataDir).keyslots);
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

export async function unlockWithPassphrase(dataDir: string, username: string, passphrase: string, options: StoreOptions = {}, now = new Date()): Promise<Unlocked> {
  const paths = dataPaths(dataDir);
  finishInterruptedSwap(paths);
  const file = readKeyslotFile(paths.keyslots);
  const remaining = lockoutRemaining(paths.lockout, username, now.getTime());
  if (remaining > 0) throw lockedOut(remaining, now.getTime());

  const slot = file.slots.find((s) => s.username === username);
  if (!slot) {
    await spendUnlockWork(passphrase);
    throw new AppError('AUTH_FAILED', 'The name or passphrase is not right.');
  }
  const masterKey = await unwrapStaffSlot(slot, passphrase);
  if (!masterKey) {
    const state = recordFailedUnlock(paths.lockout, username, now.getTime());
    if (state.lockedUntil !== null) throw lockedOut(state.lockedUntil - now.getTime(), now.getTime());
    throw new AppError('AUTH_FAILED', 'The name or passphrase is not right.', { attemptsLeft: MAX_FAILURES - state.failures });
  }
  assertKeyslotMac(file, masterKey);
  const store = await openStore(dataDir, masterKey, options);
  masterKey.fill(0);
  const row = findStaff(store, username);
  if (!row || row.status !== 'active') {
    store.close();
    throw new AppError(row ? 'STAFF_DISABLED' : 'AUTH_FAILED', row ? 'This staff account is disabled.' : 'The name or passphrase is not right.');
  }
  clearFailedUnlocks(paths.lockout, username);
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

/** The recovery key is the master key itself; it unlocks as the recovery admin. */
export async function unlockWithRecoveryKey(dataDir: string, recoveryKey: string, options: StoreOptions = {}, now = new Date()): Promise<Unlocked> {
  const hex = parseRecoveryKey(recoveryKey);
  if (!hex) throw new AppError('AUTH_FAILED', 'That is not a recovery key: expected 64 hex digits.', { field: 'recoveryKey' });
  const masterKey = Buffer.from(hex, 'hex');
  const paths = dataPaths(dataDir);
  finishInterruptedSwap(paths);
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
