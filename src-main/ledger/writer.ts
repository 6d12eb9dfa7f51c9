import { AppError } from '../../src-shared/errors';
import type { TransferState } from '../../src-shared/contract/ledger';
import type { Store } from '../store/store';
import { applyMove, availableBalance } from './effects';
import { GENESIS_HASH, canonicalTransfer, chainHash } from './journal';
import type { AccountRow, Totals, TransferRow } from './rows';
import { ledgerStatements, type LedgerStatements } from './statements';

/** A journal row before the writer numbers and chains it. */
export interface JournalEntry {
  idempotencyKey: string;
  payloadDigest: string;
  debit: AccountRow;
  credit: AccountRow;
  amount: number;
  kind: string;
  state: TransferState;
  pendingId: number | null;
  reversesId: number | null;
  memo: string | null;
  actor: string;
  causeRef: string | null;
  createdAt: string;
  expiresAt: string | null;
}

function totalsOf(row: Totals): Totals {
  return {
    debits_posted: row.debits_posted,
    credits_posted: row.credits_posted,
    debits_pending: row.debits_pending,
    credits_pending: row.credits_pending,
  };
}

/**
 * The working set of one ledger transaction: the accounts it touched (totals kept in memory and
 * written once at the end) and the tail of the hash chain. It lives only inside
 * `inLedgerTransaction`, so nothing it caches can go stale.
 */
export class LedgerWriter {
  readonly statements: LedgerStatements;
  private readonly accounts = new Map<number, AccountRow>();
  private readonly dirty = new Set<AccountRow>();
  private tailId: number;
  private tailHash: string;
  /** The link id given to new rows while a linked group is being written. */
  private linkId: number | null = null;
  appended = 0;

  constructor(readonly store: Store) {
    this.statements = ledgerStatements(store.sqlite);
    const tail = this.statements.chainTail.get();
    this.tailId = tail?.id ?? 0;
    this.tailHash = tail?.hash ?? GENESIS_HASH;
  }

  /** ACCOUNT_NOT_FOUND names the request field that held the id. */
  account(id: number, field: string): AccountRow {
    let row = this.accounts.get(id);
    if (!row) {
      row = Number.isSafeInteger(id) ? this.statements.accountById.get(id) : undefined;
      if (!row) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${String(id)} does not exist.`, { field, accountId: id });
      this.accounts.set(id, row);
    }
    return row;
  }

  openAccount(id: number, field: string): AccountRow {
    const row = this.account(id, field);
    if (row.closed === 1) throw new AppError('ACCOUNT_CLOSED', `Account ${row.code} is closed.`, { field, accountId: id });
    return row;
  }

  transfer(id: number): TransferRow | undefined {
    return Number.isSafeInteger(id) ? this.statements.transferById.get(id) : undefined;
  }

  byKey(idempotencyKey: string): TransferRow | undefined {
    return this.statements.transferByKey.get(idempotencyKey);
  }

  /** New rows written until `endLink` share the id of the first of them. */
  beginLink(): void {
    this.linkId = this.tailId + 1;
  }

  endLink(): void {
    this.linkId = null;
  }

  /**
   * Checks the no-overdraft rule on both accounts, then numbers, chains and inserts the row and
   * moves the running totals. Nothing is written when the rule refuses.
   */
  append(entry: JournalEntry, holdAmount = 0): TransferRow {
    const debitTotals = totalsOf(entry.debit);
    const creditTotals = totalsOf(entry.credit);
    applyMove(debitTotals, 'debit', entry.state, entry.amount, holdAmount);
    applyMove(creditTotals, 'credit', entry.state, entry.amount, holdAmount);
    assertNoOverdraft(entry.debit, debitTotals, entry.amount);
    assertNoOverdraft(entry.credit, creditTotals, entry.amount);

    const row = this.chain(entry);
    this.statements.insertTransfer.run(
      row.id, row.idempotency_key, row.payload_digest, row.debit_account_id, row.credit_account_id, row.amount, row.currency,
      row.kind, row.state, row.pending_id, row.reverses_id, row.link_id, row.memo, row.actor, row.cause_ref, row.created_at,
      row.expires_at, row.prev_hash, row.hash,
    );
    Object.assign(entry.debit, debitTotals);
    Object.assign(entry.credit, creditTotals);
    this.dirty.add(entry.debit);
    this.dirty.add(entry.credit);
    this.tailId = row.id;
    this.tailHash = row.hash;
    this.appended += 1;
    return row;
  }

  /** Writes the running totals of every account this transaction moved. */
  flush(): void {
    for (const row of this.dirty) {
      this.statements.updateTotals.run(row.debits_posted, row.credits_posted, row.debits_pending, row.credits_pending, row.id);
    }
    this.dirty.clear();
  }

  private chain(entry: JournalEntry): TransferRow {
    const fields = {
      id: this.tailId + 1,
      idempotency_key: entry.idempotencyKey,
      payload_digest: entry.payloadDigest,
      debit_account_id: entry.debit.id,
      credit_account_id: entry.credit.id,
      amount: entry.amount,
      currency: entry.debit.currency,
      kind: entry.kind,
      state: entry.state,
      pending_id: entry.pendingId,
      reverses_id: entry.reversesId,
      link_id: this.linkId,
      memo: entry.memo,
      actor: entry.actor,
      cause_ref: entry.causeRef,
      created_at: entry.createdAt,
      expires_at: entry.expiresAt,
    };
    return { ...fields, prev_hash: this.tailHash, hash: chainHash(this.tailHash, canonicalTransfer(fields)) };
  }
}

/** A no_overdraft account's available balance may not fall below zero (TigerBeetle's debits_must_not_exceed_credits). */
function assertNoOverdraft(account: AccountRow, next: Totals, amount: number): void {
  if (account.no_overdraft !== 1) return;
  const after = availableBalance(account.kind, next);
  if (after >= 0) return;
  const before = availableBalance(account.kind, account);
  if (after >= before) return;
  throw new AppError('INSUFFICIENT_FUNDS', `Account ${account.code} has ${before} available; ${amount} is needed.`, {
    accountId: account.id,
    available: before,
    amount,
  });
}

/**
 * Runs one ledger change as a single synchronous IMMEDIATE transaction (a savepoint when the
 * caller already holds one), so no other write can interleave and a refusal leaves nothing.
 */
export function inLedgerTransaction<T>(store: Store, change: (writer: LedgerWriter) => T): T {
  return store.sqlite
    .transaction(() => {
      const writer = new LedgerWriter(store);
      const result = change(writer);
      writer.flush();
      return result;
    })
    .immediate();
}
