import { AppError } from '../../src-shared/errors';
import type { Authorization, CaptureRequest, VoidRequest } from '../../src-shared/contract/cards';
import { balanceOf, findTransferByKey, getTransfer, postHold, voidHold, type Transfer } from '../ledger';
import { getMemberRow } from '../members/member-repo';
import { earnOnPayment } from '../points/wallet-points';
import { execute } from '../store/sql';
import type { Store } from '../store/store';
import { getAuthorization, getAuthorizationView, type AuthorizationRow } from './authorization-rows';
import { authorizationCause, cardLedgerKey } from './card-ledger';
import { cardsSql } from './tables';

// Resolving a held authorization, once: a capture posts all of its hold or part of it (the rest
// is released) and earns points as a counter payment does; a void releases all of it. Each is
// idempotent by the caller's key, from which its ledger key is derived: the same key answers the
// authorization again, the same key for another authorization or amount is IDEMPOTENCY_CONFLICT.

/** The resolution this step's key already made, if any, checked to be for this authorization. */
function earlierResolution(store: Store, row: AuthorizationRow, ledgerKey: string, requestKey: string): Transfer | undefined {
  const done = findTransferByKey(store, ledgerKey);
  if (done && done.pendingId !== row.hold_id) {
    throw new AppError('IDEMPOTENCY_CONFLICT', `Key ${requestKey} was used for another authorization.`, { field: 'idempotencyKey' });
  }
  return done;
}

function assertHeld(row: AuthorizationRow): void {
  if (row.status !== 'held') {
    throw new AppError('AUTHORIZATION_RESOLVED', `Authorization ${row.id} is ${row.status}; it can no longer be captured or voided.`, { field: 'authorizationId', status: row.status });
  }
}

/** Posts the authorization's hold (all of it, or `amount` and releases the rest); the payment earns points. */
export function captureAuthorization(store: Store, actor: string, req: CaptureRequest, now: Date): Authorization {
  return store.sqlite
    .transaction(() => {
      const row = getAuthorizationView(store, req.authorizationId);
      const ledgerKey = cardLedgerKey('capture', req.idempotencyKey);
      const amount = req.amount ?? row.amount;
      const done = earlierResolution(store, row, ledgerKey, req.idempotencyKey);
      if (done) {
        if (done.amount !== amount) throw new AppError('IDEMPOTENCY_CONFLICT', `Key ${req.idempotencyKey} captured ${done.amount}, not ${amount}.`, { field: 'amount' });
        return getAuthorization(store, row.id);
      }
      assertHeld(row);
      if (row.hold_expires_at !== null && now.toISOString() >= row.hold_expires_at) {
        throw new AppError('AUTHORIZATION_EXPIRED', `Authorization ${row.id} expired at ${row.hold_expires_at}.`, { field: 'authorizationId', expiresAt: row.hold_expires_at });
      }
      if (amount > row.amount) {
        throw new AppError('CAPTURE_EXCEEDS_AUTHORIZATION', `Authorization ${row.id} holds ${row.amount}; ${amount} cannot be captured.`, { field: 'amount', authorized: row.amount });
      }
      const posted = postHold(store, { holdId: row.hold_id!, amount, idempotencyKey: ledgerKey, actor, at: now });
      execute(store.sqlite, cardsSql.updateTable('card_authorizations').set({ status: 'captured', captured_amount: amount, counted_amount: amount, resolved_by: posted.id }).where('id', '=', row.id));
      const member = getMemberRow(store, row.member_id!);
      const wallet = getTransfer(store, row.hold_id!).debitAccountId;
      earnOnPayment(store, { key: req.idempotencyKey, actor, at: now, receiptNumber: authorizationCause(row.id) }, member, posted, undefined, balanceOf(store, wallet).posted);
      return getAuthorization(store, row.id);
    })
    .immediate();
}

/** Releases the authorization's hold; the amount no longer counts against the limits. */
export function voidAuthorization(store: Store, actor: string, req: VoidRequest, now: Date): Authorization {
  return store.sqlite
    .transaction(() => {
      const row = getAuthorizationView(store, req.authorizationId);
      const ledgerKey = cardLedgerKey('void', req.idempotencyKey);
      if (earlierResolution(store, row, ledgerKey, req.idempotencyKey)) return getAuthorization(store, row.id);
      assertHeld(row);
      const voided = voidHold(store, { holdId: row.hold_id!, idempotencyKey: ledgerKey, actor, at: now });
      execute(store.sqlite, cardsSql.updateTable('card_authorizations').set({ status: 'voided', counted_amount: 0, resolved_by: voided.id }).where('id', '=', row.id));
      return getAuthorization(store, row.id);
    })
    .immediate();
}
