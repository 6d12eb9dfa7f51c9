import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { SettingsSection } from '../../src-shared/settings/define';
import { DEFAULT_SETTINGS, SETTINGS_SECTIONS, type Settings } from '../../src-shared/settings';
import type { Store } from '../store/store';
import { prepare } from '../store/sql';
import { recordAudit } from '../audit/record-audit';

// Settings are each domain's typed defaults (src-shared/settings) overlaid with what an admin
// saved, one row per key. A domain reads only its own section, so a setting broken by an edit
// outside Paydesk stops only the domain it belongs to, and says which key it is.

function storedValue(store: Store, key: string): string | undefined {
  return (prepare(store.sqlite, 'SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined)?.value_json;
}

function invalid(key: string, domain: string, stored: string): AppError {
  return new AppError('SETTINGS_INVALID', `The saved setting ${key} (${stored.slice(0, 40)}) is not valid; an admin can correct it in Settings.`, {
    field: key,
    domain,
  });
}

/** One domain's settings: each saved key parsed by the domain's schema, the defaults for the rest. */
export function readSection<S extends z.ZodObject>(store: Store, section: SettingsSection<S>): z.output<S> {
  const values: Record<string, unknown> = { ...section.defaults };
  for (const [key, schema] of Object.entries(section.schema.shape) as [string, z.ZodType][]) {
    const stored = storedValue(store, key);
    if (stored === undefined) continue;
    let json: unknown;
    try {
      json = JSON.parse(stored);
    } catch {
      throw invalid(key, section.domain, stored);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw invalid(key, section.domain, stored);
    values[key] = parsed.data;
  }
  return values as z.output<S>;
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
    const upsert = prepare(
      store.sqlite,
      'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    );
    for (const key of keys) upsert.run(key, JSON.stringify(changes[key as keyof Settings]), now.toISOString());
    const after = readSettings(store);
    const changed = Object.fromEntries(keys.map((key) => [key, after[key as keyof Settings]]));
    recordAudit(store, { actor, action: 'settings.update', entityType: 'settings', before, after: changed }, now);
    return after;
  })();
}
