import type { Generated } from 'kysely';
import { queryBuilder } from '../store/sql';

// The audit log (migration 0001): one hash-chained row per action that changed something.

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}

export const auditSql = queryBuilder<AuditTables>();
