import type { z } from 'zod';

/**
 * One domain's settings: its zod schema (the same one the Settings form validates with) and the
 * defaults that apply until an admin saves a value. Each key is stored as its own row, so
 * domains never overwrite each other's settings.
 */
export interface SettingsSection<S extends z.ZodObject = z.ZodObject> {
  domain: string;
  schema: S;
  defaults: z.output<S>;
  /**
   * The path of the screen of its own where the section is edited (the loyalty rules, which move
   * members' tiers as they are saved); the Settings screen then shows a card that leads there.
   */
  editedAt?: string;
}

export function settingsSection<S extends z.ZodObject>(section: SettingsSection<S>): SettingsSection<S> {
  return section;
}
