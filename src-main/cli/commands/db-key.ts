import { expectOk, type CliCommand } from '../command';
import { RECOVERY_KEY_OPTIONS, dataDirOption, readRecoveryKey, withUnlockedRouter } from '../unlock';

// For an auditor with the recovery key: the raw SQLCipher key, so a standard SQLCipher tool opens
// paydesk.db without Paydesk (README, "Where the data lives"). Staff passphrases cannot ask for it.

export const dbKeyCommand: CliCommand = {
  name: 'db-key',
  summary: 'Print the 64-hex SQLCipher key of the data, for a standard SQLCipher tool. Needs the recovery key.',
  usage: 'db-key --data DIR [--recovery-key-stdin] [--json]   (recovery key from PAYDESK_RECOVERY_KEY, standard input, or a prompt)',
  options: { data: { type: 'string' }, ...RECOVERY_KEY_OPTIONS },
  async run(ctx) {
    dataDirOption(ctx);
    // Asked here so that a missing key prompts rather than falling back to a passphrase.
    const recoveryKey = (await readRecoveryKey(ctx, { required: true }))!;
    return withUnlockedRouter(ctx, async (router) => {
      const { databaseKey } = expectOk(await router.invoke('session.databaseKey', {}));
      return {
        exitCode: 0,
        json: { databaseKey },
        text: [
          databaseKey,
          '',
          `In sqlcipher (or sqlite3 of SQLite3MultipleCiphers, after PRAGMA cipher = 'sqlcipher'; PRAGMA legacy = 4;):`,
          `  PRAGMA key = "x'<the key above>'";`,
        ].join('\n'),
      };
    }, recoveryKey);
  },
};
