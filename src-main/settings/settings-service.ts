import type { Store } from '../store/store';
import { recordAudit } from '../audit/record-audit';

// Settings are typed defaults overlaid with what an admin saved. Each domain adds its keys here.
export const DEFAULT_SETTINGS = {
  idleLockMinutes: 10,
  /** Currencies members hold wallets in; a wallet opens at the first operation in a newly enabled one. */
  enabledCurrencies: ['CNY'] as string[],
  /** Fee on a member's payment to a merchant, in basis points of the amount (50 = 0.5%). */
  paymentFeeBps: 50,
};
export type SettingsValues = typeof DEFAULT_SETTINGS;

export function readSettings(store: Store): SettingsValues {
  const rows = store.sqlite.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
  const saved = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
  return { ...DEFAULT_SETTINGS, ...saved } as SettingsValues;
}

export function updateSettings(store: Store, actor: string, changes: Partial<SettingsValues>, now = new Date()): SettingsValues {
  return store.sqlite.transaction(() => {
    const before = readSettings(store);
    const upsert = store.sqlite.prepare(
      'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    );
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value), now.toISOString());
    }
    const after = readSettings(store);
    recordAudit(store, { actor, action: 'settings.update', entityType: 'settings', before, after }, now);
    return after;
  })();
}
