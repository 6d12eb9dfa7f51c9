import type { SqliteDatabase } from '../store/open-database';
import { perConnection } from '../store/sql';
import { TRANSFER_COLUMNS } from './journal';
import type { AccountRow, TransferRow } from './rows';

// The engine's hot path runs on prepared statements, compiled once per connection: every
// transfer of a bulk load, and every wallet account a bulk registration opens.

function prepareAll(sqlite: SqliteDatabase) {
  return {
    accountById: sqlite.prepare<[number], AccountRow>('SELECT * FROM accounts WHERE id = ?'),
    accountByCode: sqlite.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE code = ?'),
    insertAccount: sqlite.prepare<[string, string, string, string, string, number | null, string | null, 0 | 1, string]>(
      `INSERT INTO accounts (code, name, kind, currency, owner_type, owner_id, system_role, no_overdraft, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    transferById: sqlite.prepare<[number], TransferRow>('SELECT * FROM transfers WHERE id = ?'),
    transferByKey: sqlite.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE idempotency_key = ?'),
    resolutionOf: sqlite.prepare<[number], TransferRow>('SELECT * FROM transfers WHERE pending_id = ?'),
    reversalOf: sqlite.prepare<[number], TransferRow>('SELECT * FROM transfers WHERE reverses_id = ?'),
    dataVersion: sqlite.prepare<[], number>('PRAGMA data_version').pluck(),
    chainTail: sqlite.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM transfers ORDER BY id DESC LIMIT 1'),
    insertTransfer: sqlite.prepare<unknown[]>(
      `INSERT INTO transfers (${TRANSFER_COLUMNS.join(', ')}) VALUES (${TRANSFER_COLUMNS.map(() => '?').join(', ')})`,
    ),
    updateTotals: sqlite.prepare<[number, number, number, number, number]>(
      'UPDATE accounts SET debits_posted = ?, credits_posted = ?, debits_pending = ?, credits_pending = ? WHERE id = ?',
    ),
  };
}

export type LedgerStatements = ReturnType<typeof prepareAll>;

export const ledgerStatements = perConnection(prepareAll);
