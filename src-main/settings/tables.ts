import { queryBuilder } from '../store/sql';

// The settings table (migration 0001): one row per saved key, its value as JSON. Each domain's
// zod section (src-shared/settings) says what a value must be.

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface SettingsTables {
  settings: SettingsTable;
}

export const settingsSql = queryBuilder<SettingsTables>();
