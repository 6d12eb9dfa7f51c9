import { channel } from './define';
import { emptyInput } from './common';
import { settingsSchema } from '../settings';

export { settingsSchema, type Settings } from '../settings';

export const settingsChannels = {
  'settings.get': channel({ input: emptyInput, output: settingsSchema, access: 'session' }),
  /** The idle lock rides on app.status; a newly enabled currency adds a wallet to every summary. */
  'settings.update': channel({
    input: settingsSchema.partial(),
    output: settingsSchema,
    access: 'settings.manage',
    invalidates: ['settings.get', 'app.status', 'wallets.summary', 'audit.list'],
  }),
};
