import type { SqliteDatabase } from '../store/open-database';
import type { MembersTable } from './tables';
import { perConnection } from '../store/sql';

// Registration is the bulk path of demo loads and imports: its statements are compiled once per
// connection, like the ledger's.

function prepareAll(sqlite: SqliteDatabase) {
  return {
    byId: sqlite.prepare<[number], MembersTable>('SELECT * FROM members WHERE id = ?'),
    nextId: sqlite.prepare<[], { next: number }>('SELECT coalesce(max(id), 0) + 1 AS next FROM members'),
    phoneHolder: sqlite.prepare<[string, number | null], { member_number: string }>(
      `SELECT member_number FROM members WHERE phone = ? AND status <> 'closed' AND id IS NOT ?`,
    ),
    insert: sqlite.prepare<unknown[]>(
      `INSERT INTO members (id, member_number, name, phone, email, id_document_sealed, id_document_last4, status, referred_by, notes, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)`,
    ),
    insertGrams: sqlite.prepare<[number, string]>('INSERT INTO members_grams (rowid, grams) VALUES (?, ?)'),
    deleteGrams: sqlite.prepare<[number]>('DELETE FROM members_grams WHERE rowid = ?'),
    insertWallet: sqlite.prepare<[number, string, number]>('INSERT INTO member_wallets (member_id, currency, account_id) VALUES (?, ?, ?)'),
    walletAccount: sqlite.prepare<[number, string], number>('SELECT account_id FROM member_wallets WHERE member_id = ? AND currency = ?').pluck(),
  };
}

export const memberStatements = perConnection(prepareAll);
