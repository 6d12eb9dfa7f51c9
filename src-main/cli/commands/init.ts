import { createRouter } from '../../api/router';
import { expectOk, stringOption, type CliCommand } from '../command';
import { dataDirOption, readPassphrase } from '../unlock';
import { setUpSecretsLines } from '../set-up-lines';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Create a new encrypted data folder and its first admin; prints the recovery key once.',
  usage: 'init --data DIR --admin NAME [--name "Display Name"] [--json]   (passphrase from PAYDESK_PASSPHRASE)',
  options: { data: { type: 'string' }, admin: { type: 'string' }, name: { type: 'string' } },
  async run(ctx) {
    const dataDir = dataDirOption(ctx);
    const username = stringOption(ctx, 'admin', true)!;
    const router = createRouter({ dataDir });
    try {
      const passphrase = await readPassphrase(ctx, 'New admin passphrase: ');
      const { recoveryKey, trustFingerprint } = expectOk(await router.invoke('setup.init', { username, displayName: stringOption(ctx, 'name') ?? username, passphrase }));
      return {
        exitCode: 0,
        json: { recoveryKey, trustFingerprint, dataDir },
        text: [`Created ${dataDir} with admin ${username}.`, '', ...setUpSecretsLines(recoveryKey, trustFingerprint)].join('\n'),
      };
    } finally {
      router.close();
    }
  },
};
