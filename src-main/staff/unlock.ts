import { existsSync } from 'node:fs';
import { AppError, isAppError } from '../../src-shared/errors';
import type { Session } from '../../src-shared/contract/session';
import type { Role } from '../../src-shared/permissions';
import { notARecoveryKey, parseRecoveryKey } from '../../src-shared/recovery-key';
import { dataPaths, type DataPaths } from '../store/paths';
import { openStore, type Store, type StoreOptions } from '../store/store';
import {
  assertKeyslotMac, openRecoverySlot, openStaffSlot, readKeyslotFile, readRecoverySlotCopy, recoverySlotOf, spendUnlockWork, staffSlots,
  withRecoverySigning, withStaffSigning, writeKeyslotFile, type KeyslotFile, type OpenedSlot, type RecoverySlot, type StaffSlot,
} from '../store/keyslots';
import {
  MAX_FAILURES, clearFailedUnlocks, noteFailedUnlock, releaseUnlockAttempt, reserveUnlockAttempt, takePendingFailures,
} from './lockout';
import { KEY_DOES_NOT_OPEN, assertDatabaseFileShape, openEncryptedDatabase } from '../store/open-database';
import { finishInterruptedSwap } from '../store/swap';
import { execute } from '../store/sql';
import { recordAudit } from '../audit/record-audit';
import type { Signer } from '../trust/signer';
import type { SigningIdentity } from '../store/signing-keys';
import { findStaff } from './staff-repo';
import { staffSql } from './tables';
import { putSlot, replaceRecoverySlot } from './keyslot-edits';
import { signerAtSignIn, type SignedIn } from './signing';
import { RECOVERY_USERNAME } from './passphrase';

export interface Unlocked {
  store: Store;
  session: Session;
  /** Signs checkpoints and certificates for this session; the role comes from its certificate. */
  signer: Signer;
}

/**
 * Set up = keyslots.json exists, or a database does that no interrupted first setup left behind
 * (its keyslots.json was lost: the recovery key still opens it and writes a new one).
 */
export function isInitialized(dataDir: string): boolean {
  const paths = dataPaths(dataDir);
  return existsSync(paths.keyslots) || (existsSync(paths.database) && !existsSync(paths.setupMarker));
}

function missingFile(name: 'paydesk.db' | 'keyslots.json', hint: string): AppError {
  return new AppError('DATA_DAMAGED', `${name} is missing. ${hint}`, { file: name });
}

/**
 * What can be checked before anything is written (a lockout counter, a rebuilt keyslots.json, a
 * migrated schema): both files are there and have a possible shape. Anything else is
 * DATA_DAMAGED naming the file, and every file stays as it was. Only the recovery key may find
 * keyslots.json missing, because it can write a new one (rebuildKeyslots).
 */
export function assertDataFilesPaired(paths: DataPaths, { keyslotsMayBeMissing = false } = {}): void {
  const hasDatabase = existsSync(paths.database);
  const hasKeyslots = existsSync(paths.keyslots);
  if (!isInitialized(paths.dataDir)) throw new AppError('NOT_INITIALIZED', `${paths.dataDir} is not a Paydesk data folder (no paydesk.db, no keyslots.json).`);
  if (!hasDatabase) throw missingFile('paydesk.db', 'keyslots.json is here without it: restore the last backup into a new folder.');
  if (!hasKeyslots && !keyslotsMayBeMissing) throw missingFile('keyslots.json', 'Unlock with the recovery key to write a new one, then set passphrases again.');
  assertDatabaseFileShape(paths.database);
  if (hasKeyslots) readKeyslotFile(paths.keyslots);
}

/** The database did not open with the key a keyslot gave: say which files disagree, not "damaged pages". */
function explainForeign(error: unknown, source: string): unknown {
  if (!isAppError(error) || error.details?.reason !== KEY_DOES_NOT_OPEN) return error;
  return new AppError('DATA_DAMAGED', `keyslots.json and paydesk.db do not belong together: the key ${source} does not open paydesk.db. `
    + 'One of them comes from another data folder (or the start of paydesk.db is damaged). Both were left untouched.', { file: 'keyslots.json', reason: 'foreign' });
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
      execute(store.sqlite, staffSql.updateTable('staff').set({ last_login_at: now.toISOString() }).where('id', '=', session.staffId));
    }
    recordAudit(store, { actor: session.username, action: session.recovery ? 'session.unlockWithRecoveryKey' : 'session.unlock', entityType: 'session' }, now);
  }).immediate();
}

