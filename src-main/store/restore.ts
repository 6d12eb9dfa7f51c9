import { existsSync, mkdirSync } from 'node:fs';
import { AppError } from '../../src-shared/errors';
import type { BackupFile } from '../../src-shared/contract/backup';
import { assertBackupHeader, chooseBackupKey, extractBackupDatabase, invalidBackup, readBackupHeader, type ParsedBackup } from './backup-file';
import type { ReportProgress } from '../../src-shared/contract/jobs';
import { describeBackup, openBackupCopy, type InspectCopy } from './backup';
import { reencryptDatabase, yieldToEventLoop } from './database-copy';
import { withExclusiveAccess } from './data-lock';
import { notARecoveryKey, parseRecoveryKey } from '../../src-shared/recovery-key';
import { parseKeyslotFile, recoverySlotOf, unwrapRecoverySlot, unwrapStaffSlot, writeKeyslotFile } from './keyslots';
import { dataPaths, type DataPaths } from './paths';
import { masterKeyFingerprint, readRetiredKeys } from './retired-keys';
import type { Store } from './store';
import { commitSwap, discardStaging, prepareStaging, type SwapPlan, type SwappableFile } from './swap';

// Restore replaces the database of a data folder with a backup's, after checking the backup
// completely and before touching any current file (the swap in swap.ts is the only step that
// does). The rule for keys:
//   * Into a folder in use, the backup must be under the current master key or one this folder
//     retired at a rekey (retired-keys.json). The restored database is re-encrypted under the
//     CURRENT key and keyslots.json is kept: everyone's current passphrase and the recovery key
//     on paper keep working. Staff the backup does not know cannot sign in (their slot finds no
//     row); staff it knows but who have no slot now need an admin to reset their passphrase.
//   * A backup under a key the folder never used (another workstation, or a folder set up anew)
//     is BACKUP_INVALID there. It restores into an EMPTY folder with that backup's own recovery
//     key or a passphrase from its keyslots (restoreIntoEmptyFolder), exactly as it was.

export interface RestoreSteps {
  now: Date;
  /** Domain checks on the backup's database; it must verify clean to be restored. */
  inspect: InspectCopy;
  /** Writes the audit row of the restore into the restored database. */
  record: (restored: Store, backup: BackupFile) => void;
  onProgress?: ReportProgress;
}

export interface IdentifiedBackup {
  backup: ParsedBackup;
  key: Buffer;
  /** True when the backup predates a rekey and will be re-encrypted under the current key. */
  retiredKey: boolean;
}

/** The quick part of the check (header, key, MAC), cheap enough to answer before a job starts. */
export async function identifyBackup(paths: DataPaths, path: string, currentKey: Buffer): Promise<IdentifiedBackup> {
  const backup = await readBackupHeader(path);
  const retired = readRetiredKeys(paths.dataDir, currentKey).map((entry) => Buffer.from(entry.key, 'hex'));
  const key = chooseBackupKey(backup, [currentKey, ...retired]);
  if (!key) {
    throw invalidBackup(path, 'it was made under a master key this data folder has never used (another data folder?). '
      + 'Restore it into an empty folder with its own recovery key: PAYDESK_RECOVERY_KEY=… paydesk restore --data NEW_DIR --from FILE.', {
      fingerprint: backup.header.fingerprint,
    });
  }
  assertBackupHeader(backup, key);
  return { backup, key, retiredKey: !key.equals(currentKey) };
}

/** Extract, re-encrypt, verify, record: the steps of staging a restore. */
export const RESTORE_STEPS = 4;

async function stageDatabase(identified: IdentifiedBackup, staging: DataPaths, finalKey: Buffer, steps: RestoreSteps): Promise<void> {
  const report = steps.onProgress ?? (() => undefined);
  await extractBackupDatabase(identified.backup, staging.database);
  report(1, RESTORE_STEPS);
  await yieldToEventLoop();
  if (!identified.key.equals(finalKey)) reencryptDatabase(staging.database, identified.key, finalKey);
  report(2, RESTORE_STEPS);
  const restored = await openBackupCopy(identified.backup.path, staging.dataDir, finalKey);
  try {
    steps.inspect(restored);
    report(3, RESTORE_STEPS);
    steps.record(restored, describeBackup(identified.backup));
  } finally {
    restored.close();
  }
}

