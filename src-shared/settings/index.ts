import { z } from 'zod';
import { sessionSettings } from './session-settings';
import { walletSettings } from './wallet-settings';
import { counterLimitSettings } from './counter-limits';
import { loyaltySettings } from './loyalty-settings';
import { cardSettings } from './card-settings';
import { payoutSettings } from './payout-settings';

/** Every domain's settings section; a new domain adds its own file and its line here. */
export const SETTINGS_SECTIONS = [sessionSettings, walletSettings, counterLimitSettings, loyaltySettings, cardSettings, payoutSettings] as const;

/** All settings as one flat object: what settings.get answers and the Settings screen edits. */
export const settingsSchema = z.object({ ...sessionSettings.schema.shape, ...walletSettings.schema.shape, ...counterLimitSettings.schema.shape, ...loyaltySettings.schema.shape, ...cardSettings.schema.shape, ...payoutSettings.schema.shape });
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { ...sessionSettings.defaults, ...walletSettings.defaults, ...counterLimitSettings.defaults, ...loyaltySettings.defaults, ...cardSettings.defaults, ...payoutSettings.defaults };
