import type { Generated } from 'kysely';
import type { AccountKind, OwnerType, TransferState } from '../../src-shared/contract/ledger';
import { queryBuilder } from '../store/sql';

// The ledger's tables (migration 0002): integers for money (minor units), 0/1 for flags, ISO
// strings for times.

export interface AccountsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: AccountKind;
  currency: string;
  owner_type: OwnerType;
  owner_id: number | null;
  system_role: string | null;
  no_overdraft: 0 | 1;
  closed: 0 | 1;
  debits_posted: number;
  credits_posted: number;
  debits_pending: number;
  credits_pending: number;
  created_at: string;
  closed_at: string | null;
}

export interface TransfersTable {
  id: number;
  idempotency_key: string;
  debit_account_id: number;
  credit_account_id: number;
  amount: number;
  currency: string;
  kind: string;
  state: TransferState;
  pending_id: number | null;
  reverses_id: number | null;
  link_id: number | null;
  memo: string | null;
  actor: string;
  cause_ref: string | null;
  created_at: string;
  expires_at: string | null;
  prev_hash: string;
  hash: string;
}

export interface LedgerTables {
  accounts: AccountsTable;
  transfers: TransfersTable;
}

/** The ledger's queries off the posting path; the posting path's own are in statements.ts. */
export const ledgerSql = queryBuilder<LedgerTables>();
