import { AppError } from '../../src-shared/errors';
import type { Account, Transfer } from '../../src-shared/contract/ledger';
import type { ChainLink, TransferRelation } from '../../src-shared/contract/journal';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { GENESIS_HASH, canonicalTransfer, chainHash } from './journal';
import { toAccount, toTransfer, type AccountRow, type TransferRow } from './rows';
import { ledgerStatements } from './statements';

// One transfer opened in the journal browser: both legs' accounts, every transfer it is linked
// to, and its link in the hash chain checked again with the hash the writer used.

/**
 * A linked group's rows are written one after another in one transaction, so they hold the ids
 * from the group's id up; reading that stretch of ids finds them without an index on link_id.
 * Groups are a payment and its fee, a redemption's two legs: this bound is far above any of them.
 */
const LINKED_GROUP_MAX = 100;

export interface LedgerTransferView {
  transfer: Transfer;
  debitAccount: Account;
  creditAccount: Account;
  related: { relation: TransferRelation; transfer: Transfer }[];
  chain: ChainLink;
}

/** Recomputes the row's hash and compares its previous hash with the row before it. */
export function chainLinkOf(store: Store, row: TransferRow): ChainLink {
  const previous = row.id === 1 ? GENESIS_HASH : ledgerStatements(store.sqlite).transferById.get(row.id - 1)?.hash;
  return {
    sequence: row.id,
    prevHash: row.prev_hash,
    hash: row.hash,
    hashMatches: chainHash(row.prev_hash, canonicalTransfer(row)) === row.hash,
    previousMatches: previous === row.prev_hash,
  };
}

function linkedGroup(store: Store, row: TransferRow): TransferRow[] {
  if (row.link_id === null) return [];
  const sql = 'SELECT * FROM transfers WHERE id BETWEEN ? AND ? AND link_id = ? AND id <> ? ORDER BY id';
  return prepare(store.sqlite, sql).all(row.link_id, row.link_id + LINKED_GROUP_MAX - 1, row.link_id, row.id) as TransferRow[];
}

function relatedTo(store: Store, row: TransferRow): LedgerTransferView['related'] {
  const statements = ledgerStatements(store.sqlite);
  const byId = (id: number | null) => (id === null ? undefined : statements.transferById.get(id));
  const found: [TransferRelation, TransferRow | undefined][] = [
    ['hold', byId(row.pending_id)],
    ['resolution', row.state === 'pending' ? statements.resolutionOf.get(row.id) : undefined],
    ['reverses', byId(row.reverses_id)],
    ['reversal', statements.reversalOf.get(row.id)],
    ...linkedGroup(store, row).map((linked): [TransferRelation, TransferRow] => ['linked', linked]),
  ];
  return found.flatMap(([relation, related]) => (related ? [{ relation, transfer: toTransfer(related) }] : []));
}

export function ledgerTransferView(store: Store, id: number): LedgerTransferView {
  const statements = ledgerStatements(store.sqlite);
  const row = statements.transferById.get(id);
  if (!row) throw new AppError('TRANSFER_NOT_FOUND', `Transfer ${id} does not exist.`, { field: 'id' });
  const account = (accountId: number) => toAccount(statements.accountById.get(accountId)!);
  return {
    transfer: toTransfer(row),
    debitAccount: account(row.debit_account_id),
    creditAccount: account(row.credit_account_id),
    related: relatedTo(store, row),
    chain: chainLinkOf(store, row),
  };
}

/** The accounts a page of transfers names, each once. */
export function accountsOfTransfers(store: Store, transfers: readonly Transfer[]): Account[] {
  const ids = [...new Set(transfers.flatMap((transfer) => [transfer.debitAccountId, transfer.creditAccountId]))];
  if (ids.length === 0) return [];
  const rows = store.sqlite.prepare(`SELECT * FROM accounts WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as AccountRow[];
  return rows.map(toAccount);
}
