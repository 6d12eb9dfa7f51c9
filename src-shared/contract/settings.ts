import { z } from 'zod';
import { channel } from './define';
import { emptyInput, INPUT_LIMITS } from './common';
import { settingsSchema } from '../settings';

export { settingsSchema, type Settings } from '../settings';

/** Every setting as the Settings screen shows it: a key whose saved value is broken holds its default and is named. */
export const settingsOverviewSchema = z.object({
  values: settingsSchema,
  invalid: z.array(z.string().max(INPUT_LIMITS.code)).max(INPUT_LIMITS.list),
});
export type SettingsOverview = z.infer<typeof settingsOverviewSchema>;

export const settingsChannels = {
  'settings.get': channel({ input: emptyInput, output: settingsSchema, access: 'session' }),
  /** The Settings screen: read by everyone who may read settings, including a broken value's name. */
  'settings.overview': channel({ input: emptyInput, output: settingsOverviewSchema, access: 'settings.read' }),
  /**
   * The idle lock rides on app.status; a newly enabled currency adds a wallet to every summary.
   * The loyalty rules are saved only through points.updateRules, which numbers the version and
   * moves members' tiers with them.
   */
  'settings.update': channel({
    input: settingsSchema.omit({ loyalty: true }).partial().strict(),
    output: settingsSchema,
    access: 'settings.manage',
    invalidates: ['settings.get', 'settings.overview', 'app.status', 'wallets.summary', 'members.search', 'audit.list'],
  }),
};
