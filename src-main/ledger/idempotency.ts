import { createHash } from 'node:crypto';
import { AppError } from '../../src-shared/errors';
import type { TransferRow } from './rows';

// Idempotency is permanent: a key once used names one transfer forever. The same key with the
// same payload returns the original transfer; with a different payload it is refused, naming
// the first field that differs (TigerBeetle's exists_with_different_* results). Who sends the
// retry and when are not part of the payload: a retry is the same request, later.

export type PayloadValue = string | number | null;
export type Payload = readonly (readonly [field: string, value: PayloadValue])[];

export function payloadDigest(payload: Payload): string {
  return createHash('sha256').update(JSON.stringify(payload.map(([, value]) => value))).digest('hex');
}

interface MovementPayload {
  debitAccountId: number;
  creditAccountId: number;
  amount: number;
  kind: string;
  memo: string | null;
  causeRef: string | null;
}

export function transferPayload(p: MovementPayload): Payload {
  return [
    ['operation', 'transfer'],
    ['debitAccountId', p.debitAccountId],
    ['creditAccountId', p.creditAccountId],
    ['amount', p.amount],
    ['kind', p.kind],
    ['memo', p.memo],
    ['causeRef', p.causeRef],
  ];
}

export function holdPayload(p: MovementPayload & { expiresAt: string | null }): Payload {
  return [['operation', 'hold'], ...transferPayload(p).slice(1), ['expiresAt', p.expiresAt]];
}

export function postPayload(holdId: number, amount: number): Payload {
  return [['operation', 'post'], ['holdId', holdId], ['amount', amount]];
}

export function voidPayload(holdId: number): Payload {
  return [['operation', 'void'], ['holdId', holdId]];
}

export function reversalPayload(transferId: number, reason: string): Payload {
  return [['operation', 'reversal'], ['transferId', transferId], ['reason', reason]];
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
export function replayOrConflict(existing: TransferRow, payload: Payload, digest: string): TransferRow {
  if (existing.payload_digest === digest) return existing;
  const stored = storedPayload(existing);
  const index = payload.findIndex(([field, value], i) => stored[i]?.[0] !== field || stored[i]?.[1] !== value);
  const field = payload[Math.max(index, 0)]![0];
  throw new AppError('IDEMPOTENCY_CONFLICT', `Key ${existing.idempotency_key} was used for transfer ${existing.id} with a different ${field}.`, {
    field,
    transferId: existing.id,
  });
}
