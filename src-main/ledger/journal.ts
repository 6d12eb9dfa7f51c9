import { hash } from 'node:crypto';
import type { TransferRow } from './rows';

// The journal is a hash chain: hash = SHA-256(prev_hash ‖ canonical bytes of the row). Holds,
// posts, voids and reversals are rows too, so every state change of money is chained; changing,
// removing or reordering any row breaks every hash after it.

export const GENESIS_HASH = '0'.repeat(64);

type ChainedFields = Omit<TransferRow, 'prev_hash' | 'hash'>;

/** Every column except the two hashes, in a fixed order, as JSON (unambiguous field boundaries). */
export function canonicalTransfer(row: ChainedFields): string {
  return JSON.stringify([
    row.id, row.idempotency_key, row.payload_digest, row.debit_account_id, row.credit_account_id, row.amount, row.currency,
    row.kind, row.state, row.pending_id, row.reverses_id, row.link_id, row.memo, row.actor, row.cause_ref, row.created_at,
    row.expires_at,
  ]);
}

export function chainHash(prevHash: string, canonical: string): string {
  return hash('sha256', prevHash + canonical, 'hex');
}
