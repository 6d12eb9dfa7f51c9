import { z } from 'zod';
import { channel } from './define';
import { displayNameSchema, emptyInput, isoTimeSchema, okOutput, passphraseSchema, roleSchema, usernameSchema } from './common';

export const sessionSchema = z.object({
  staffId: z.number().int().nullable(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** True when unlocked with the recovery key rather than a staff keyslot. */
  recovery: z.boolean(),
  unlockedAt: isoTimeSchema,
  /**
   * The trust fingerprint this person's own keyslot holds: every role Paydesk grants chains to
   * it. Settings shows it, to compare with the one printed at set-up.
   */
  trustFingerprint: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

/** Why the last session ended, for the unlock screen to say: today only a restore, which signs everyone out. */
export const signOutNoticeSchema = z.object({
  kind: z.literal('restored'),
  backup: z.string(),
  backupCreatedAt: isoTimeSchema,
  /** Where the data as it was before the restore was kept. */
  safetyBackup: z.string(),
});
export type SignOutNotice = z.infer<typeof signOutNoticeSchema>;

export const appStatusSchema = z.object({
  initialized: z.boolean(),
  unlocked: z.boolean(),
  session: sessionSchema.nullable(),
  idleLockMinutes: z.number().int(),
  dataDir: z.string(),
  notice: signOutNoticeSchema.nullable(),
  /**
   * What SQLite's check of every page, run after each sign-in, found damaged (null: nothing, or
   * still running). Unlocking reads only the first page, so this is where damage further in shows.
   */
  damagedPages: z.string().nullable(),
});

export const setupInput = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  passphrase: passphraseSchema,
});

export const unlockInput = z.object({ username: usernameSchema, passphrase: passphraseSchema });
export const recoveryUnlockInput = z.object({ recoveryKey: z.string().min(1).max(200) });
export const changePassphraseInput = z.object({ current: passphraseSchema, next: passphraseSchema });

export const sessionChannels = {
  'app.status': channel({ input: emptyInput, output: appStatusSchema, access: 'public' }),
  /** First run: creates the data folder, the first admin and the recovery key (shown once). */
  'setup.init': channel({
    input: setupInput,
    output: z.object({ recoveryKey: z.string(), trustFingerprint: z.string(), session: sessionSchema }),
    access: 'public',
    invalidates: ['app.status'],
  }),
  'session.unlock': channel({ input: unlockInput, output: sessionSchema, access: 'public', invalidates: ['app.status'] }),
  'session.unlockWithRecoveryKey': channel({ input: recoveryUnlockInput, output: sessionSchema, access: 'public', invalidates: ['app.status'] }),
  /**
   * The raw SQLCipher key of the data, for an auditor's standard tool (`paydesk db-key`). Only a
   * session unlocked with the recovery key gets it; the call is audited.
   */
  'session.databaseKey': channel({ input: emptyInput, output: z.object({ databaseKey: z.string() }), access: 'session', invalidates: ['audit.list'] }),
  'session.lock': channel({ input: emptyInput, output: okOutput, access: 'session', invalidates: ['app.status'] }),
  'session.changePassphrase': channel({ input: changePassphraseInput, output: okOutput, access: 'session', invalidates: ['audit.list'] }),
};