/**
 * Checks a person's passphrase against their slot, counting the attempt first (see lockout.ts).
 * Returns what the slot holds (the master key, their signing key); a wrong passphrase is
 * AUTH_FAILED, the attempt that reaches the limit LOCKED_OUT. Unknown names spend the same work
 * and count the same way.
 */
export async function provePassphrase(paths: DataPaths, slots: StaffSlot[], username: string, passphrase: string, now: Date): Promise<OpenedSlot & { slot: StaffSlot }> {
  const { lockedForMs, found, counted: attempt } = reserveUnlockAttempt(paths.lockout, username, now.getTime());
  if (lockedForMs > 0) throw lockedOut(lockedForMs, now.getTime());
  const slot = slots.find((s) => s.username === username);
  let opened: OpenedSlot | null = null;
  try {
    if (slot) opened = await openStaffSlot(slot, passphrase);
    else await spendUnlockWork(passphrase);
  } catch (error) {
    releaseUnlockAttempt(paths.lockout, username, found);
    throw error;
  }
  if (opened) {
    clearFailedUnlocks(paths.lockout, username);
    return { ...opened, slot: slot! };
  }
  noteFailedUnlock(paths.lockout, username, now.getTime());
  if (attempt.lockedUntil !== null) throw lockedOut(attempt.lockedUntil - now.getTime(), now.getTime());
  throw new AppError('AUTH_FAILED', 'The name or passphrase is not right.', { attemptsLeft: MAX_FAILURES - attempt.failures });
}

export async function unlockWithPassphrase(dataDir: string, username: string, passphrase: string, options: StoreOptions = {}, now = new Date()): Promise<Unlocked> {
  const paths = dataPaths(dataDir);
  finishInterruptedSwap(paths);
  assertDataFilesPaired(paths);
  const file = readKeyslotFile(paths.keyslots);
  const opened = await provePassphrase(paths, staffSlots(file), username, passphrase, now);
  let store: Store;
  try {
    assertKeyslotMac(file, opened.masterKey);
    store = await openStore(dataDir, opened.masterKey, options).catch((error: unknown) => {
      throw explainForeign(error, `in ${username}'s keyslot`);
    });
  } finally {
    opened.masterKey.fill(0);
  }
  return closeOnError(store, async () => {
    const row = findStaff(store, username);
    if (!row) throw new AppError('AUTH_FAILED', 'The name or passphrase is not right.');
    const founding = { role: row.role as Role, sealInto: async (identity: SigningIdentity) => {
      const slot = await withStaffSigning(opened.slot, passphrase, identity);
      return () => putSlot(store, slot);
    } };
    const signedIn = await signerAtSignIn(store, username, opened, founding, now);
    return startSession(store, { staffId: row.id, username: row.username, displayName: row.display_name, recovery: false }, signedIn, now);
  });
}

/**
 * The session of someone whose sign-in was proven: the role and the trust fingerprint are their
 * certificate's and their keyslot's, never the staff row's (which a key holder could edit). The
 * sign-in is recorded in the audit log.
 */
function startSession(store: Store, who: Pick<Session, 'staffId' | 'username' | 'displayName' | 'recovery'>, { signer, certificate }: SignedIn, now: Date): Unlocked {
  const session: Session = { ...who, role: certificate.role as Role, unlockedAt: now.toISOString(), trustFingerprint: signer.trustFingerprint };
  recordSignIn(store, session, now);
  return { store, session, signer };
}

