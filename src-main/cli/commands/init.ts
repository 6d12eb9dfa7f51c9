import { createRouter } from '../../api/router';
import { expectOk, stringOption, type CliCommand } from '../command';
import { dataDirOption, readPassphrase } from '../unlock';

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
      const { recoveryKey } = expectOk(await router.invoke('setup.init', { username, displayName: stringOption(ctx, 'name') ?? username, passphrase }));
      return {
        exitCode: 0,
        json: { recoveryKey, dataDir },
        text: [
          `Created ${dataDir} with admin ${username}.`,
          '',
          'RECOVERY KEY (shown once; store it offline, it opens all data):',
          `  ${recoveryKey}`,
        ].join('\n'),
      };
    } finally {
      router.close();
    }
  },
};
