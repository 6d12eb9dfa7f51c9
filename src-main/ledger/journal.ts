import { hash } from 'node:crypto';
import type { TransferRow } from './rows';

// The journal is a hash chain: hash = SHA-256(prev_hash ‖ canonical bytes of the row). Holds,
// posts, voids and reversals are rows too, so every state change of money is chained; changing,
// removing or reordering any row breaks every hash after it.

export const GENESIS_HASH = '0'.repeat(64);

type ChainedFields = Omit<TransferRow, 'prev_hash' | 'hash'>;

/** The columns the hash covers, in order: every column but the two hashes. */
export const CHAINED_COLUMNS = [
  'id', 'idempotency_key', 'debit_account_id', 'credit_account_id', 'amount', 'currency', 'kind', 'state', 'pending_id',
  'reverses_id', 'link_id', 'memo', 'actor', 'cause_ref', 'created_at', 'expires_at',
] as const satisfies readonly (keyof ChainedFields)[];

/**
 * The chained columns as a JSON array (unambiguous field boundaries). SQLite's json_array() over
 * the same columns yields the very same text, which lets verify build it inside SQLite.
 */
export function canonicalTransfer(row: ChainedFields): string {
  return JSON.stringify([
    row.id, row.idempotency_key, row.debit_account_id, row.credit_account_id, row.amount, row.currency,
    row.kind, row.state, row.pending_id, row.reverses_id, row.link_id, row.memo, row.actor, row.cause_ref, row.created_at,
    row.expires_at,
  ]);
}

export function chainHash(prevHash: string, canonical: string): string {
  return hash('sha256', prevHash + canonical, 'hex');
}
