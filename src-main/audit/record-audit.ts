import type { Store } from '../store/store';
import { prepare } from '../store/sql';
import { GENESIS_HASH, canonicalAuditRow, chainHash } from './audit-chain';

export interface AuditEvent {
  actor: string;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

// Field names whose values must never reach the log, whatever a caller passes.
const SECRET_FIELD = /pass|secret|key|pan|cvv|pin|token/i;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

function summary(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(redact(value));
}

/**
 * Appends one link to the audit chain. Call it inside the same transaction as the change it
 * records, so the change and its record commit together.
 */
export function recordAudit(store: Store, event: AuditEvent, at: Date = new Date()): number {
  const last = prepare(store.sqlite, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at: at.toISOString(),
    actor: event.actor,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    before_json: summary(event.before),
    after_json: summary(event.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, canonicalAuditRow(row));
  prepare(
    store.sqlite,
    `INSERT INTO audit_log (id, at, actor, action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity_type, @entity_id, @before_json, @after_json, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash });
  return row.id;
}
