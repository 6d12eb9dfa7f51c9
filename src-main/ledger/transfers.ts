import { AppError, isAppError } from '../../src-shared/errors';
import { assertMinorUnits } from '../../src-shared/money';
import type { Transfer } from '../../src-shared/contract/ledger';
import type { Store } from '../store/store';
import { holdPayload, replayOrConflict, reversalPayload, transferPayload } from './idempotency';
import { toTransfer, type TransferRow } from './rows';
import {
  assertActor, assertDistinctAccounts, assertIdempotencyKey, assertKind, assertSameCurrency, isoTime, optionalText, requiredText,
} from './rules';
import type { HoldRequest, ReversalRequest, TransferRequest } from './types';
import { LedgerWriter, inLedgerTransaction } from './writer';

// Posting money: single transfers, linked groups, bulk loads and reversals. The checks run in
// the order TigerBeetle documents: the request's own shape, then the idempotency key, then the
// accounts, then the balances.

/** Writes one posted transfer, or with `expiresAt` given, one pending transfer (a hold). */
export function writeMovement(writer: LedgerWriter, req: TransferRequest, hold?: { expiresAt: string | null }): TransferRow {
  const idempotencyKey = assertIdempotencyKey(req.idempotencyKey);
  const actor = assertActor(req.actor);
  const kind = assertKind(req.kind);
  const amount = assertMinorUnits(req.amount);
  assertDistinctAccounts(req.debitAccountId, req.creditAccountId);
  const movement = {
    debitAccountId: req.debitAccountId,
    creditAccountId: req.creditAccountId,
    amount,
    kind,
    memo: optionalText(req.memo, 'memo'),
    causeRef: optionalText(req.causeRef, 'causeRef'),
  };
  const createdAt = isoTime(req.at);
  // The unique index on the key is the idempotency check: the key is looked up only when the
  // write is refused, and a key already used turns any refusal into its replay or conflict.
  try {
    const debit = writer.openAccount(req.debitAccountId, 'debitAccountId');
    const credit = writer.openAccount(req.creditAccountId, 'creditAccountId');
    assertSameCurrency(debit, credit);
    return writer.append({
      idempotencyKey,
      debit,
      credit,
      amount,
      kind,
      state: hold ? 'pending' : 'posted',
      pendingId: null,
      reversesId: null,
      memo: movement.memo,
      actor,
      causeRef: movement.causeRef,
      createdAt,
      expiresAt: hold?.expiresAt ?? null,
    });
  } catch (error) {
    const existing = writer.byKey(idempotencyKey);
    if (existing) return replayOrConflict(existing, hold ? holdPayload({ ...movement, expiresAt: hold.expiresAt }) : transferPayload(movement));
    throw error;
  }
}

/** Posts one transfer at once. A replay of its key returns the original. */
export function postTransfer(store: Store, req: TransferRequest): Transfer {
  return toTransfer(inLedgerTransaction(store, (writer) => writeMovement(writer, req)));
}

/** The failing request's position, so a caller knows which leg of a linked group was refused. */
function atIndex<T>(index: number, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (isAppError(error)) throw new AppError(error.code, error.message, { ...error.details, index });
    throw error;
  }
}

/** Commits every transfer or none (a payment and its fee; the two legs of a redemption). */
export function postLinked(store: Store, reqs: TransferRequest[]): Transfer[] {
  if (reqs.length === 0) return [];
  return inLedgerTransaction(store, (writer) => {
    writer.beginLink();
    const rows = reqs.map((req, index) => atIndex(index, () => writeMovement(writer, req)));
    writer.endLink();
    return rows.map(toTransfer);
  });
}

/** Places a pending transfer that reserves funds until it is posted, voided or expires. */
export function placeHold(store: Store, req: HoldRequest): Transfer {
  const expiresAt = req.expiresAt === undefined ? null : isoTime(req.expiresAt, 'expiresAt');
  if (expiresAt !== null && expiresAt <= isoTime(req.at)) {
    throw new AppError('INVALID_INPUT', 'expiresAt: a hold must expire after it is placed.', { field: 'expiresAt' });
  }
  return toTransfer(inLedgerTransaction(store, (writer) => writeMovement(writer, req, { expiresAt })));
}

export interface BulkOptions {
  /** Transfers per commit: larger chunks amortize the durable commit, smaller ones hold the lock less. */
  chunkSize: number;
}

/**
 * Posts many transfers in chunked commits (demo data, benchmarks, imports). Each chunk is all or
 * nothing; a refusal stops the load, naming the failing request's index, with earlier chunks
 * committed. Returns how many new transfers were written (replayed keys are not counted).
 */
export function postBulk(store: Store, reqs: readonly TransferRequest[], options: BulkOptions): number {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize));
  const writer = new LedgerWriter(store, true);
  let written = 0;
  for (let start = 0; start < reqs.length; start += chunkSize) {
    const end = Math.min(start + chunkSize, reqs.length);
    written += inLedgerTransaction(
      store,
      () => {
        for (let index = start; index < end; index += 1) atIndex(index, () => writeMovement(writer, reqs[index]!));
        return writer.appended;
      },
      writer,
    );
  }
  return written;
}

/**
 * Undoes a posted transfer (or a posted hold) with the opposite movement, once. Holds are voided,
 * not reversed, and a reversal is corrected by a new transfer, never by reversing it again.
 */
export function reverseTransfer(store: Store, req: ReversalRequest): Transfer {
  return toTransfer(inLedgerTransaction(store, (writer) => writeReversal(writer, req)));
}

/** Writes the reversal of one transfer inside the caller's ledger transaction. */
export function writeReversal(writer: LedgerWriter, req: ReversalRequest): TransferRow {
  const idempotencyKey = assertIdempotencyKey(req.idempotencyKey);
  const actor = assertActor(req.actor);
  const reason = requiredText(req.reason, 'reason');
  const createdAt = isoTime(req.at);
  const existing = writer.byKey(idempotencyKey);
  if (existing) return replayOrConflict(existing, reversalPayload(req.transferId, reason));

  const original = writer.transfer(req.transferId);
  if (!original) throw new AppError('TRANSFER_NOT_FOUND', `Transfer ${req.transferId} does not exist.`, { field: 'transferId' });
  if (original.state !== 'posted' && original.state !== 'post_pending') {
    throw new AppError('REVERSAL_NOT_ALLOWED', `Transfer ${original.id} is ${original.state.replace('_', ' ')}; only posted transfers are reversed.`, {
      field: 'transferId',
      state: original.state,
    });
  }
  const reversal = writer.statements.reversalOf.get(original.id);
  if (reversal) {
    throw new AppError('ALREADY_REVERSED', `Transfer ${original.id} was already reversed by transfer ${reversal.id}.`, {
      field: 'transferId',
      reversedBy: reversal.id,
    });
  }
  return writer.append({
    idempotencyKey,
    debit: writer.openAccount(original.credit_account_id, 'transferId'),
    credit: writer.openAccount(original.debit_account_id, 'transferId'),
    amount: original.amount,
    kind: 'reversal',
    state: 'reversal',
    pendingId: null,
    reversesId: original.id,
    memo: reason,
    actor,
    causeRef: original.cause_ref,
    createdAt,
    expiresAt: null,
  });
}
