import { AppError } from '../../src-shared/errors';
import type { TransferRow } from './rows';

// Idempotency is permanent: a key once used names one transfer forever. The same key with the
// same payload returns the original transfer; with a different payload it is refused, naming
// the first field that differs (TigerBeetle's exists_with_different_* results). Who sends the
// retry and when are not part of the payload: a retry is the same request, later. Every payload
// field is a column of the stored row, so a replay is compared field by field with the row
// itself; no digest is needed and the first difference is named exactly.

export type PayloadValue = string | number | null;

/** The fields of one kind of request, in a fixed order, and their values in the same order. */
export interface Payload {
  fields: readonly string[];
  values: readonly PayloadValue[];
}

const MOVEMENT_FIELDS = ['operation', 'debitAccountId', 'creditAccountId', 'amount', 'kind', 'memo', 'causeRef'] as const;
const HOLD_FIELDS = [...MOVEMENT_FIELDS, 'expiresAt'] as const;
const POST_FIELDS = ['operation', 'holdId', 'amount'] as const;
const VOID_FIELDS = ['operation', 'holdId'] as const;
const REVERSAL_FIELDS = ['operation', 'transferId', 'reason'] as const;

interface MovementPayload {
  debitAccountId: number;
  creditAccountId: number;
  amount: number;
  kind: string;
  memo: string | null;
  causeRef: string | null;
}

export function transferPayload(p: MovementPayload): Payload {
  return { fields: MOVEMENT_FIELDS, values: ['transfer', p.debitAccountId, p.creditAccountId, p.amount, p.kind, p.memo, p.causeRef] };
}

export function holdPayload(p: MovementPayload & { expiresAt: string | null }): Payload {
  return { fields: HOLD_FIELDS, values: ['hold', p.debitAccountId, p.creditAccountId, p.amount, p.kind, p.memo, p.causeRef, p.expiresAt] };
}

export function postPayload(holdId: number, amount: number): Payload {
  return { fields: POST_FIELDS, values: ['post', holdId, amount] };
}

export function voidPayload(holdId: number): Payload {
  return { fields: VOID_FIELDS, values: ['void', holdId] };
}

export function reversalPayload(transferId: number, reason: string): Payload {
  return { fields: REVERSAL_FIELDS, values: ['reversal', transferId, reason] };
}

/** The payload a stored row was written from, rebuilt from its columns. */
export function storedPayload(row: TransferRow): Payload {
  const movement = {
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    amount: row.amount,
    kind: row.kind,
    memo: row.memo,
    causeRef: row.cause_ref,
  };
  switch (row.state) {
    case 'posted':
      return transferPayload(movement);
    case 'pending':
      return holdPayload({ ...movement, expiresAt: row.expires_at });
    case 'post_pending':
      return postPayload(row.pending_id!, row.amount);
    case 'void_pending':
      return voidPayload(row.pending_id!);
    case 'reversal':
      return reversalPayload(row.reverses_id!, row.memo ?? '');
  }
}

/** Returns the original row for a faithful replay; refuses a reused key with IDEMPOTENCY_CONFLICT. */
export function replayOrConflict(existing: TransferRow, payload: Payload): TransferRow {
  const stored = storedPayload(existing);
  const index = payload.fields.findIndex((field, i) => stored.fields[i] !== field || stored.values[i] !== payload.values[i]);
  if (index === -1 && stored.fields.length === payload.fields.length) return existing;
  const field = payload.fields[Math.max(index, 0)]!;
  throw new AppError('IDEMPOTENCY_CONFLICT', `Key ${existing.idempotency_key} was used for transfer ${existing.id} with a different ${field}.`, {
    field,
    transferId: existing.id,
  });
}
