import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { SettingsSection } from '../../src-shared/settings/define';
import { DEFAULT_SETTINGS, SETTINGS_SECTIONS, type Settings } from '../../src-shared/settings';
import type { Store } from '../store/store';
import { execute, prepare } from '../store/sql';
import { recordAudit } from '../audit/record-audit';
import { settingsSql } from './tables';

// Settings are each domain's typed defaults (src-shared/settings) overlaid with what an admin
// saved, one row per key. Code reads the one setting it needs, so a value broken by an edit
// outside Paydesk stops only what depends on it, and the refusal names the key.

function storedValue(store: Store, key: string): string | undefined {
  // Prepared once per connection: every counter operation and card authorization reads settings.
  return (prepare(store.sqlite, 'SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined)?.value_json;
}

function invalid(key: string, domain: string, stored: string): AppError {
  return new AppError('SETTINGS_INVALID', `The saved setting ${key} (${stored.slice(0, 40)}) is not valid; an admin can correct it in Settings.`, {
    field: key,
    domain,
  });
}

/** One setting of a domain: the saved value parsed by the domain's schema, or its default. */
export function readSetting<S extends z.ZodObject, K extends keyof z.output<S> & string>(store: Store, section: SettingsSection<S>, key: K): z.output<S>[K] {
  const stored = storedValue(store, key);
  if (stored === undefined) return section.defaults[key];
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    throw invalid(key, section.domain, stored);
  }
  const parsed = (section.schema.shape[key] as z.ZodType).safeParse(json);
  if (!parsed.success) throw invalid(key, section.domain, stored);
  return parsed.data as z.output<S>[K];
}

/** One domain's settings, each key read as readSetting does. */
export function readSection<S extends z.ZodObject>(store: Store, section: SettingsSection<S>): z.output<S> {
  const keys = Object.keys(section.schema.shape) as (keyof z.output<S> & string)[];
  return Object.fromEntries(keys.map((key) => [key, readSetting(store, section, key)])) as z.output<S>;
}

/** Every domain's settings, as settings.get answers them. */
export function readSettings(store: Store): Settings {
  return Object.assign({}, ...SETTINGS_SECTIONS.map((section: SettingsSection) => readSection(store, section))) as Settings;
}

/** What a key held before a change, for the audit row: the saved JSON (even an invalid value), else the default. */
function savedOrDefault(store: Store, key: string): unknown {
  const stored = storedValue(store, key);
  if (stored === undefined) return (DEFAULT_SETTINGS as Record<string, unknown>)[key] ?? null;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return stored;
  }
}

/**
 * Saves the given keys (already parsed by the contract's schema) and audits before and after.
 * The "before" is what was stored, even a broken value, so saving over it is how it is fixed.
 */
export function updateSettings(store: Store, actor: string, changes: Partial<Settings>, now = new Date()): Settings {
  return store.sqlite.transaction(() => {
    const keys = Object.keys(changes).filter((key) => changes[key as keyof Settings] !== undefined);
    const before = Object.fromEntries(keys.map((key) => [key, savedOrDefault(store, key)]));
    for (const key of keys) {
      const saved = { key, value_json: JSON.stringify(changes[key as keyof Settings]), updated_at: now.toISOString() };
      execute(
        store.sqlite,
        settingsSql
          .insertInto('settings')
          .values(saved)
          .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ value_json: eb.ref('excluded.value_json'), updated_at: eb.ref('excluded.updated_at') }))),
      );
    }
    const after = readSettings(store);
    const changed = Object.fromEntries(keys.map((key) => [key, after[key as keyof Settings]]));
    recordAudit(store, { actor, action: 'settings.update', entityType: 'settings', before, after: changed }, now);
    return after;
  }).immediate();
}
