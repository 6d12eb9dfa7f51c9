import { createHash } from 'node:crypto';

// The audit log is a hash chain: hash = SHA-256(prev_hash ‖ canonical row). Changing, removing
// or reordering any row breaks every hash after it, and verify names the first broken row.

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRowFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export function canonicalAuditRow(row: AuditRowFields): string {
  return JSON.stringify([row.id, row.at, row.actor, row.action, row.entity_type, row.entity_id, row.before_json, row.after_json]);
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
