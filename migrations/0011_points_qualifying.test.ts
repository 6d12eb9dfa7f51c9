import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../src-main/store/open-database';
import { migrateDatabase } from '../src-main/store/migrate';
import { tempDataDir } from '../test/support/temp-data';

// Migrate to 0010, write lots, migrate to 0011, assert (one test per migration, as in Signal Desktop).

const QUALIFYING_BY_MEMBER = `SELECT member_id, sum(amount) FROM point_lots
  WHERE earned_at > ? AND earned_at <= ? AND (revoked_at IS NULL OR revoked_at > ?) GROUP BY member_id`;

describe('migration 0011_points_qualifying', () => {
  it('sums every member\'s qualifying points from the index alone, and keeps the lots as they were', async () => {
    const sqlite = openEncryptedDatabase(join(tempDataDir(), 'paydesk.db'), randomBytes(32), { create: true });
    await migrateDatabase(sqlite, '0010_points');
    const at = '2026-01-01T00:00:00.000Z';
    sqlite.prepare(`INSERT INTO members (id, member_number, name, phone, status, created_by, created_at, updated_at) VALUES (1, '100000017', 'A', '13900000001', 'active', 'admin', ?, ?)`).run(at, at);
    const lot = sqlite.prepare(`INSERT INTO point_lots (id, member_id, rule, rules_version, amount, remaining, earned_at, spendable_at, expires_at, revoked_at) VALUES (?, 1, 'payment', 0, ?, ?, ?, ?, NULL, ?)`);
    lot.run(1, 60, 60, '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z', null);
    lot.run(2, 40, 0, '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z');
    lot.run(3, 25, 25, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', null);
    const lotsBefore = sqlite.prepare('SELECT * FROM point_lots ORDER BY id').all();

    await migrateDatabase(sqlite, '0011_points_qualifying');

    expect(sqlite.prepare('SELECT * FROM point_lots ORDER BY id').all()).toEqual(lotsBefore);
    const plan = JSON.stringify(sqlite.prepare(`EXPLAIN QUERY PLAN ${QUALIFYING_BY_MEMBER}`).all('a', 'b', 'c'));
    expect(plan).toContain('COVERING INDEX point_lots_qualifying');
    expect(sqlite.prepare(`SELECT name FROM sqlite_schema WHERE name = 'point_lots_earned'`).all()).toEqual([]);
    // The lot refunded on July 1st qualified until then.
    expect(sqlite.prepare(QUALIFYING_BY_MEMBER).raw().all('2025-01-01T00:00:00.000Z', '2025-12-31T00:00:00.000Z', '2025-06-15T00:00:00.000Z')).toEqual([[1, 100]]);
    expect(sqlite.prepare(QUALIFYING_BY_MEMBER).raw().all('2025-01-01T00:00:00.000Z', '2025-12-31T00:00:00.000Z', '2025-08-01T00:00:00.000Z')).toEqual([[1, 60]]);
    sqlite.close();
  });
});
