import type { AccountKind, OwnerType } from '../../src-shared/contract/ledger';

export interface AccountSpec {
  /** Chart-of-accounts code, unique across the ledger (`1000-CNY`, `2100-10000017-CNY`). */
  code: string;
  name: string;
  kind: AccountKind;
  currency: string;
  ownerType: OwnerType;
  ownerId: number | null;
  noOverdraft: boolean;
}

export interface TransferRequest {
  /** Permanent: the same key always names the same transfer. */
  idempotencyKey: string;
  debitAccountId: number;
  creditAccountId: number;
  /** Integer minor units, > 0. */
  amount: number;
  /** What the movement is: 'deposit', 'withdrawal', 'payment', 'fee', 'member_transfer', … */
  kind: string;
  memo?: string;
  actor: string;
  /** What caused it: a receipt, a batch item, a card authorization. */
  causeRef?: string;
  at?: Date;
}

export interface HoldRequest extends TransferRequest {
  expiresAt?: Date;
}

export interface PostHoldRequest {
  holdId: number;
  /** Defaults to the whole hold; less posts part and releases the rest. */
  amount?: number;
  idempotencyKey: string;
  actor: string;
  at?: Date;
}

export interface VoidHoldRequest {
  holdId: number;
  idempotencyKey: string;
  actor: string;
  at?: Date;
}

export interface ReversalRequest {
  transferId: number;
  reason: string;
  idempotencyKey: string;
  actor: string;
  at?: Date;
}

export interface AccountTransfersQuery {
  from?: string;
  to?: string;
  kinds?: string[];
  offset: number;
  limit: number;
}
