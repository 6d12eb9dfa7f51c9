import type { Selectable } from 'kysely';
import type { Account, Transfer } from '../../src-shared/contract/ledger';
import type { AccountsTable, TransfersTable } from './tables';

// The ledger's tables as better-sqlite3 returns them (their Kysely table types, selected), and
// their camelCase shapes for callers.

export type AccountRow = Selectable<AccountsTable>;
export type TransferRow = Selectable<TransfersTable>;

/**
 * The account as callers see it, and as the writer keeps it while it posts: an object literal of
 * one fixed shape, which V8 keeps on its fast path when a bulk load reads and writes its totals.
 */
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
