import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError, isAppError } from '../../src-shared/errors';
import type { BackupFile, BackupListing } from '../../src-shared/contract/backup';
import type { ReportProgress } from '../../src-shared/contract/jobs';
import type { VerificationCertificate } from '../../src-shared/contract/verify';
import { fsyncDirectory } from './atomic-file';
import { assertUsableBackupFolder } from './backup-location';
import { assertBackupHeader, chooseBackupKey, extractBackupDatabase, invalidBackup, readBackupHeader, writeBackupFile, type ParsedBackup } from './backup-file';
import { snapshotDatabase, yieldToEventLoop } from './database-copy';
import { assertKeyslotMac, readKeyslotFile, type KeyslotFile } from './keyslots';
import { openStore, type Store } from './store';

// A backup is an encrypted copy of the database under the same master key, plus the keyslots,
// in one .pdbk file (see backup-file.ts). It is verified before it gets its final name: re-read,
// digest checked, the database opened with the master key, quick_check, schema, and the caller's
// domain checks (audit chain, ledger invariants) on the copy.

export const BACKUP_EXTENSION = '.pdbk';

/** Domain checks on an opened copy; throws when the copy is not what it should be. */
export type InspectCopy = (copy: Store) => void;

export interface BackupRequest {
  /** Where to write; a new file in `folder` when absent. */
  destination?: string;
  /** A folder for a new file (checked, never created: see backup-location.ts); <dataDir>/backups/ when absent. */
  folder?: string;
  /** Added to the default file name: paydesk-20260102-030405-before-restore.pdbk. */
  label?: string;
  now: Date;
  /** The live data's certificate, taken in the same synchronous run as the snapshot; the header carries it. */
  certificate: VerificationCertificate;
  inspect: InspectCopy;
  onProgress?: ReportProgress;
}

function timestamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

/** paydesk-YYYYMMDD-HHMMSS.pdbk (UTC), with -2, -3… when that second already has one. */
export function defaultBackupPath(backupsDir: string, now: Date, label?: string): string {
  const stem = `paydesk-${timestamp(now)}${label ? `-${label}` : ''}`;
  for (let n = 1; ; n += 1) {
    const candidate = join(backupsDir, `${stem}${n === 1 ? '' : `-${n}`}${BACKUP_EXTENSION}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** Backups never overwrite a file: a taken name is refused with INVALID_INPUT on `path`. */
export function assertBackupDestinationFree(destination: string): void {
  if (existsSync(destination)) throw new AppError('INVALID_INPUT', `${destination} already exists; choose a new file name.`, { field: 'path' });
}

export function describeBackup(backup: ParsedBackup): BackupFile {
  return { name: basename(backup.path), path: backup.path, size: backup.fileBytes, createdAt: backup.header.createdAt };
}

/** Opens an extracted copy under `key` as a store; a copy that does not open is BACKUP_INVALID. */
export async function openBackupCopy(backupPath: string, copyDir: string, key: Buffer): Promise<Store> {
  try {
    return await openStore(copyDir, key);
  } catch (error) {
    if (isAppError(error) && error.code === 'DATA_DAMAGED') {
      throw invalidBackup(backupPath, 'its database does not open or fails quick_check.', { reason: error.message });
    }
    throw error;
  }
}

export interface VerifiedBackup {
  backup: ParsedBackup;
  key: Buffer;
  keyslots: KeyslotFile;
}

/** Checks a backup file completely without touching any data folder; `workDir` holds the extracted copy. */
export async function verifyBackupFile(path: string, candidateKeys: Buffer[], inspect: InspectCopy, workDir: string): Promise<VerifiedBackup> {
  const backup = await readBackupHeader(path);
  const key = chooseBackupKey(backup, candidateKeys);
  if (!key) throw invalidBackup(path, 'it was made under a master key this data folder does not know.');
  const keyslots = assertBackupHeader(backup, key);
  const copyDir = join(workDir, 'verify');
  mkdirSync(copyDir, { recursive: true, mode: 0o700 });
  try {
    await extractBackupDatabase(backup, join(copyDir, 'paydesk.db'));
    await yieldToEventLoop();
    const copy = await openBackupCopy(path, copyDir, key);
    try {
      inspect(copy);
    } finally {
      copy.close();
    }
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
  return { backup, key, keyslots };
}

function liveKeyslots(store: Store): KeyslotFile {
  const file = readKeyslotFile(store.paths.keyslots);
  assertKeyslotMac(file, store.masterKey);
  return file;
}

/**
 * Writes a verified backup of the open store. The snapshot is taken synchronously before the
 * first await, so what the caller read from the store just before calling is what the copy holds.
 */
/** Snapshot, write, verify, rename: a backup job reports these four steps as its items. */
export const BACKUP_STEPS = 4;

function destinationOf(store: Store, request: BackupRequest): string {
  if (request.destination) return resolve(request.destination);
  if (request.folder === undefined) return defaultBackupPath(store.paths.backups, request.now, request.label);
  assertUsableBackupFolder(request.folder);
  return defaultBackupPath(request.folder, request.now, request.label);
}

export async function createBackup(store: Store, request: BackupRequest): Promise<BackupFile> {
  const destination = destinationOf(store, request);
  assertBackupDestinationFree(destination);
  mkdirSync(dirname(destination), { recursive: true, mode: 0o700 });
  const workDir = mkdtempSync(join(dirname(destination), '.paydesk-backup-'));
  const partial = `${destination}.partial`;
  const report = request.onProgress ?? (() => undefined);
  try {
    const snapshot = join(workDir, 'snapshot.db');
    snapshotDatabase(store.sqlite, snapshot);
    const contents = {
      createdAt: request.now.toISOString(),
      schemaVersion: store.sqlite.pragma('user_version', { simple: true }) as number,
      keyslots: liveKeyslots(store),
      certificate: request.certificate,
    };
    report(1, BACKUP_STEPS);
    await writeBackupFile(partial, contents, snapshot, store.masterKey);
    rmSync(snapshot);
    report(2, BACKUP_STEPS);
    await verifyBackupFile(partial, [store.masterKey], request.inspect, workDir);
    report(3, BACKUP_STEPS);
    renameSync(partial, destination);
    fsyncDirectory(dirname(destination));
    return describeBackup(await readBackupHeader(destination));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}

/** A .pdbk file found in a backup folder, and whether its header proves it ours and unedited. */
async function describeListedFile(path: string, keys: Buffer[]): Promise<BackupListing> {
  try {
    const backup = await readBackupHeader(path);
    const key = chooseBackupKey(backup, keys);
    let verified = false;
    if (key) {
      try {
        assertBackupHeader(backup, key);
        verified = true;
      } catch {
        // An edited header: listed, so the person sees it, but not offered for restore.
      }
    }
    return { ...describeBackup(backup), verified };
  } catch {
    // Cut short, not a backup, or from a newer Paydesk: the file's own name, size and time.
    const stat = statSync(path);
    return { name: basename(path), path, size: stat.size, createdAt: stat.mtime.toISOString(), verified: false };
  }
}

/**
 * The .pdbk files in each folder (a folder that is not there, such as a drive not connected,
 * lists nothing), newest first. `keys` are the master keys this data folder knows: a backup whose
 * header verifies under one of them is marked verified.
 */
export async function listBackups(folders: string[], keys: Buffer[]): Promise<BackupListing[]> {
  const found: BackupListing[] = [];
  for (const folder of new Set(folders.map((f) => resolve(f)))) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (!name.endsWith(BACKUP_EXTENSION) || !statSync(path).isFile()) continue;
      found.push(await describeListedFile(path, keys));
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}
