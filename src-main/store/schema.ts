import type { Generated } from 'kysely';

// Table types for Kysely. Each domain service is the only writer of its own tables; they live in
// one interface because Kysely needs one. Integers for money (minor units), 0/1 for flags,
// ISO strings for times.

export interface StaffTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  status: string;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

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

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface FoundationSchema {
  staff: StaffTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

/** Grows with each migration that adds tables (ledger, members, …). */
export type Schema = FoundationSchema;
