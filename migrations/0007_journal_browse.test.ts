import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../src-main/store/open-database';
import { migrateDatabase } from '../src-main/store/migrate';
import { tempDataDir } from '../test/support/temp-data';

// Migrate to 0006, write transfers, migrate to 0007, assert (one test per migration, as in Signal Desktop).

describe('migration 0007_journal_browse', () => {
  it('indexes the journal by kind, actor and time, keeping the rows written before it', async () => {
    const sqlite = openEncryptedDatabase(join(tempDataDir(), 'paydesk.db'), randomBytes(32), { create: true });
    await migrateDatabase(sqlite, '0006_counter_day');
    const insert = sqlite.prepare(`INSERT INTO transfers (id, idempotency_key, debit_account_id, credit_account_id, amount, currency, kind, state, actor, created_at, prev_hash, hash)
      VALUES (?, ?, 1, 2, 100, 'CNY', ?, 'posted', ?, ?, 'p', 'h')`);
    insert.run(1, 'k1', 'deposit', 'tina', '2026-01-01T00:00:00.000Z');
    insert.run(2, 'k2', 'fee', 'system', '2026-01-02T00:00:00.000Z');

    await migrateDatabase(sqlite, '0007_journal_browse');

    const indexes = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transfers' AND name IN ('transfers_kind', 'transfers_actor', 'transfers_created') ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['transfers_actor', 'transfers_created', 'transfers_kind']);
    expect(sqlite.prepare(`SELECT id FROM transfers INDEXED BY transfers_kind WHERE kind = 'fee'`).pluck().all()).toEqual([2]);
    expect(sqlite.prepare(`SELECT id FROM transfers INDEXED BY transfers_actor WHERE actor = 'tina'`).pluck().all()).toEqual([1]);
    expect(sqlite.prepare(`SELECT id FROM transfers INDEXED BY transfers_created WHERE created_at >= '2026-01-02'`).pluck().all()).toEqual([2]);
    sqlite.close();
  });
});
