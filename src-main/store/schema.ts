import type { Generated } from 'kysely';
import type { AccountKind, OwnerType, TransferState } from '../../src-shared/contract/ledger';

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

export interface WalletReceiptsTable {
  id: number;
  receipt_number: string;
  idempotency_key: string;
  request_json: string;
  operation: 'deposit' | 'withdrawal' | 'payment' | 'transfer' | 'reversal';
  member_id: number;
  counterparty_member_id: number | null;
  merchant: string | null;
  currency: string;
  amount: number;
  fee: number;
  balance_after: number;
  teller: string;
  teller_name: string;
  memo: string | null;
  reason: string | null;
  reverses_receipt_id: number | null;
  created_at: string;
}

export interface WalletReceiptTransfersTable {
  transfer_id: number;
  receipt_id: number;
}

export interface MembersSchema {
  members: MembersTable;
  member_wallets: MemberWalletsTable;
  wallet_receipts: WalletReceiptsTable;
  wallet_receipt_transfers: WalletReceiptTransfersTable;
}

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

export interface LedgerSchema {
  accounts: AccountsTable;
  transfers: TransfersTable;
}

/** Grows with each migration that adds tables (ledger, members, …). */
export type Schema = FoundationSchema & LedgerSchema & MembersSchema;
