import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase, type SqliteDatabase } from '../src-main/store/open-database';
import { migrateDatabase } from '../src-main/store/migrate';
import { randomKey } from '../src-main/store/crypto';
import { tempDataDir } from '../test/support/temp-data';

// Migrate to 0008, write a receipt as it was then, migrate to 0009, and check the approver beside it.

const RECEIPT_COLUMNS = 'id, receipt_number, idempotency_key, request_json, operation, member_id, currency, amount, fee, balance_after, teller, teller_name, created_at';

async function databaseAt0008(): Promise<SqliteDatabase> {
  const sqlite = openEncryptedDatabase(join(tempDataDir(), 'paydesk.db'), randomKey(), { create: true });
  await migrateDatabase(sqlite, '0008_member_balance');
  sqlite.prepare(`INSERT INTO members (id, member_number, name, phone, status, created_by, created_at, updated_at) VALUES (1, '100000001', 'a', '13800138000', 'active', 'admin', 'now', 'now')`).run();
  sqlite.prepare(`INSERT INTO wallet_receipts (${RECEIPT_COLUMNS}) VALUES (1, 'R20260101-0000001', 'k1', '{}', 'deposit', 1, 'CNY', 100, 0, 100, 'tina', 'Tina', 'now')`).run();
  return sqlite;
}

describe('migration 0009_receipt_approver', () => {
  it('adds the approver to receipts, null on the receipts already issued', async () => {
    const sqlite = await databaseAt0008();
    await migrateDatabase(sqlite, '0009_receipt_approver');
    expect(sqlite.pragma('user_version', { simple: true })).toBe(9);
    expect(sqlite.prepare('SELECT receipt_number, amount, approver, approver_name FROM wallet_receipts').all()).toEqual([
      { receipt_number: 'R20260101-0000001', amount: 100, approver: null, approver_name: null },
    ]);
    sqlite
      .prepare(`INSERT INTO wallet_receipts (${RECEIPT_COLUMNS}, approver, approver_name) VALUES (2, 'R20260101-0000002', 'k2', '{}', 'deposit', 1, 'CNY', 2000000, 0, 2000100, 'tina', 'Tina', 'now', 'fay', 'Fay')`)
      .run();
    expect(sqlite.prepare('SELECT approver, approver_name FROM wallet_receipts WHERE id = 2').get()).toEqual({ approver: 'fay', approver_name: 'Fay' });
    sqlite.close();
  });

  it('keeps receipts immutable, the approver included', async () => {
    const sqlite = await databaseAt0008();
    await migrateDatabase(sqlite);
    expect(() => sqlite.prepare(`UPDATE wallet_receipts SET approver = 'fay'`).run()).toThrow(/immutable/);
    expect(sqlite.prepare('SELECT approver FROM wallet_receipts').all()).toEqual([{ approver: null }]);
    sqlite.close();
  });
});
