import { resolve } from 'node:path';
import { AppError } from '../../../src-shared/errors';
import { contract, type ParsedInput } from '../../../src-shared/contract';
import { ROLES, can, type Role } from '../../../src-shared/permissions';
import type { BackupFile, BackupLocation } from '../../../src-shared/contract/backup';
import type { HandlerMap, CallContext } from '../handler';
import type { ReportProgress } from '../../../src-shared/contract/jobs';
import { sameAsLive, verifiesClean } from '../../registry/copy-checks';
import { verifyStore } from '../../registry';
import { certifyReport } from '../../integrity/certificate';
import { recordAudit } from '../../audit/record-audit';
import { assertBackupDestinationFree, BACKUP_STEPS, createBackup, defaultBackupPath, listBackups } from '../../store/backup';
import { assertUsableBackupFolder, chooseBackupFolder, chosenBackupFolder, isUsableBackupFolder } from '../../store/backup-location';
import { acquireExclusiveAccess } from '../../store/data-lock';
import { changeCount } from '../../store/database-copy';
import { stageRekey } from '../../store/rekey';
import { readRetiredKeys } from '../../store/retired-keys';
import { backupKeyFromPassphrase, backupKeyFromRecoveryKey, identifyBackup, RESTORE_STEPS, restoreIntoEmptyFolder, stageRestore } from '../../store/restore';
import { certificateBook, issueCertificate } from '../../trust/staff-certificates';
import { newSigningIdentity } from '../../trust/signer';
import { isInitialized } from '../../staff/unlock';
import { RECOVERY_USERNAME } from '../../staff/passphrase';
import { masterKeyFingerprint } from '../../store/retired-keys';
import { openStore, type Store } from '../../store/store';

// Backup, restore and rekey run as jobs (progress through jobs.get). What can be refused at
// once (a taken file name, a file that is no backup, another process holding the data) is
// refused before the job starts, so the caller gets the code in the answer itself.

/**
 * The live data's certificate for the backup's header, and the check that the copy verifies the
 * same. Both read the live data in the same synchronous run as createBackup's snapshot.
 */
function certifiedCopy({ session, signer, now }: CallContext, live: Store) {
  const expected = verifyStore(live);
  const certificate = certifyReport(live, expected, { takenAt: now, takenBy: session.username, sign: (text) => signer.signVerification(text) });
  return { certificate, inspect: sameAsLive(live, 'BACKUP_INVALID', expected) };
}

async function runBackup(ctx: CallContext, live: Store, target: { destination?: string; folder?: string }, report: ReportProgress) {
  const { session, now } = ctx;
  const file = await createBackup(live, { ...target, now, ...certifiedCopy(ctx, live), onProgress: report });
  if (!live.sqlite.open) throw new AppError('LOCKED', `Paydesk was locked before the backup was recorded; ${file.path} was written and verified.`);
  live.sqlite.transaction(() => {
    recordAudit(live, { actor: session.username, action: 'backup.create', entityType: 'backup', entityId: file.name, after: { path: file.path, size: file.size } }, now);
  }).immediate();
  return file;
}

/** Refuses when the live database was written since `watchWrites` was called: a swap would lose it. */
function watchWrites(live: Store, operation: string): () => void {
  const before = changeCount(live.sqlite);
  return () => {
    if (changeCount(live.sqlite) !== before) {
      throw new AppError('DATA_IN_USE', `The data changed while the ${operation} was being prepared; nothing was replaced. Try again.`);
    }
  };
}

/**
 * The backup is checked and staged first, so a bad one leaves no trace; then the current data is
 * kept in a safety backup (restoring the wrong file must not lose anything); then the swap.
 */