/** Runs the checks after the store opened; any refusal closes it again, so the key leaves memory. */
async function closeOnError<T>(store: Store, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * The master key a recovery key stands for, proven against the data before anything is written:
 * it must open paydesk.db. In a version 2 folder the recovery key unwraps the recovery slot (of
 * keyslots.json, or of its copy when keyslots.json is lost); in a version 1 folder, or with both
 * copies lost, it is tried as the master key itself (what recovery keys were before the slot).
 */
function openForRecovery(paths: DataPaths, file: KeyslotFile | null, secret: Buffer, options: StoreOptions): OpenedSlot & { slot: RecoverySlot | null } {
  const slot = file ? recoverySlotOf(file.slots) : readRecoverySlotCopy(paths.dataDir);
  const opened = slot ? openRecoverySlot(slot, secret) : { masterKey: Buffer.from(secret), signing: null };
  if (!opened) throw notThisRecoveryKey();
  const { masterKey } = opened;
  try {
    openEncryptedDatabase(paths.database, masterKey, { ...options, readonly: true }).close();
  } catch (error) {
    masterKey.fill(0);
    // A key from the recovery slot is the slot's own: if it fails, the files disagree.
    if (slot) throw explainForeign(error, 'in the recovery slot');
    if (isAppError(error) && error.details?.reason === KEY_DOES_NOT_OPEN) throw notThisRecoveryKey();
    throw error;
  }
  return { ...opened, slot };
}

function notThisRecoveryKey(): AppError {
  return new AppError('AUTH_FAILED', 'This recovery key does not open this data.', { field: 'recoveryKey' });
}

/**
 * keyslots.json was lost but the database is here and the recovery key opened it: a new file with
 * only the recovery slot (none in a version 1 folder) lets the recovery admin give staff new slots.
 */
function rebuildKeyslots(paths: DataPaths, masterKey: Buffer): void {
  const slot = readRecoverySlotCopy(paths.dataDir);
  writeKeyslotFile(paths.keyslots, slot ? [slot] : [], masterKey);
  console.warn('rebuildKeyslots: keyslots.json was missing; wrote one with only the recovery slot after the recovery key opened the database');
}

/** The recovery key unlocks as the recovery admin (DESIGN.md §3): it needs the recovery secret. */
export async function unlockWithRecoveryKey(dataDir: string, recoveryKey: string, options: StoreOptions = {}, now = new Date()): Promise<Unlocked> {
  const hex = parseRecoveryKey(recoveryKey);
  if (!hex) throw notARecoveryKey(recoveryKey);
  const secret = Buffer.from(hex, 'hex');
  try {
    return await unlockWithRecoverySecret(dataDir, secret, options, now);
  } finally {
    secret.fill(0);
  }
}

async function unlockWithRecoverySecret(dataDir: string, secret: Buffer, options: StoreOptions, now: Date): Promise<Unlocked> {
  const paths = dataPaths(dataDir);
  finishInterruptedSwap(paths);
  assertDataFilesPaired(paths, { keyslotsMayBeMissing: true });
  const file = existsSync(paths.keyslots) ? readKeyslotFile(paths.keyslots) : null;
  const opened = openForRecovery(paths, file, secret, options);
  let store: Store;
  try {
    // The key opened the database, so a MAC that does not match means keyslots.json was changed.
    if (file) assertKeyslotMac(file, opened.masterKey);
    else rebuildKeyslots(paths, opened.masterKey);
    store = await openStore(dataDir, opened.masterKey, options);
  } finally {
    opened.masterKey.fill(0);
  }
  return closeOnError(store, async () => {
    // A version 1 folder's recovery key is the master key, which every staff slot gives: it gets
    // no role until a rekey gives it a slot of its own (`founding.role` null).
    const slot = opened.slot;
    const founding = { role: slot ? ('admin' as const) : null, sealInto: async (identity: SigningIdentity) => {
      const sealed = withRecoverySigning(slot!, secret, identity);
      return () => replaceRecoverySlot(store, sealed);
    } };
    const signedIn = await signerAtSignIn(store, RECOVERY_USERNAME, opened, founding, now);
    return startSession(store, { staffId: null, username: RECOVERY_USERNAME, displayName: 'Recovery admin', recovery: true }, signedIn, now);
  });
}
