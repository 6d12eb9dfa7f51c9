import { sql } from 'kysely';
import { AppError } from '../../src-shared/errors';
import { assertMinorUnits } from '../../src-shared/money';
import type { Transfer } from '../../src-shared/contract/ledger';
import { selectAll } from '../store/sql';
import type { Store } from '../store/store';
import { postPayload, replayOrConflict, voidPayload } from './idempotency';
import { toTransfer, type TransferRow } from './rows';
import { assertActor, assertIdempotencyKey, isoTime } from './rules';
import { ledgerSql } from './tables';
import type { PostHoldRequest, VoidHoldRequest } from './types';
import { inLedgerTransaction, type LedgerWriter } from './writer';

// Two-phase transfers: a hold (pending transfer) is resolved at most once, by a post of all or
// part of it or by a void. Both are journal rows of their own pointing at the hold.

function findHold(writer: LedgerWriter, holdId: number): TransferRow {
  const hold = writer.transfer(holdId);
  if (!hold || hold.state !== 'pending') throw new AppError('HOLD_NOT_FOUND', `Transfer ${holdId} is not a hold.`, { field: 'holdId' });
  return hold;
}

function assertUnresolved(writer: LedgerWriter, hold: TransferRow): void {
  const resolution = writer.statements.resolutionOf.get(hold.id);
  if (resolution) {
    throw new AppError('HOLD_ALREADY_RESOLVED', `Hold ${hold.id} was already ${resolution.state === 'post_pending' ? 'posted' : 'voided'} by transfer ${resolution.id}.`, {
      field: 'holdId',
      resolvedBy: resolution.id,
    });
  }
}

interface Resolution {
  hold: TransferRow;
  amount: number;
  idempotencyKey: string;
  actor: string;
  createdAt: string;
}

function writeResolution(writer: LedgerWriter, r: Resolution, state: 'post_pending' | 'void_pending'): TransferRow {
  return writer.append(
    {
      idempotencyKey: r.idempotencyKey,
      debit: writer.openAccount(r.hold.debit_account_id, 'holdId'),
      credit: writer.openAccount(r.hold.credit_account_id, 'holdId'),
      amount: r.amount,
      kind: r.hold.kind,
      state,
      pendingId: r.hold.id,
      reversesId: null,
      memo: null,
      actor: r.actor,
      causeRef: r.hold.cause_ref,
      createdAt: r.createdAt,
      expiresAt: null,
    },
    r.hold.amount,
  );
}

function writePost(writer: LedgerWriter, req: PostHoldRequest): TransferRow {
  const idempotencyKey = assertIdempotencyKey(req.idempotencyKey);
  const actor = assertActor(req.actor);
  const createdAt = isoTime(req.at);
  const hold = findHold(writer, req.holdId);
  const amount = req.amount === undefined ? hold.amount : assertMinorUnits(req.amount);
  const existing = writer.byKey(idempotencyKey);
  if (existing) return replayOrConflict(existing, postPayload(hold.id, amount));

  assertUnresolved(writer, hold);
  if (hold.expires_at !== null && createdAt >= hold.expires_at) {
    throw new AppError('HOLD_EXPIRED', `Hold ${hold.id} expired at ${hold.expires_at}.`, { field: 'holdId', expiresAt: hold.expires_at });
  }
  if (amount > hold.amount) {
    throw new AppError('POST_EXCEEDS_HOLD', `Hold ${hold.id} reserves ${hold.amount}; ${amount} cannot be posted from it.`, {
      field: 'amount',
      holdAmount: hold.amount,
    });
  }
  return writeResolution(writer, { hold, amount, idempotencyKey, actor, createdAt }, 'post_pending');
}

function writeVoid(writer: LedgerWriter, req: VoidHoldRequest): TransferRow {
  const idempotencyKey = assertIdempotencyKey(req.idempotencyKey);
  const actor = assertActor(req.actor);
  const createdAt = isoTime(req.at);
  const hold = findHold(writer, req.holdId);
  const existing = writer.byKey(idempotencyKey);
  if (existing) return replayOrConflict(existing, voidPayload(hold.id));

  assertUnresolved(writer, hold);
  return writeResolution(writer, { hold, amount: hold.amount, idempotencyKey, actor, createdAt }, 'void_pending');
}

/** Posts all of a hold, or part of it and releases the rest; refused once expired. */
export function postHold(store: Store, req: PostHoldRequest): Transfer {
  return toTransfer(inLedgerTransaction(store, (writer) => writePost(writer, req)));
}

/** Releases a hold without moving money. An expired hold can still be voided. */
export function voidHold(store: Store, req: VoidHoldRequest): Transfer {
  return toTransfer(inLedgerTransaction(store, (writer) => writeVoid(writer, req)));
}

/** The unresolved holds whose time has passed, oldest first. */
function dueHoldIds(store: Store, at: string): number[] {
  const query = ledgerSql
    .selectFrom('transfers as h')
    .select('h.id')
    // A literal, not a bound value: only then may SQLite use the partial index transfers_hold_expiry.
    .where('h.state', '=', sql.lit('pending'))
    .where('h.expires_at', 'is not', null)
    .where('h.expires_at', '<=', at)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('transfers as r').select('r.id').whereRef('r.pending_id', '=', 'h.id'))))
    .orderBy('h.id');
  return selectAll(store.sqlite, query).map((row) => row.id);
}

/** The job behind hold expiry: voids every unresolved hold whose time has passed. Returns how many. */
export function expireHolds(store: Store, now: Date): number {
  const at = isoTime(now, 'now');
  return inLedgerTransaction(store, (writer) => {
    const due = dueHoldIds(store, at);
    for (const id of due) writeVoid(writer, { holdId: id, idempotencyKey: `hold-expiry:${id}`, actor: 'system', at: now });
    return due.length;
  });
}
