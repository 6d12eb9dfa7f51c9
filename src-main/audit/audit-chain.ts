import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from './tables';

// The audit log is a hash chain: hash = SHA-256(prev_hash ‖ canonical row). Changing, removing
// or reordering any row breaks every hash after it, and verify names the first broken row.

export const GENESIS_HASH = '0'.repeat(64);

/** The columns the hash covers: every audit_log column except the chain links themselves. */
export type AuditRowFields = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash'>;

export function canonicalAuditRow(row: AuditRowFields): string {
  return JSON.stringify([row.id, row.at, row.actor, row.action, row.entity_type, row.entity_id, row.before_json, row.after_json]);
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
