import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../src-main/store/open-database';
import { migrateDatabase } from '../src-main/store/migrate';
import { tempDataDir } from '../test/support/temp-data';

// Migrate to 0013, write members, migrate to 0014, assert (one test per migration, as in Signal Desktop).

describe('migration 0014_dashboard', () => {
  it('indexes members by registration time, so a week is counted as an index range, rows unchanged', async () => {
    const sqlite = openEncryptedDatabase(join(tempDataDir(), 'paydesk.db'), randomBytes(32), { create: true });
    await migrateDatabase(sqlite, '0013_payouts');
    const insert = sqlite.prepare(`INSERT INTO members (member_number, name, phone, status, created_by, created_at, updated_at) VALUES (?, ?, ?, 'active', 'admin', ?, ?)`);
    insert.run('10000001', '王芳', '13900000001', '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z');
    insert.run('10000002', 'Li Wei', '13900000002', '2026-01-12T08:00:00.000Z', '2026-01-12T08:00:00.000Z');
    insert.run('10000003', '张三', '13900000003', '2026-01-13T08:00:00.000Z', '2026-01-13T08:00:00.000Z');
    const before = sqlite.prepare('SELECT * FROM members ORDER BY id').all();

    await migrateDatabase(sqlite, '0014_dashboard');

    expect(sqlite.prepare('SELECT * FROM members ORDER BY id').all()).toEqual(before);
    const week = 'SELECT count(*) FROM members WHERE created_at >= ? AND created_at < ?';
    expect(JSON.stringify(sqlite.prepare(`EXPLAIN QUERY PLAN ${week}`).all('a', 'b'))).toContain('members_created');
    expect(sqlite.prepare(week).pluck().get('2026-01-12T00:00:00.000Z', '2026-01-19T00:00:00.000Z')).toBe(2);
    const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('members_created', 'cards_state', 'payout_batches_created') ORDER BY name").pluck().all();
    expect(names).toEqual(['cards_state', 'members_created', 'payout_batches_created']);
    sqlite.close();
  });
});
