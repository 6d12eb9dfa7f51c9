import { z } from 'zod';
import { channel } from './define';
import { emptyInput, isoTimeSchema, pathSchema } from './common';
import { jobStarted } from './jobs';

export const backupFileSchema = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number().int(),
  createdAt: isoTimeSchema,
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/** What a finished rekey job holds in its result: the new recovery key, shown once. */
export const rekeyResultSchema = z.object({ recoveryKey: z.string() });
/** What a finished backup job holds: the verified file. */
export const backupResultSchema = backupFileSchema;

export const backupChannels = {
  'backup.list': channel({ input: emptyInput, output: z.array(backupFileSchema), access: 'backup.run' }),
  /** Writes an encrypted, verified copy; without a path it goes to the data folder's backups/. */
  'backup.create': channel({
    input: z.object({ path: pathSchema.optional() }),
    output: jobStarted,
    access: 'backup.run',
    invalidates: ['backup.list', 'audit.list'],
  }),
  /** Checks the backup, then replaces the data with it; everyone is signed out afterwards. */
  'backup.restore': channel({ input: z.object({ path: pathSchema }), output: jobStarted, access: 'backup.restore', invalidates: ['app.status'] }),
  /** New master key: re-encrypts the database and re-wraps every slot. The job's result is a rekeyResult. */
  'keys.rekey': channel({ input: emptyInput, output: jobStarted, access: 'keys.rekey', invalidates: ['audit.list'] }),
};
