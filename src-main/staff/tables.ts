import type { Generated } from 'kysely';
import { queryBuilder } from '../store/sql';

// The staff domain's table (migration 0001). Passphrases are not in it: each person's keyslot
// holds what unlocks them (store/keyslots.ts).

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

export interface StaffTables {
  staff: StaffTable;
}

export const staffSql = queryBuilder<StaffTables>();
