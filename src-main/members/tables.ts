import { queryBuilder } from '../store/sql';

// The members domain's tables (migration 0003). members_grams, the FTS5 search index, is read
// only through hand-written SQL (member-search.ts), so Kysely is not told of it.

export interface MembersTable {
  id: number;
  member_number: string;
  name: string;
  phone: string;
  email: string | null;
  id_document_sealed: string | null;
  id_document_last4: string | null;
  status: 'active' | 'frozen' | 'closed';
  status_reason: string | null;
  referred_by: number | null;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MemberWalletsTable {
  member_id: number;
  currency: string;
  account_id: number;
}

export interface MemberTables {
  members: MembersTable;
  member_wallets: MemberWalletsTable;
}

export const memberSql = queryBuilder<MemberTables>();
