import { hash } from 'node:crypto';
import type { TransferRow } from './rows';

// The journal is a hash chain: hash = SHA-256(prev_hash ‖ canonical bytes of the row). Holds,
// posts, voids and reversals are rows too, so every state change of money is chained; changing,
// removing or reordering any row breaks every hash after it.

export const GENESIS_HASH = '0'.repeat(64);

type ChainedFields = Omit<TransferRow, 'prev_hash' | 'hash'>;

/**
 * The columns the hash covers, in order: every column but the two hashes. With the two hashes
 * after them, this is the one list of the transfers columns: the writer inserts them, the hash
 * covers them and verify re-reads them in this order.
 */
export const CHAINED_COLUMNS = [
  'id', 'idempotency_key', 'debit_account_id', 'credit_account_id', 'amount', 'currency', 'kind', 'state', 'pending_id',
  'reverses_id', 'link_id', 'memo', 'actor', 'cause_ref', 'created_at', 'expires_at',
] as const satisfies readonly (keyof ChainedFields)[];

/** Every column of a journal row, in table order: the chained ones, then the two links. */
export const TRANSFER_COLUMNS = [...CHAINED_COLUMNS, 'prev_hash', 'hash'] as const satisfies readonly (keyof TransferRow)[];

/** A journal row's values in TRANSFER_COLUMNS order, as the writer's INSERT binds them. */
export function transferValues(row: TransferRow): unknown[] {
  return TRANSFER_COLUMNS.map((column) => row[column]);
}

/**
 * The chained columns as a JSON array (unambiguous field boundaries). SQLite's json_array() over
 * the same columns yields the very same text, which lets verify build it inside SQLite.
 */
export function canonicalTransfer(row: ChainedFields): string {
  return JSON.stringify(CHAINED_COLUMNS.map((column) => row[column]));
}

export function chainHash(prevHash: string, canonical: string): string {
  return hash('sha256', prevHash + canonical, 'hex');
}
