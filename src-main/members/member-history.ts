import type { AuditEntry } from '../../src-shared/contract/audit';
import { toAuditEntry } from '../audit/list-audit';
import { auditSql } from '../audit/tables';
import type { Store } from '../store/store';
import { selectAll, selectFirst } from '../store/sql';
import { getMemberRow } from './member-repo';

/** A member's edit history: their audit rows, newest first (the audit_log_entity index serves it). */
export function memberHistory(store: Store, id: number, offset: number, limit: number): { rows: AuditEntry[]; total: number } {
  const member = getMemberRow(store, id);
  const base = auditSql.selectFrom('audit_log').where('entity_type', '=', 'member').where('entity_id', '=', member.member_number);
  const rows = selectAll(store.sqlite, base.selectAll().orderBy('id', 'desc').offset(offset).limit(limit));
  const total = selectFirst(store.sqlite, base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  return {
    rows: rows.map(toAuditEntry),
    total,
  };
}
