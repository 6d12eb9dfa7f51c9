import { AppError } from '../../src-shared/errors';
import type { Receipt, WalletOperation } from '../../src-shared/contract/wallets';
import type { Store } from '../store/store';
import { execute, selectAll, selectFirst } from '../store/sql';
import { getMemberRow, memberRef } from '../members/member-repo';
import { walletSql, type WalletReceiptsTable } from './tables';

// Receipts: what the member is handed for each wallet operation. Each is written in the same
// transaction as its transfers, keyed by the caller's idempotency key, and never changed after.

export type ReceiptRow = WalletReceiptsTable;

export interface Teller {
  username: string;
  displayName: string;
}

/** The second person who approved an operation above the threshold, proven by their passphrase (counter-approval.ts). */
export type Approver = Teller;

/** The parts of a receipt the operation decides; numbering, time and balance come at write time. */
export interface ReceiptDraft {
  operation: WalletOperation;
  memberId: number;
  counterpartyMemberId: number | null;
  merchant: string | null;
  currency: string;
  amount: number;
  fee: number;
  memo: string | null;
  reason: string | null;
  reversesReceiptId: number | null;
  approver: Approver | null;
}

/** `R20260115-0000042`: the day it was issued, then a sequence that never repeats. */
export function receiptNumberFor(id: number, at: Date): string {
  return `R${at.toISOString().slice(0, 10).replaceAll('-', '')}-${String(id).padStart(7, '0')}`;
}

export function nextReceiptId(store: Store): number {
  const query = walletSql.selectFrom('wallet_receipts').select((eb) => eb(eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)), '+', eb.lit(1)).as('next'));
  return selectFirst(store.sqlite, query)!.next;
}

export interface ReceiptWrite {
  id: number;
  idempotencyKey: string;
  request: Record<string, unknown>;
  draft: ReceiptDraft;
  balanceAfter: number;
  teller: Teller;
  at: Date;
  transferIds: number[];
}

export function insertReceipt(store: Store, write: ReceiptWrite): string {
  const { draft } = write;
  const receiptNumber = receiptNumberFor(write.id, write.at);
  const receipt: WalletReceiptsTable = {
    id: write.id,
    receipt_number: receiptNumber,
    idempotency_key: write.idempotencyKey,
    request_json: JSON.stringify(write.request),
    operation: draft.operation,
    member_id: draft.memberId,
    counterparty_member_id: draft.counterpartyMemberId,
    merchant: draft.merchant,
    currency: draft.currency,
    amount: draft.amount,
    fee: draft.fee,
    balance_after: write.balanceAfter,
    teller: write.teller.username,
    teller_name: write.teller.displayName,
    approver: draft.approver?.username ?? null,
    approver_name: draft.approver?.displayName ?? null,
    memo: draft.memo,
    reason: draft.reason,
    reverses_receipt_id: draft.reversesReceiptId,
    created_at: write.at.toISOString(),
  };
  execute(store.sqlite, walletSql.insertInto('wallet_receipts').values(receipt));
  // Every operation posts at least one transfer; its links go in as one statement.
  execute(store.sqlite, walletSql.insertInto('wallet_receipt_transfers').values(write.transferIds.map((transferId) => ({ transfer_id: transferId, receipt_id: write.id }))));
  return receiptNumber;
}

export function findReceiptRowByKey(store: Store, idempotencyKey: string): ReceiptRow | undefined {
  return selectFirst(store.sqlite, walletSql.selectFrom('wallet_receipts').selectAll().where('idempotency_key', '=', idempotencyKey));
}

function findReceiptRow(store: Store, id: number): ReceiptRow | undefined {
  return selectFirst(store.sqlite, walletSql.selectFrom('wallet_receipts').selectAll().where('id', '=', id));
}

/** The receipt a transfer was posted under, if a wallet operation posted it. */
export function receiptRowForTransfer(store: Store, transferId: number): ReceiptRow | undefined {
  const query = walletSql
    .selectFrom('wallet_receipt_transfers as t')
    .innerJoin('wallet_receipts as r', 'r.id', 't.receipt_id')
    .selectAll('r')
    .where('t.transfer_id', '=', transferId);
  return selectFirst(store.sqlite, query);
}

export function reversalRowOf(store: Store, receiptId: number): ReceiptRow | undefined {
  return selectFirst(store.sqlite, walletSql.selectFrom('wallet_receipts').selectAll().where('reverses_receipt_id', '=', receiptId));
}

export function receiptTransferIds(store: Store, receiptId: number): number[] {
  const query = walletSql.selectFrom('wallet_receipt_transfers').select('transfer_id').where('receipt_id', '=', receiptId).orderBy('transfer_id');
  return selectAll(store.sqlite, query).map((r) => r.transfer_id);
}

const MONEY_IN: Record<Exclude<WalletOperation, 'reversal'>, boolean> = { deposit: true, withdrawal: false, payment: false, transfer: false };

export function toReceipt(store: Store, row: ReceiptRow): Receipt {
  const reversed = row.reverses_receipt_id === null ? undefined : findReceiptRow(store, row.reverses_receipt_id);
  const originalOperation = (reversed?.operation ?? row.operation) as Exclude<WalletOperation, 'reversal'>;
  const moneyIn = reversed ? !MONEY_IN[originalOperation] : MONEY_IN[originalOperation];
  return {
    receiptNumber: row.receipt_number,
    at: row.created_at,
    operation: row.operation,
    direction: moneyIn ? 'in' : 'out',
    teller: { username: row.teller, displayName: row.teller_name },
    approvedBy: row.approver === null ? null : { username: row.approver, displayName: row.approver_name ?? row.approver },
    member: memberRef(getMemberRow(store, row.member_id)),
    counterparty: row.counterparty_member_id === null ? null : memberRef(getMemberRow(store, row.counterparty_member_id)),
    merchant: row.merchant,
    currency: row.currency,
    amount: row.amount,
    fee: row.fee,
    total: row.amount + row.fee,
    balanceAfter: row.balance_after,
    availableAfter: null,
    approvalRequired: false,
    transferIds: receiptTransferIds(store, row.id),
    memo: row.memo,
    reason: row.reason,
    reverses: reversed ? { receiptNumber: reversed.receipt_number, operation: reversed.operation } : null,
    reversedBy: reversalRowOf(store, row.id)?.receipt_number ?? null,
  };
}

export function getReceipt(store: Store, receiptNumber: string): Receipt {
  const row = selectFirst(store.sqlite, walletSql.selectFrom('wallet_receipts').selectAll().where('receipt_number', '=', receiptNumber));
  if (!row) throw new AppError('RECEIPT_NOT_FOUND', `No receipt is numbered ${receiptNumber}.`, { field: 'receiptNumber' });
  return toReceipt(store, row);
}

/**
 * Idempotency, as the ledger does it: the same key with the same request returns the first
 * receipt; the same key with a different request is refused, naming the first field that differs.
 */
export function replayReceipt(store: Store, row: ReceiptRow, request: Record<string, unknown>): Receipt {
  const first = JSON.parse(row.request_json) as Record<string, unknown>;
  const fields = new Set([...Object.keys(first), ...Object.keys(request)]);
  for (const field of fields) {
    if (JSON.stringify(first[field]) !== JSON.stringify(request[field])) {
      throw new AppError('IDEMPOTENCY_CONFLICT', `This request key was first used for a different ${field}.`, { field, receiptNumber: row.receipt_number });
    }
  }
  return toReceipt(store, row);
}
