import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../src-main/store/open-database';
import { migrateDatabase } from '../src-main/store/migrate';
import { tempDataDir } from '../test/support/temp-data';

// Migrate to 0007, write accounts, migrate to 0008, assert (one test per migration, as in Signal Desktop).

describe('migration 0008_member_balance', () => {
  it('indexes member accounts by currency and balance, so a balance-ordered page is read without a sort', async () => {
    const sqlite = openEncryptedDatabase(join(tempDataDir(), 'paydesk.db'), randomBytes(32), { create: true });
    await migrateDatabase(sqlite, '0007_journal_browse');
    const insert = sqlite.prepare(`INSERT INTO accounts (code, name, kind, currency, owner_type, owner_id, no_overdraft, debits_posted, credits_posted, created_at)
      VALUES (?, 'w', 'liability', ?, ?, ?, 1, ?, ?, '2026-01-01T00:00:00.000Z')`);
    insert.run('2100-a-CNY', 'CNY', 'member', 1, 100, 900);
    insert.run('2100-b-CNY', 'CNY', 'member', 2, 0, 50);
    insert.run('2100-c-USD', 'USD', 'member', 3, 0, 10_000);
    insert.run('9999-CNY', 'CNY', 'system', null, 0, 1_000_000);
    const accountsBefore = sqlite.prepare('SELECT * FROM accounts ORDER BY id').all();

    await migrateDatabase(sqlite, '0008_member_balance');

    expect(sqlite.prepare('SELECT * FROM accounts ORDER BY id').all()).toEqual(accountsBefore);
    const page = `SELECT owner_id FROM accounts WHERE owner_type = 'member' AND currency = 'CNY' ORDER BY credits_posted - debits_posted DESC, id DESC`;
    const plan = JSON.stringify(sqlite.prepare(`EXPLAIN QUERY PLAN ${page}`).all());
    expect(plan).toContain('accounts_member_balance');
    expect(plan).not.toContain('TEMP B-TREE');
    expect(sqlite.prepare(page).pluck().all()).toEqual([1, 2]);
    sqlite.close();
  });
});
