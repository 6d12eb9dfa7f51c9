import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../src-main/store/open-database';
import { migrateDatabase } from '../src-main/store/migrate';
import { tempDataDir } from '../test/support/temp-data';

// Migrate to 0001, write rows, migrate to 0002, assert (one test per migration, as in Signal Desktop).

async function atFoundation() {
  const sqlite = openEncryptedDatabase(join(tempDataDir(), 'paydesk.db'), randomBytes(32), { create: true });
  await migrateDatabase(sqlite, '0001_foundation');
  sqlite.prepare(`INSERT INTO staff (username, display_name, role, status, created_at, updated_at) VALUES ('admin', 'Ada', 'admin', 'active', 'now', 'now')`).run();
  sqlite.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('idleLockMinutes', '10', 'now')`).run();
  return sqlite;
}

function insertTransfer(sqlite: ReturnType<typeof openEncryptedDatabase>, id: number, extra: Record<string, unknown> = {}) {
  const row = { id, key: `k${id}`, debit: 1, credit: 2, amount: 100, state: 'posted', pending: null, reverses: null, ...extra };
  return sqlite
    .prepare(`INSERT INTO transfers (id, idempotency_key, debit_account_id, credit_account_id, amount, currency, kind, state, pending_id, reverses_id, actor, created_at, prev_hash, hash)
      VALUES (@id, @key, @debit, @credit, @amount, 'CNY', 'deposit', @state, @pending, @reverses, 'admin', 'now', 'p', 'h')`)
    .run(row);
}

describe('migration 0002_ledger', () => {
  it('adds the ledger beside the foundation rows and opens the system accounts for CNY and PTS', async () => {
    const sqlite = await atFoundation();
    await migrateDatabase(sqlite, '0002_ledger');
    expect(sqlite.prepare('SELECT username FROM staff').all()).toEqual([{ username: 'admin' }]);
    expect(sqlite.prepare('SELECT key FROM settings').all()).toEqual([{ key: 'idleLockMinutes' }]);
    const accounts = sqlite.prepare('SELECT code, system_role, kind, currency, no_overdraft, debits_posted FROM accounts ORDER BY code').all();
    expect(accounts).toHaveLength(9);
    expect(accounts).toContainEqual({ code: '1000-CNY', system_role: 'branch_cash', kind: 'asset', currency: 'CNY', no_overdraft: 0, debits_posted: 0 });
    expect(accounts).toContainEqual({ code: '1200-CNY', system_role: 'payout_funding', kind: 'asset', currency: 'CNY', no_overdraft: 1, debits_posted: 0 });
    expect(accounts).toContainEqual({ code: '5900-PTS', system_role: 'points_issued', kind: 'expense', currency: 'PTS', no_overdraft: 0, debits_posted: 0 });
    sqlite.close();
  });

  it('makes transfers immutable and accounts undeletable', async () => {
    const sqlite = await atFoundation();
    await migrateDatabase(sqlite, '0002_ledger');
    insertTransfer(sqlite, 1);
    expect(() => sqlite.prepare('UPDATE transfers SET amount = 1 WHERE id = 1').run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('DELETE FROM transfers WHERE id = 1').run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('DELETE FROM accounts WHERE id = 1').run()).toThrow(/never deleted/);
    expect(sqlite.prepare('SELECT amount FROM transfers').all()).toEqual([{ amount: 100 }]);
    sqlite.close();
  });

  it('lets a hold be resolved once and a transfer be reversed once, and refuses a non-positive amount', async () => {
    const sqlite = await atFoundation();
    await migrateDatabase(sqlite, '0002_ledger');
    insertTransfer(sqlite, 1, { state: 'pending' });
    insertTransfer(sqlite, 2, { state: 'post_pending', pending: 1 });
    expect(() => insertTransfer(sqlite, 3, { state: 'void_pending', pending: 1 })).toThrow(/UNIQUE/);
    insertTransfer(sqlite, 4, { state: 'reversal', reverses: 2, debit: 2, credit: 1 });
    expect(() => insertTransfer(sqlite, 5, { state: 'reversal', reverses: 2, debit: 2, credit: 1 })).toThrow(/UNIQUE/);
    expect(() => insertTransfer(sqlite, 6, { amount: 0 })).toThrow(/CHECK/);
    expect(() => insertTransfer(sqlite, 7, { key: 'k1' })).toThrow(/UNIQUE/);
    sqlite.close();
  });
});
