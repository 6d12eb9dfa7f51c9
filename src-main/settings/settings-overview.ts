import { AppError } from '../../src-shared/errors';
import type { SettingsSection } from '../../src-shared/settings/define';
import { SETTINGS_SECTIONS, type Settings } from '../../src-shared/settings';
import type { Store } from '../store/store';
import { readSetting } from './settings-service';

/** Every setting for the Settings screen, and the keys whose saved value is broken. */
export interface SettingsOverview {
  /** What is saved, each key parsed by its domain's schema; a broken key holds its default. */
  values: Settings;
  /** Keys whose saved value does not parse (SETTINGS_INVALID): the screen names them, and saving repairs them. */
  invalid: string[];
}

/**
 * Unlike settings.get, which refuses as a whole at the first broken key, this reads every key on
 * its own, so the one broken setting is named while all the others show what is really saved.
 */
export function readSettingsOverview(store: Store): SettingsOverview {
  const values: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const section of SETTINGS_SECTIONS as readonly SettingsSection[]) {
    for (const key of Object.keys(section.schema.shape)) {
      try {
        values[key] = readSetting(store, section, key);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'SETTINGS_INVALID')) throw error;
        values[key] = (section.defaults as Record<string, unknown>)[key];
        invalid.push(key);
      }
    }
  }
  return { values: values as Settings, invalid };
}