async function runRestore(ctx: CallContext, live: Store, path: string, report: ReportProgress) {
  const { app, session, now } = ctx;
  const assertUnchanged = watchWrites(live, 'restore');
  const safetyPath = defaultBackupPath(live.paths.backups, now, 'before-restore');
  const staged = await stageRestore(live.paths, path, live.masterKey, {
    now,
    inspect: verifiesClean(path),
    record: (restored, backup) => {
      recordAudit(restored, {
        actor: session.username,
        action: 'backup.restore',
        entityType: 'backup',
        entityId: backup.name,
        after: { path: backup.path, backupCreatedAt: backup.createdAt, safetyBackup: safetyPath },
      }, now);
    },
    onProgress: (done, total) => report(done, total + BACKUP_STEPS),
  });
  let safetyBackup: BackupFile;
  try {
    safetyBackup = await createBackup(live, {
      destination: safetyPath,
      now,
      ...certifiedCopy(ctx, live),
      onProgress: (done) => report(RESTORE_STEPS + done, RESTORE_STEPS + BACKUP_STEPS),
    });
    assertUnchanged();
  } catch (error) {
    staged.discard();
    throw error;
  }
  // Past the commit marker a failure must not discard staging: the next unlock rolls it forward.
  // No closing checkpoint: the data it would sign is being replaced (the safety backup keeps it).
  // The unlock screen that follows says what happened.
  app.signOut({ sign: false, notice: { kind: 'restored', backup: staged.identified.backup.path, backupCreatedAt: staged.identified.backup.header.createdAt, safetyBackup: safetyBackup.path } });
  staged.commit();
  return { restoredFrom: staged.identified.backup.path, reencrypted: staged.identified.retiredKey, safetyBackup };
}

async function runRekey({ app, session, signer, now }: CallContext, live: Store, report: ReportProgress) {
  const previous = masterKeyFingerprint(live.masterKey);
  // Used only by a folder from before the recovery slot: its new recovery admin's signing key.
  const recoverySigning = newSigningIdentity(signer.trustFingerprint);
  const staged = await stageRekey(live, {
    now,
    inspect: sameAsLive(live, 'DATA_DAMAGED'),
    recoverySigning,
    record: (rekeyed, { slots, recoveryAdded }) => {
      rekeyed.sqlite.transaction(() => {
        recordAudit(rekeyed, {
          actor: session.username,
          action: 'keys.rekey',
          entityType: 'keys',
          after: { fingerprint: masterKeyFingerprint(rekeyed.masterKey), previousFingerprint: previous, resealedSlots: slots },
        }, now);
        if (recoveryAdded) issueCertificate(rekeyed, signer, { username: RECOVERY_USERNAME, role: 'admin', status: 'active', publicKey: recoverySigning.publicKey }, now);
      }).immediate();
    },
    onProgress: report,
  });
  try {
    staged.assertLiveUnchanged();
  } catch (error) {
    staged.discard();
    throw error;
  }
  const nextKey = Buffer.from(staged.nextKey);
  // Null: the recovery key on paper still opens the data (its slot was re-sealed).
  const { recoveryKey } = staged;
  // No closing checkpoint: it would land in the database the swap replaces.
  app.signOut({ sign: false });
  staged.commit();
  try {
    // The session carries on over the re-encrypted database.
    app.signIn(await openStore(app.dataDir, nextKey, app.options), session, signer);
  } catch (error) {
    // The rekey itself is done; the new recovery key must still reach the person who asked.
    console.error(`runRekey: signing back in failed: ${(error as Error).message}`);
  } finally {
    nextKey.fill(0);
  }
  return { recoveryKey };
}

/** Runs an exclusive job: the folder is taken now (DATA_IN_USE answers at once), freed when the job ends. */
function startExclusiveJob(ctx: CallContext, kind: string, operation: string, work: (report: ReportProgress) => Promise<unknown>): { jobId: string } {
  const release = acquireExclusiveAccess(ctx.store.paths.dataDir, operation);
  const jobId = ctx.app.jobs.start(kind, async ({ report }) => {
    try {
      return await work(report);
    } finally {
      release();
    }
  });
  return { jobId };
}

/**
 * Nobody is signed in to a folder that is not set up, so the router cannot check a role: the
 * backup's own credentials prove its key, and the person they name must hold backup.restore in
 * the restored data (the recovery admin always does) before anything is swapped in.
 */
