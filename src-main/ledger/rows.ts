import type { Account, AccountKind, Transfer, TransferState } from '../../src-shared/contract/ledger';

// The ledger's tables as better-sqlite3 returns them, and their camelCase shapes for callers.

export interface Totals {
  debits_posted: number;
  credits_posted: number;
  debits_pending: number;
  credits_pending: number;
}

export interface AccountRow extends Totals {
  id: number;
  code: string;
  name: string;
  kind: AccountKind;
  currency: string;
  owner_type: 'system' | 'member';
  owner_id: number | null;
  system_role: string | null;
  no_overdraft: 0 | 1;
  closed: 0 | 1;
  created_at: string;
  closed_at: string | null;
}

export interface TransferRow {
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

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    currency: row.currency,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    systemRole: row.system_role,
    noOverdraft: row.no_overdraft === 1,
    closed: row.closed === 1,
    debitsPosted: row.debits_posted,
    creditsPosted: row.credits_posted,
    debitsPending: row.debits_pending,
    creditsPending: row.credits_pending,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export function toTransfer(row: TransferRow): Transfer {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    amount: row.amount,
    currency: row.currency,
    kind: row.kind,
    state: row.state,
    pendingId: row.pending_id,
    reversesId: row.reverses_id,
    linkId: row.link_id,
    memo: row.memo,
    actor: row.actor,
    causeRef: row.cause_ref,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
