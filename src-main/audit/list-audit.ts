import { sql } from 'kysely';
import type { Store } from '../store/store';
import { selectAll, selectFirst } from '../store/sql';

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

export function listAudit(store: Store, query: AuditQuery) {
  let base = store.db.selectFrom('audit_log');
  if (query.actor) base = base.where('actor', '=', query.actor);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.from) base = base.where('at', '>=', query.from);
  if (query.to) base = base.where('at', '<=', query.to);
  const rows = selectAll(store.sqlite, base.selectAll().orderBy('id', 'desc').offset(query.offset).limit(query.limit));
  const total = selectFirst(store.sqlite, base.select(sql<number>`count(*)`.as('n')))?.n ?? 0;
  const actors = selectAll(store.sqlite, store.db.selectFrom('audit_log').select('actor').distinct().orderBy('actor')).map((r) => r.actor);
  const actions = selectAll(store.sqlite, store.db.selectFrom('audit_log').select('action').distinct().orderBy('action')).map((r) => r.action);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: parseSummary(r.before_json),
      after: parseSummary(r.after_json),
      hash: r.hash,
    })),
    total,
    actors,
    actions,
  };
}
