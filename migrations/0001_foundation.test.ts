import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomKey } from '../src-main/store/crypto';
import { migrateDatabase } from '../src-main/store/migrate';
import { openEncryptedDatabase, type SqliteDatabase } from '../src-main/store/open-database';
import { tempDataDir } from '../test/support/temp-data';

// 0001_foundation on its own: an empty encrypted database migrated to exactly this version.

let sqlite: SqliteDatabase;

beforeEach(async () => {
  sqlite = openEncryptedDatabase(join(tempDataDir(), 'paydesk.db'), randomKey(), { create: true });
  await migrateDatabase(sqlite, '0001_foundation');
});

afterEach(() => sqlite.close());

const at = '2026-01-02T03:04:05.000Z';

function addStaff(username: string, role = 'teller', status = 'active'): void {
  sqlite.prepare('INSERT INTO staff (username, display_name, role, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(username, username, role, status, at, at);
}

function count(table: string): number {
  return sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('migration 0001_foundation', () => {
  it('creates staff, audit_log and settings, and records itself as schema version 1', () => {
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['audit_log', 'settings', 'staff']);
    expect(sqlite.prepare('SELECT name FROM kysely_migration').pluck().all()).toEqual(['0001_foundation']);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(1);
    const indexes = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['audit_log_actor', 'audit_log_at']);
  });

  it('accepts staff in each of the four roles, with increasing ids', () => {
    for (const role of ['admin', 'teller', 'finance', 'auditor']) addStaff(`s-${role}`, role);
    expect(sqlite.prepare('SELECT id, role FROM staff ORDER BY id').all()).toEqual([
      { id: 1, role: 'admin' },
      { id: 2, role: 'teller' },
      { id: 3, role: 'finance' },
      { id: 4, role: 'auditor' },
    ]);
  });

  it('refuses a role outside the four by CHECK, and writes nothing', () => {
    expect(() => addStaff('root', 'root')).toThrow(/CHECK constraint failed/);
    expect(count('staff')).toBe(0);
  });

  it('refuses a status other than active or disabled by CHECK, and writes nothing', () => {
    expect(() => addStaff('gone', 'teller', 'deleted')).toThrow(/CHECK constraint failed/);
    expect(count('staff')).toBe(0);
  });

  it('refuses a second staff member with the same username, and keeps the first', () => {
    addStaff('tina');
    expect(() => addStaff('tina', 'admin')).toThrow(/UNIQUE constraint failed: staff.username/);
    expect(sqlite.prepare('SELECT role FROM staff').pluck().all()).toEqual(['teller']);
  });

  it('refuses a staff row without a display name, and writes nothing', () => {
    expect(() => sqlite.prepare(`INSERT INTO staff (username, role, status, created_at, updated_at) VALUES ('x1', 'teller', 'active', ?, ?)`).run(at, at)).toThrow(/NOT NULL constraint failed: staff.display_name/);
    expect(count('staff')).toBe(0);
  });

  it('refuses an audit row without its hash link, and writes nothing', () => {
    expect(() => sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity_type, prev_hash) VALUES (?, 'admin', 'x', 'y', ?)`).run(at, '0'.repeat(64))).toThrow(/NOT NULL constraint failed: audit_log.hash/);
    expect(count('audit_log')).toBe(0);
  });

  it('keeps one value per settings key', () => {
    sqlite.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('idleLockMinutes', '10', ?)`).run(at);
    expect(() => sqlite.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('idleLockMinutes', '5', ?)`).run(at)).toThrow(/UNIQUE constraint failed: settings.key/);
    expect(sqlite.prepare('SELECT value_json FROM settings').pluck().all()).toEqual(['10']);
  });
});
