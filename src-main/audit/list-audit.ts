import { sql, type Selectable } from 'kysely';
import type { AuditEntry } from '../../src-shared/contract/audit';
import type { Store } from '../store/store';
import { selectAll, selectFirst } from '../store/sql';
import { auditSql, type AuditLogTable } from './tables';

export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

function parseSummary(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/** An audit row as callers see it: camelCase, with its before/after summaries parsed. */
export function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: parseSummary(row.before_json),
    after: parseSummary(row.after_json),
    hash: row.hash,
  };
}

export function listAudit(store: Store, query: AuditQuery) {
  let base = auditSql.selectFrom('audit_log');
  if (query.actor) base = base.where('actor', '=', query.actor);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.from) base = base.where('at', '>=', query.from);
  if (query.to) base = base.where('at', '<=', query.to);
  const rows = selectAll(store.sqlite, base.selectAll().orderBy('id', 'desc').offset(query.offset).limit(query.limit));
  const total = selectFirst(store.sqlite, base.select(sql<number>`count(*)`.as('n')))?.n ?? 0;
  const actors = selectAll(store.sqlite, auditSql.selectFrom('audit_log').select('actor').distinct().orderBy('actor')).map((r) => r.actor);
  const actions = selectAll(store.sqlite, auditSql.selectFrom('audit_log').select('action').distinct().orderBy('action')).map((r) => r.action);
  return {
    rows: rows.map(toAuditEntry),
    total,
    actors,
    actions,
  };
}
