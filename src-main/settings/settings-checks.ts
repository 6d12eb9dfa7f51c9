import { isDeepStrictEqual } from 'node:util';
import { auditRecords, compareWithReplay, FirstFault } from '../audit/audit-replay';
import type { Verifier } from '../integrity/verifier';
import type { SettingsTable } from './tables';

// The settings table against the audit log: every save writes its keys and a settings.update
// audit row in one transaction, so each stored key holds what the newest audit row that
// changed it says, from that row's time, and a key the log never saved does not exist.

export const settingsVerifier: Verifier = {
  domain: 'settings',
  run(store) {
    const expected = new Map<string, { value: unknown; at: string; auditId: number }>();
    for (const record of auditRecords(store.sqlite, ['settings.update'])) {
      for (const [key, value] of Object.entries(record.after ?? {})) expected.set(key, { value, at: record.at, auditId: record.id });
    }
    const rows = store.sqlite.prepare('SELECT * FROM settings ORDER BY key').all() as SettingsTable[];
    const fault = new FirstFault();
    compareWithReplay(fault, rows, expected, {
      table: 'settings',
      key: (row) => row.key,
      id: (row) => row.key,
      expectedId: (key) => key,
      unknown: (key) => `setting ${key} was never saved through Paydesk`,
      differs: (row, saved) =>
        row.updated_at === saved.at && sameValue(row.value_json, saved.value) ? null : `setting ${row.key} differs from what audit row ${saved.auditId} saved`,
      missing: (key, saved) => `setting ${key}, saved by audit row ${saved.auditId}, is missing`,
    });
    const counts = { settings: rows.length, audited: expected.size };
    return { checks: [fault.result('settings.audited', `${rows.length} saved settings, each as the audit log recorded it`, counts)] };
  },
};

function sameValue(json: string, audited: unknown): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(json), audited);
  } catch {
    return false;
  }
}