export interface StagedRestore {
  identified: IdentifiedBackup;
  /** The swap; the caller has closed its own connection to the database first. */
  commit(): void;
  discard(): void;
}

/**
 * Builds the restored database in staging/, re-encrypted under the current key when needed.
 * The caller holds exclusive access to the folder and commits or discards the result.
 */
export async function stageRestore(paths: DataPaths, path: string, currentKey: Buffer, steps: RestoreSteps): Promise<StagedRestore> {
  const identified = await identifyBackup(paths, path, currentKey);
  const staging = prepareStaging(paths);
  try {
    await stageDatabase(identified, staging, currentKey, steps);
  } catch (error) {
    discardStaging(paths);
    throw error;
  }
  const plan: SwapPlan = { kind: 'restore', files: ['paydesk.db'] };
  return { identified, commit: () => commitSwap(paths, plan, steps.now), discard: () => discardStaging(paths) };
}

/** The keyslots a backup's header carries; BACKUP_INVALID when they do not parse. */
async function backupSlots(path: string) {
  const backup = await readBackupHeader(path);
  try {
    return parseKeyslotFile(JSON.stringify(backup.header.keyslots)).slots;
  } catch {
    throw invalidBackup(path, 'its keyslots are damaged.');
  }
}

/** The master key of a backup, unwrapped from the staff slot it holds for `username`. */
export async function backupKeyFromPassphrase(path: string, username: string, passphrase: string): Promise<Buffer> {
  const slots = await backupSlots(path);
  const slot = slots.find((s) => s.kind === 'staff' && s.username === username);
  const key = slot?.kind === 'staff' ? await unwrapStaffSlot(slot, passphrase) : null;
  if (!key) throw new AppError('AUTH_FAILED', `The name or passphrase does not open this backup.`);
  return key;
}

/**
 * The master key of a backup, from its recovery key: unwrapped from the recovery slot the backup
 * holds, or (a backup from before the recovery slot) the recovery key itself, which
 * restoreIntoEmptyFolder then proves against the backup like any key.
 */
export async function backupKeyFromRecoveryKey(path: string, recoveryKey: string): Promise<Buffer> {
  const hex = parseRecoveryKey(recoveryKey);
  if (!hex) throw notARecoveryKey(recoveryKey);
  const slot = recoverySlotOf(await backupSlots(path));
  const secret = Buffer.from(hex, 'hex');
  if (!slot) return secret;
  const key = unwrapRecoverySlot(slot, secret);
  secret.fill(0);
  if (!key) throw new AppError('AUTH_FAILED', 'This recovery key does not open this backup.', { field: 'recoveryKey' });
  return key;
}

/** Disaster recovery: a backup into a folder that is not set up, proven with the backup's own key. */
export async function restoreIntoEmptyFolder(dataDir: string, path: string, masterKey: Buffer, steps: RestoreSteps): Promise<BackupFile> {
  const paths = dataPaths(dataDir);
  if (existsSync(paths.keyslots)) throw new AppError('ALREADY_INITIALIZED', `${dataDir} is already set up; restore into it while signed in.`);
  const backup = await readBackupHeader(path);
  const key = chooseBackupKey(backup, [masterKey]);
  if (!key) throw new AppError('AUTH_FAILED', 'This key does not open this backup.', { fingerprint: masterKeyFingerprint(masterKey) });
  const keyslots = assertBackupHeader(backup, key);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return withExclusiveAccess(dataDir, 'restore', async () => {
    const staging = prepareStaging(paths);
    try {
      await stageDatabase({ backup, key, retiredKey: false }, staging, key, steps);
      writeKeyslotFile(staging.keyslots, keyslots.slots, key);
    } catch (error) {
      discardStaging(paths);
      throw error;
    }
    // keyslots.json goes last: until it is in place the folder does not count as set up. The copy
    // of the recovery slot comes along when the backup has one (writeKeyslotFile staged it).
    const copy: SwappableFile[] = recoverySlotOf(keyslots.slots) ? ['recovery-slot.json'] : [];
    commitSwap(paths, { kind: 'restore', files: ['paydesk.db', ...copy, 'keyslots.json'] }, steps.now);
    return describeBackup(backup);
  });
}
