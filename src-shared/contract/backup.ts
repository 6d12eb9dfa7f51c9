import { z } from 'zod';
import { channel } from './define';
import { emptyInput, isoTimeSchema, passphraseSchema, pathSchema, usernameSchema } from './common';
import { jobStarted } from './jobs';

export const backupFileSchema = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number().int(),
  createdAt: isoTimeSchema,
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/** A .pdbk file in a backup folder; verified when its header proves it made under a key this data knows, unedited. */
export const backupListingSchema = backupFileSchema.extend({ verified: z.boolean() });
export type BackupListing = z.infer<typeof backupListingSchema>;

/** Where this workstation's backups go: a chosen folder, or the data folder's backups/ (null). */
export const backupLocationSchema = z.object({
  folder: z.string().nullable(),
  defaultFolder: z.string(),
  /** False when the chosen folder cannot take a backup now (a drive not connected). */
  usable: z.boolean(),
});
export type BackupLocation = z.infer<typeof backupLocationSchema>;

/**
 * What a finished rekey job holds in its result: a new recovery key, shown once, when the rekey
 * made the recovery slot (a folder from before it); null when the recovery key is unchanged.
 */
export const rekeyResultSchema = z.object({ recoveryKey: z.string().nullable() });
/** What a finished backup job holds: the verified file. */
export const backupResultSchema = backupFileSchema;

export const backupChannels = {
  /** The backups in the data folder's backups/ and in the chosen backup folder, newest first. */
  'backup.list': channel({ input: emptyInput, output: z.array(backupListingSchema), access: 'backup.run' }),
  'backup.location': channel({ input: emptyInput, output: backupLocationSchema, access: 'backup.run' }),
  /**
   * Remembers, for this workstation, the folder new backups go to (null: the data folder's
   * backups/). A folder that is missing, not a folder or not writable is BACKUP_FOLDER_UNUSABLE.
   */
  'backup.chooseLocation': channel({
    input: z.object({ folder: pathSchema.nullable() }).strict(),
    output: backupLocationSchema,
    access: 'backup.run',
    invalidates: ['backup.location', 'backup.list'],
  }),
  /** Writes an encrypted, verified copy; without a path it goes to the chosen backup folder. */
  'backup.create': channel({
    input: z.object({ path: pathSchema.optional() }),
    output: jobStarted,
    access: 'backup.run',
    invalidates: ['backup.list', 'audit.list'],
  }),
  /** Checks the backup, then replaces the data with it; everyone is signed out afterwards. */
  'backup.restore': channel({ input: z.object({ path: pathSchema }), output: jobStarted, access: 'backup.restore', invalidates: ['app.status'] }),
  /**
   * Disaster recovery into a folder that is not set up: the backup's own credentials prove the
   * key (a staff name and passphrase from its keyslots, or its recovery key), and the person must
   * hold backup.restore in the restored data, exactly as backup.restore asks of a signed-in caller.
   */
  'backup.restoreIntoNewFolder': channel({
    input: z.union([
      z.object({ path: pathSchema, username: usernameSchema, passphrase: passphraseSchema }).strict(),
      z.object({ path: pathSchema, recoveryKey: z.string().min(1).max(200) }).strict(),
    ]),
    output: z.object({ restoredFrom: z.string(), createdAt: isoTimeSchema }),
    access: 'public',
    invalidates: ['app.status'],
  }),
  /** New master key: re-encrypts the database and re-wraps every slot. The job's result is a rekeyResult. */
  'keys.rekey': channel({ input: emptyInput, output: jobStarted, access: 'keys.rekey', invalidates: ['audit.list'] }),
};