async function restoreIntoNewFolder(input: ParsedInput<'backup.restoreIntoNewFolder'>, { app, now }: CallContext) {
  const path = resolve(input.path);
  if (isInitialized(app.dataDir)) throw new AppError('ALREADY_INITIALIZED', `${app.dataDir} is already set up; restore into it while signed in.`);
  let key: Buffer;
  let actor: string;
  if ('recoveryKey' in input) {
    key = await backupKeyFromRecoveryKey(path, input.recoveryKey);
    actor = RECOVERY_USERNAME;
  } else {
    key = await backupKeyFromPassphrase(path, input.username, input.passphrase);
    actor = input.username;
  }
  const needed = contract['backup.restore'].access;
  try {
    const backup = await restoreIntoEmptyFolder(app.dataDir, path, key, {
      now,
      inspect: verifiesClean(path),
      record: (restored, identified) => {
        // The role is the one the restored data's certificates give (the staff row could have been edited).
        const certificate = certificateBook(restored).current.get(actor);
        const role = certificate && (ROLES as readonly string[]).includes(certificate.role) ? (certificate.role as Role) : null;
        if (!certificate || certificate.status !== 'active' || !role || !can(role, needed)) {
          throw new AppError('FORBIDDEN', `${actor} may not restore a backup (needs ${needed}).`, { permission: needed });
        }
        recordAudit(restored, { actor, action: 'backup.restore', entityType: 'backup', entityId: identified.name, after: { path: identified.path, backupCreatedAt: identified.createdAt, intoEmptyFolder: true } }, now);
      },
    });
    return { restoredFrom: backup.path, createdAt: backup.createdAt };
  } finally {
    key.fill(0);
  }
}

function backupLocation(live: Store): BackupLocation {
  const folder = chosenBackupFolder(live.paths);
  return { folder, defaultFolder: live.paths.backups, usable: folder === null || isUsableBackupFolder(folder) };
}

/** The choice is this workstation's, kept beside the data; the audit log still says who moved the backups where. */
function chooseLocation(input: ParsedInput<'backup.chooseLocation'>, { store, session, now }: CallContext): BackupLocation {
  const before = backupLocation(store);
  chooseBackupFolder(store.paths, input.folder);
  const after = backupLocation(store);
  store.sqlite.transaction(() => {
    recordAudit(store, {
      actor: session.username,
      action: 'backup.chooseLocation',
      entityType: 'backup',
      before: { backupFolder: before.folder ?? before.defaultFolder },
      after: { backupFolder: after.folder ?? after.defaultFolder },
    }, now);
  }).immediate();
  return after;
}

type BackupChannels = 'backup.list' | 'backup.location' | 'backup.chooseLocation' | 'backup.create' | 'backup.restore' | 'backup.restoreIntoNewFolder' | 'keys.rekey';

export const backupHandlers: HandlerMap<BackupChannels> = {
  'backup.list': (_input, { store }) => {
    const folder = chosenBackupFolder(store.paths);
    const keys = [store.masterKey, ...readRetiredKeys(store.paths.dataDir, store.masterKey).map((entry) => Buffer.from(entry.key, 'hex'))];
    return listBackups(folder === null ? [store.paths.backups] : [store.paths.backups, folder], keys);
  },

  'backup.location': (_input, { store }) => backupLocation(store),

  'backup.chooseLocation': chooseLocation,

  /** A path names the file; otherwise a new file goes to the chosen folder, which must be there now. */
  'backup.create': (input, ctx) => {
    const live = ctx.store;
    const folder = chosenBackupFolder(live.paths) ?? undefined;
    if (input.path) assertBackupDestinationFree(resolve(input.path));
    else if (folder !== undefined) assertUsableBackupFolder(folder);
    const target = input.path ? { destination: input.path } : folder === undefined ? {} : { folder };
    return { jobId: ctx.app.jobs.start('backup.create', ({ report }) => runBackup(ctx, live, target, report), { now: ctx.now }) };
  },

  'backup.restore': async (input, ctx) => {
    const live = ctx.store;
    const path = resolve(input.path);
    await identifyBackup(live.paths, path, live.masterKey);
    return startExclusiveJob(ctx, 'backup.restore', 'restore', (report) => runRestore(ctx, live, path, report));
  },

  'backup.restoreIntoNewFolder': restoreIntoNewFolder,

  'keys.rekey': (_input, ctx) => {
    const live = ctx.store;
    return startExclusiveJob(ctx, 'keys.rekey', 'rekey', (report) => runRekey(ctx, live, report));
  },
};
