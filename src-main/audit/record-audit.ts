import type { Selectable } from 'kysely';
import type { Store } from '../store/store';
import { perConnection } from '../store/sql';
import { GENESIS_HASH, canonicalAuditRow, chainHash } from './audit-chain';
import type { AuditLogTable } from './tables';

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

/** What the log keeps of a summary: every field named like a secret replaced; verify replays compare with it. */
export function redact(value: unknown): unknown {
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

// Every change appends a row, and a bulk registration one per member: like the ledger's, these
// statements are prepared once per connection.
const auditStatements = perConnection((sqlite) => ({
  chainTail: sqlite.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
  append: sqlite.prepare<[Selectable<AuditLogTable>]>(
    `INSERT INTO audit_log (id, at, actor, action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity_type, @entity_id, @before_json, @after_json, @prev_hash, @hash)`,
  ),
}));

/**
 * Appends one link to the audit chain. Call it inside the same IMMEDIATE transaction as the change
 * it records, so the change and its record commit together. Called on its own (an audited read),
 * it takes the write lock itself: reading the tail and appending outside one would let another
 * process append the same id in between.
 */
export function recordAudit(store: Store, event: AuditEvent, at: Date = new Date()): number {
  if (!store.sqlite.inTransaction) return store.sqlite.transaction(() => appendAudit(store, event, at)).immediate();
  return appendAudit(store, event, at);
}

function appendAudit(store: Store, event: AuditEvent, at: Date): number {
  const statements = auditStatements(store.sqlite);
  const last = statements.chainTail.get();
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
  statements.append.run({ ...row, prev_hash: prevHash, hash });
  return row.id;
}
