import { z } from 'zod';
import { sessionSettings } from './session-settings';
import { walletSettings } from './wallet-settings';
import { counterLimitSettings } from './counter-limits';

/** Every domain's settings section; a new domain adds its own file and its line here. */
export const SETTINGS_SECTIONS = [sessionSettings, walletSettings, counterLimitSettings] as const;

/** All settings as one flat object: what settings.get answers and the Settings screen edits. */
export const settingsSchema = z.object({ ...sessionSettings.schema.shape, ...walletSettings.schema.shape, ...counterLimitSettings.schema.shape });
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { ...sessionSettings.defaults, ...walletSettings.defaults, ...counterLimitSettings.defaults };
