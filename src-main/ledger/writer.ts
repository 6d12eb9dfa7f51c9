import { AppError } from '../../src-shared/errors';
import type { Account, TransferState } from '../../src-shared/contract/ledger';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { applyMove, availableBalance } from './effects';
import { GENESIS_HASH, canonicalTransfer, chainHash, transferValues } from './journal';
import { toAccount, type TransferRow } from './rows';
import { ledgerStatements, type LedgerStatements } from './statements';

/** A journal row before the writer numbers and chains it. */
export interface JournalEntry {
  idempotencyKey: string;
  debit: Account;
  credit: Account;
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
 * The working set of one ledger transaction: the accounts it touched (totals kept in memory and
 * written once at the end) and the tail of the hash chain. It lives only inside
 * `inLedgerTransaction`, so nothing it caches can go stale.
 */
export class LedgerWriter {
  readonly statements: LedgerStatements;
  private readonly accounts = new Map<number, Account>();
  private readonly dirty = new Set<Account>();
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
  account(id: number, field: string): Account {
    let account = this.accounts.get(id);
    if (!account) {
      const row = Number.isSafeInteger(id) ? this.statements.accountById.get(id) : undefined;
      if (!row) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${String(id)} does not exist.`, { field, accountId: id });
      account = toAccount(row);
      this.accounts.set(id, account);
    }
    return account;
  }

  openAccount(id: number, field: string): Account {
    const account = this.account(id, field);
    if (account.closed) throw new AppError('ACCOUNT_CLOSED', `Account ${account.code} is closed.`, { field, accountId: id });
    return account;
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
      this.statements.insertTransfer.run(...transferValues(row));
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
    for (const account of this.dirty) {
      this.statements.updateTotals.run(account.debitsPosted, account.creditsPosted, account.debitsPending, account.creditsPending, account.id);
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
function assertExactTotals(account: Account): void {
  const exact = Number.isSafeInteger(account.debitsPosted) && Number.isSafeInteger(account.creditsPosted)
    && Number.isSafeInteger(account.debitsPending) && Number.isSafeInteger(account.creditsPending);
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
function assertNoOverdraft(account: Account, state: TransferState, amount: number, holdAmount: number, side: 'debit' | 'credit'): void {
  if (!account.noOverdraft) return;
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
