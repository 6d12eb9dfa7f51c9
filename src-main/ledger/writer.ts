import { AppError } from '../../src-shared/errors';
import type { TransferState } from '../../src-shared/contract/ledger';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { applyMove, availableBalance } from './effects';
import { GENESIS_HASH, canonicalTransfer, chainHash } from './journal';
import type { AccountRow, TransferRow } from './rows';
import { ledgerStatements, type LedgerStatements } from './statements';

/** A journal row before the writer numbers and chains it. */
export interface JournalEntry {
  idempotencyKey: string;
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

/**
 * The cached account as an object literal of one fixed shape: its totals are read and written
 * for every transfer of a bulk load, and V8 keeps such objects on its fast path.
 */
function workingCopy(row: AccountRow): AccountRow {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    currency: row.currency,
    owner_type: row.owner_type,
    owner_id: row.owner_id,
    system_role: row.system_role,
    no_overdraft: row.no_overdraft,
    closed: row.closed,
    debits_posted: row.debits_posted,
    credits_posted: row.credits_posted,
    debits_pending: row.debits_pending,
    credits_pending: row.credits_pending,
    created_at: row.created_at,
    closed_at: row.closed_at,
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
  private tailId = 0;
  private tailHash = GENESIS_HASH;
  private seenVersion: number | null = null;
  /** The link id given to new rows while a linked group is being written. */
  private linkId: number | null = null;
  /** Rows written by the current transaction. */
  appended = 0;

  constructor(
    readonly store: Store,
    private readonly acrossTransactions = false,
  ) {
    this.statements = ledgerStatements(store.sqlite);
  }

  /**
   * Starts a transaction's work. A writer kept across transactions (bulk loads) keeps its cached
   * accounts only while no other connection has committed in between (SQLite's data_version); a
   * writer for one transaction starts empty and need not ask.
   */
  begin(): void {
    if (this.acrossTransactions) {
      const version = this.statements.dataVersion.get() as number;
      if (version !== this.seenVersion) this.accounts.clear();
      this.seenVersion = version;
    }
    const tail = this.statements.chainTail.get();
    this.tailId = tail?.id ?? 0;
    this.tailHash = tail?.hash ?? GENESIS_HASH;
    this.appended = 0;
  }

  /** ACCOUNT_NOT_FOUND names the request field that held the id. */
  account(id: number, field: string): AccountRow {
    let row = this.accounts.get(id);
    if (!row) {
      row = Number.isSafeInteger(id) ? this.statements.accountById.get(id) : undefined;
      if (!row) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${String(id)} does not exist.`, { field, accountId: id });
      row = workingCopy(row);
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
   * Moves the running totals, checks the no-overdraft rule on both accounts, then numbers, chains
   * and inserts the row. A refusal puts the totals back, so nothing is changed.
   */
  append(entry: JournalEntry, holdAmount = 0): TransferRow {
    const { debit, credit, state, amount } = entry;
    applyMove(debit, 'debit', state, amount, holdAmount);
    applyMove(credit, 'credit', state, amount, holdAmount);
    let row: TransferRow;
    try {
      assertExactTotals(debit);
      assertExactTotals(credit);
      assertNoOverdraft(debit, state, amount, holdAmount, 'debit');
      assertNoOverdraft(credit, state, amount, holdAmount, 'credit');
      row = this.chain(entry);
      this.statements.insertTransfer.run(
        row.id, row.idempotency_key, row.debit_account_id, row.credit_account_id, row.amount, row.currency,
        row.kind, row.state, row.pending_id, row.reverses_id, row.link_id, row.memo, row.actor, row.cause_ref, row.created_at,
        row.expires_at, row.prev_hash, row.hash,
      );
    } catch (error) {
      applyMove(debit, 'debit', state, -amount, -holdAmount);
      applyMove(credit, 'credit', state, -amount, -holdAmount);
      throw error;
    }
    this.dirty.add(debit);
    this.dirty.add(credit);
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
    const row: TransferRow = {
      id: this.tailId + 1,
      idempotency_key: entry.idempotencyKey,
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
      prev_hash: this.tailHash,
      hash: '',
    };
    row.hash = chainHash(row.prev_hash, canonicalTransfer(row));
    return row;
  }
}

/**
 * Running totals stay exact integers: past Number.MAX_SAFE_INTEGER a total would round, and the
 * books would no longer add up to the journal. Refused before anything is written.
 */
function assertExactTotals(account: AccountRow): void {
  const exact = Number.isSafeInteger(account.debits_posted) && Number.isSafeInteger(account.credits_posted)
    && Number.isSafeInteger(account.debits_pending) && Number.isSafeInteger(account.credits_pending);
  if (!exact) {
    throw new AppError('AMOUNT_INVALID', `Account ${account.code}'s totals would pass the largest exact amount.`, {
      field: 'amount',
      reason: 'total_too_large',
      accountId: account.id,
    });
  }
}

/**
 * A no_overdraft account's available balance may not fall below zero (TigerBeetle's
 * debits_must_not_exceed_credits). Called with the move already applied; a move that does not
 * lower the available balance is never refused.
 */
function assertNoOverdraft(account: AccountRow, state: TransferState, amount: number, holdAmount: number, side: 'debit' | 'credit'): void {
  if (account.no_overdraft !== 1) return;
  const after = availableBalance(account.kind, account);
  if (after >= 0) return;
  applyMove(account, side, state, -amount, -holdAmount);
  const before = availableBalance(account.kind, account);
  applyMove(account, side, state, amount, holdAmount);
  if (after >= before) return;
  throw new AppError('INSUFFICIENT_FUNDS', `Account ${account.code} has ${before} available; ${amount} is needed.`, {
    accountId: account.id,
    available: before,
    amount,
  });
}

/** better-sqlite3 builds a transaction wrapper per call of transaction(); one per connection does. */
const runnerFor = perConnection((sqlite) => sqlite.transaction((work: () => unknown) => work()));

/**
 * Runs one ledger change as a single synchronous IMMEDIATE transaction (a savepoint when the
 * caller already holds one), so no other write can interleave and a refusal leaves nothing.
 */
export function inLedgerTransaction<T>(store: Store, change: (writer: LedgerWriter) => T, writer = new LedgerWriter(store)): T {
  return runnerFor(store.sqlite).immediate(() => {
    writer.begin();
    const result = change(writer);
    writer.flush();
    return result;
  }) as T;
}
