import { accessSync, constants, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { writeFileAtomic } from './atomic-file';
import type { DataPaths } from './paths';

// Where this workstation writes its backups: the data folder's backups/ unless someone chose
// another folder (removable media, a share). The choice is remembered beside the data, not in the
// database: a restored backup, or the data moved to another machine, must not bring along a path
// that means nothing there.

const locationSchema = z.object({ folder: z.string().min(1) }).strict();

function locationFile(paths: DataPaths): string {
  return join(paths.dataDir, 'backup-location.json');
}

/** Why a folder cannot take backups, as details.reason of BACKUP_FOLDER_UNUSABLE. */
export type UnusableReason = 'not_absolute' | 'missing' | 'not_a_folder' | 'not_writable';

function unusableReason(folder: string): UnusableReason | null {
  if (!isAbsolute(folder)) return 'not_absolute';
  if (!existsSync(folder)) return 'missing';
  if (!statSync(folder).isDirectory()) return 'not_a_folder';
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return 'not_writable';
  }
  return null;
}

/**
 * Refuses a folder that is not there to write into. It is never created: a drive that is not
 * plugged in must not turn into an empty folder on the system disk under its mount point.
 */
export function assertUsableBackupFolder(folder: string): void {
  const reason = unusableReason(folder);
  if (reason) throw new AppError('BACKUP_FOLDER_UNUSABLE', `${folder} cannot take backups (${reason.replace(/_/g, ' ')}).`, { field: 'folder', reason });
}

/** True when the folder can take a backup now (the drive is connected). */
export function isUsableBackupFolder(folder: string): boolean {
  return unusableReason(folder) === null;
}

/** The folder someone chose for this workstation's backups; null for the data folder's backups/. */
export function chosenBackupFolder(paths: DataPaths): string | null {
  const file = locationFile(paths);
  if (!existsSync(file)) return null;
  try {
    return locationSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).folder;
  } catch {
    // An unreadable choice falls back to the default folder, which is always there to write into.
    console.warn(`chosenBackupFolder: ignoring ${file}, which does not parse`);
    return null;
  }
}

/** Remembers `folder` (checked first: a refusal leaves the old choice) or, with null, goes back to backups/. */
export function chooseBackupFolder(paths: DataPaths, folder: string | null): void {
  if (folder === null) {
    rmSync(locationFile(paths), { force: true });
    return;
  }
  assertUsableBackupFolder(folder);
  writeFileAtomic(locationFile(paths), `${JSON.stringify({ folder: resolve(folder) })}\n`);
}
