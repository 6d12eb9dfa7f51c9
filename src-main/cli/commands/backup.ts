import { resolve } from 'node:path';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../src-shared/errors';
import type { BackupFile } from '../../../src-shared/contract/backup';
import { createRouter, type Router } from '../../api/router';
import { isInitialized } from '../../staff/unlock';
import { expectOk, stringOption, type CliCommand, type CliContext } from '../command';
import { UNLOCK_OPTIONS, dataDirOption, readPassphrase, readRecoveryKey, withUnlockedRouter } from '../unlock';

/** Runs a job through the router and waits for it; a failed job becomes its coded error. */
async function runJob(router: Router, started: { jobId: string }): Promise<unknown> {
  const job = await router.state.jobs.wait(started.jobId);
  if (job.state === 'failed') {
    const code = (ERROR_CODES as readonly string[]).includes(job.error?.code ?? '') ? (job.error!.code as ErrorCode) : 'INTERNAL';
    throw new AppError(code, job.error?.message ?? 'The job failed.');
  }
  return job.result;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write an encrypted, verified backup (database + keyslots) of the data folder.',
  usage: 'backup --data DIR [--out FILE] [--user NAME | --recovery-key-stdin | --recovery] [--json]   (default: paydesk-YYYYMMDD-HHMMSS.pdbk in the backup folder chosen in the app, else in DIR/backups/)',
  options: { ...UNLOCK_OPTIONS, out: { type: 'string' } },
  run: (ctx) =>
    withUnlockedRouter(ctx, async (router) => {
      const out = stringOption(ctx, 'out');
      const file = (await runJob(router, expectOk(await router.invoke('backup.create', out ? { path: resolve(out) } : {})))) as BackupFile;
      return { exitCode: 0, json: file, text: `Wrote and verified ${file.path} (${file.size} bytes).` };
    }),
};

/** Into an empty folder there is nobody to sign in as: the backup's own credentials prove the key, through the router. */
async function restoreIntoNewFolder(ctx: CliContext, dataDir: string, from: string) {
  const recoveryKey = await readRecoveryKey(ctx);
  const router = createRouter({ dataDir, background: false });
  try {
    const credentials = recoveryKey
      ? { recoveryKey }
      : { username: stringOption(ctx, 'user') ?? ctx.env.PAYDESK_USER ?? 'admin', passphrase: await readPassphrase(ctx) };
    const restored = expectOk(await router.invoke('backup.restoreIntoNewFolder', { path: from, ...credentials }));
    return {
      exitCode: 0 as const,
      json: { restoredFrom: restored.restoredFrom, dataDir, intoEmptyFolder: true },
      text: `Restored ${restored.restoredFrom} (made ${restored.createdAt}) into ${dataDir}. Its passphrases and recovery key open it.`,
    };
  } finally {
    router.close();
  }
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Replace the data with a verified backup (a safety backup of the current data is written first); everyone is signed out.',
  usage: 'restore --data DIR --from FILE [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: { ...UNLOCK_OPTIONS, from: { type: 'string' } },
  async run(ctx) {
    const dataDir = dataDirOption(ctx);
    const from = resolve(stringOption(ctx, 'from', true)!);
    if (!isInitialized(dataDir)) return restoreIntoNewFolder(ctx, dataDir, from);
    return withUnlockedRouter(ctx, async (router) => {
      const result = (await runJob(router, expectOk(await router.invoke('backup.restore', { path: from })))) as {
        restoredFrom: string;
        reencrypted: boolean;
        safetyBackup: BackupFile;
      };
      const text = [
        `Restored ${result.restoredFrom}${result.reencrypted ? ' (made before a rekey; re-encrypted under the current key)' : ''}.`,
        `The data as it was before is kept in ${result.safetyBackup.path}.`,
      ].join('\n');
      return { exitCode: 0, json: result, text };
    });
  },
};

export const rekeyCommand: CliCommand = {
  name: 'rekey',
  summary: 'Re-encrypt the data under a new master key and re-wrap every keyslot; the recovery key stays (a folder made before recovery slots gets a new one, printed once).',
  usage: 'rekey --data DIR [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: UNLOCK_OPTIONS,
  run: (ctx) =>
    withUnlockedRouter(ctx, async (router) => {
      const { recoveryKey } = (await runJob(router, expectOk(await router.invoke('keys.rekey', {})))) as { recoveryKey: string | null };
      const text = recoveryKey === null
        ? ['Rekeyed. Passphrases and the recovery key are unchanged.']
        : [
          'Rekeyed. Passphrases are unchanged. This folder had no recovery slot yet: the old recovery key no longer opens it.',
          '',
          'NEW RECOVERY KEY (shown once; store it offline, it opens all data):',
          `  ${recoveryKey}`,
        ];
      return { exitCode: 0, json: { recoveryKey }, text: text.join('\n') };
    }),
};
