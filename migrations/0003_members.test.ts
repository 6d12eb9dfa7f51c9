import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase, type SqliteDatabase } from '../src-main/store/open-database';
import { migrateDatabase } from '../src-main/store/migrate';
import { randomKey } from '../src-main/store/crypto';
import { tempDataDir } from '../test/support/temp-data';

// Migrate to 0002, write what existed then, migrate to 0003, and check the new tables beside it.

async function databaseAt0002(): Promise<SqliteDatabase> {
  const sqlite = openEncryptedDatabase(join(tempDataDir(), 'paydesk.db'), randomKey(), { create: true });
  await migrateDatabase(sqlite, '0002_ledger');
  sqlite
    .prepare(`INSERT INTO audit_log (at, actor, action, entity_type, entity_id, prev_hash, hash) VALUES ('2026-01-01T00:00:00.000Z', 'admin', 'staff.add', 'staff', 'tina', 'p', 'h')`)
    .run();
  return sqlite;
}

function insertMember(sqlite: SqliteDatabase, id: number, name: string, phone: string, status = 'active'): void {
  sqlite
    .prepare(`INSERT INTO members (id, member_number, name, phone, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'admin', 'now', 'now')`)
    .run(id, `10000000${id}`, name, phone, status);
}

describe('migration 0003_members', () => {
  it('adds members, wallets and receipts beside the ledger and keeps what was there', async () => {
    const sqlite = await databaseAt0002();
    const accountsBefore = sqlite.prepare('SELECT * FROM accounts ORDER BY id').all();
    await migrateDatabase(sqlite, '0003_members');
    expect(sqlite.pragma('user_version', { simple: true })).toBe(3);
    expect(sqlite.prepare('SELECT * FROM accounts ORDER BY id').all()).toEqual(accountsBefore);
    expect(sqlite.prepare('SELECT actor, action FROM audit_log').all()).toEqual([{ actor: 'admin', action: 'staff.add' }]);
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE entity_type = 'member' AND entity_id = '1' ORDER BY id DESC`).all();
    expect(JSON.stringify(plan)).toContain('audit_log_entity');
    sqlite.close();
  });

  it('keeps the trigram index in step with member names', async () => {
    const sqlite = await databaseAt0002();
    await migrateDatabase(sqlite);
    insertMember(sqlite, 1, '张三丰', '13800138000');
    const match = (q: string) => sqlite.prepare('SELECT rowid FROM members_fts WHERE members_fts MATCH ?').all(q);
    expect(match('"张三丰"')).toEqual([{ rowid: 1 }]);
    sqlite.prepare(`UPDATE members SET name = '王大明' WHERE id = 1`).run();
    expect(match('"张三丰"')).toEqual([]);
    expect(match('"王大明"')).toEqual([{ rowid: 1 }]);
    sqlite.close();
  });

  it('allows one open member per phone number, and reuse after closing', async () => {
    const sqlite = await databaseAt0002();
    await migrateDatabase(sqlite);
    insertMember(sqlite, 1, 'a', '13800138000', 'closed');
    insertMember(sqlite, 2, 'b', '13800138000');
    expect(() => insertMember(sqlite, 3, 'c', '13800138000')).toThrow(/UNIQUE/);
    sqlite.close();
  });

  it('refuses edits and deletes of receipts', async () => {
    const sqlite = await databaseAt0002();
    await migrateDatabase(sqlite);
    insertMember(sqlite, 1, 'a', '13800138000');
    sqlite
      .prepare(
        `INSERT INTO wallet_receipts (id, receipt_number, idempotency_key, request_json, operation, member_id, currency, amount, fee, balance_after, teller, teller_name, created_at)
         VALUES (1, 'R20260101-0000001', 'k', '{}', 'deposit', 1, 'CNY', 100, 0, 100, 'tina', 'Tina', 'now')`,
      )
      .run();
    expect(() => sqlite.prepare('UPDATE wallet_receipts SET amount = 1').run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('DELETE FROM wallet_receipts').run()).toThrow(/immutable/);
    expect(sqlite.prepare('SELECT amount FROM wallet_receipts').all()).toEqual([{ amount: 100 }]);
    sqlite.close();
  });
});
