import { sql, type Selectable } from 'kysely';
import type { AuditEntry } from '../../src-shared/contract/audit';
import type { Store } from '../store/store';
import { selectAll, selectFirst } from '../store/sql';
import { auditSql, type AuditLogTable } from './tables';

/** Which audit rows: by whom, which action, on which entity, in [from, to] (both ends included). */
export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditQuery extends AuditFilter {
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

/** The audit rows `filter` selects, shared by the audit list and the audit log report. */
export function filteredAudit(filter: AuditFilter) {
  let base = auditSql.selectFrom('audit_log');
  if (filter.actor) base = base.where('actor', '=', filter.actor);
  if (filter.action) base = base.where('action', '=', filter.action);
  if (filter.entityType) base = base.where('entity_type', '=', filter.entityType);
  if (filter.entityId) base = base.where('entity_id', '=', filter.entityId);
  if (filter.from) base = base.where('at', '>=', filter.from);
  if (filter.to) base = base.where('at', '<=', filter.to);
  return base;
}

export function listAudit(store: Store, query: AuditQuery) {
  const base = filteredAudit(query);
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
