import { AppError } from '../../src-shared/errors';
import { assertMinorUnits } from '../../src-shared/money';
import type { DepositRequest, MemberTransferRequest, PaymentRequest, Receipt } from '../../src-shared/contract/wallets';
import { balanceOf, postLinked, type Transfer, type TransferRequest } from '../ledger';
import { getMemberRow, type MemberRow } from '../members/member-repo';
import { walletAccountFor } from '../members/member-wallets';
import { readSection } from '../settings/settings-service';
import { walletSettings } from '../../src-shared/settings/wallet-settings';
import type { Store } from '../store/store';
import { paymentFee, paymentTotal } from './fees';
import { findReceiptRowByKey, getReceipt, insertReceipt, nextReceiptId, receiptNumberFor, replayReceipt, type ReceiptDraft, type Teller } from './receipts';
import { depositLegs, memberTransferLegs, operatorAccounts, paymentLegs, withdrawalLegs, type LegContext } from './wallet-legs';

// Deposits, withdrawals, payments and transfers at the counter. Each runs as one synchronous
// transaction: the replay check, the member checks, the ledger transfers and the receipt commit
// together or not at all.

/** What an operation decided once its checks passed. */
export interface OperationPlan {
  draft: ReceiptDraft;
  /** The wallet whose balance the receipt prints. */
  walletAccountId: number;
  /** Writes the ledger transfers; runs inside the operation's transaction. */
  post(): Transfer[];
  /** Runs inside the transaction once the receipt exists (an audit record, say). */
  recorded?(receipt: Receipt): void;
}

function posting(store: Store, legs: TransferRequest[]): () => Transfer[] {
  return () => postLinked(store, legs);
}

/**
 * Runs one wallet operation. A key seen before returns its first receipt (or IDEMPOTENCY_CONFLICT
 * when the request differs) before any other check, so a retried confirmation never moves money twice.
 */
export function performOperation(
  store: Store,
  teller: Teller,
  idempotencyKey: string,
  request: Record<string, unknown>,
  now: Date,
  plan: (ctx: LegContext) => OperationPlan,
): Receipt {
  return store.sqlite
    .transaction(() => {
      const existing = findReceiptRowByKey(store, idempotencyKey);
      if (existing) return replayReceipt(store, existing, request);
      const id = nextReceiptId(store);
      const ctx: LegContext = { key: idempotencyKey, actor: teller.username, at: now, causeRef: `receipt:${receiptNumberFor(id, now)}` };
      if (typeof request.memo === 'string') ctx.memo = request.memo;
      const operation = plan(ctx);
      const transfers = operation.post();
      const balanceAfter = balanceOf(store, operation.walletAccountId).posted;
      const transferIds = transfers.map((t) => t.id);
      const receipt = getReceipt(store, insertReceipt(store, { id, idempotencyKey, request, draft: operation.draft, balanceAfter, teller, at: now, transferIds }));
      operation.recorded?.(receipt);
      return receipt;
    })
    .immediate();
}

/** Money may come in unless the member is closed; a frozen member still receives. */
export function assertMayReceive(member: MemberRow, field: string): void {
  if (member.status === 'closed') throw new AppError('MEMBER_CLOSED', `Member ${member.member_number} is closed.`, { field });
}

/** Money may leave only an active member's wallet. */
export function assertMaySpend(member: MemberRow, field: string): void {
  assertMayReceive(member, field);
  if (member.status === 'frozen') {
    throw new AppError('MEMBER_FROZEN', `Member ${member.member_number} is frozen; nothing can be paid out of their wallet.`, { field });
  }
}

function baseDraft(operation: ReceiptDraft['operation'], member: MemberRow, currency: string, amount: number, memo: string | undefined): ReceiptDraft {
  return { operation, memberId: member.id, counterpartyMemberId: null, merchant: null, currency, amount, fee: 0, memo: memo ?? null, reason: null, reversesReceiptId: null };
}

function operationRequest(operation: string, req: DepositRequest): Record<string, unknown> {
  return { operation, memberId: req.memberId, amount: req.amount, currency: req.currency, memo: req.memo ?? null };
}

/** Cash in or out at the counter: one member's wallet against the branch's cash. */
function cashOperation(
  store: Store,
  teller: Teller,
  req: DepositRequest,
  now: Date,
  operation: 'deposit' | 'withdrawal',
  assertMayUse: (member: MemberRow, field: string) => void,
  legs: typeof depositLegs,
): Receipt {
  return performOperation(store, teller, req.idempotencyKey, operationRequest(operation, req), now, (ctx) => {
    const amount = assertMinorUnits(req.amount);
    const member = getMemberRow(store, req.memberId, 'memberId');
    assertMayUse(member, 'memberId');
    const wallet = walletAccountFor(store, member, req.currency, now);
    return { draft: baseDraft(operation, member, req.currency, amount, req.memo), post: posting(store, legs(ctx, operatorAccounts(store, req.currency), wallet, amount)), walletAccountId: wallet };
  });
}

export function deposit(store: Store, teller: Teller, req: DepositRequest, now = new Date()): Receipt {
  return cashOperation(store, teller, req, now, 'deposit', assertMayReceive, depositLegs);
}

export function withdraw(store: Store, teller: Teller, req: DepositRequest, now = new Date()): Receipt {
  return cashOperation(store, teller, req, now, 'withdrawal', assertMaySpend, withdrawalLegs);
}

/** Pays a merchant; the fee (settings.paymentFeeBps) is a second transfer linked to the payment. */
export function pay(store: Store, teller: Teller, req: PaymentRequest, now = new Date()): Receipt {
  const request = { ...operationRequest('payment', req), merchant: req.merchant };
  return performOperation(store, teller, req.idempotencyKey, request, now, (ctx) => {
    const amount = assertMinorUnits(req.amount);
    const fee = paymentFee(amount, readSection(store, walletSettings).paymentFeeBps);
    paymentTotal(amount, fee);
    const member = getMemberRow(store, req.memberId, 'memberId');
    assertMaySpend(member, 'memberId');
    const wallet = walletAccountFor(store, member, req.currency, now);
    return {
      draft: { ...baseDraft('payment', member, req.currency, amount, req.memo), merchant: req.merchant, fee },
      post: posting(store, paymentLegs(ctx, operatorAccounts(store, req.currency), wallet, amount, fee, req.merchant)),
      walletAccountId: wallet,
    };
  });
}

export function transferBetweenMembers(store: Store, teller: Teller, req: MemberTransferRequest, now = new Date()): Receipt {
  const request = { operation: 'transfer', fromMemberId: req.fromMemberId, toMemberId: req.toMemberId, amount: req.amount, currency: req.currency, memo: req.memo ?? null };
  return performOperation(store, teller, req.idempotencyKey, request, now, (ctx) => {
    const amount = assertMinorUnits(req.amount);
    const payer = getMemberRow(store, req.fromMemberId, 'fromMemberId');
    const payee = getMemberRow(store, req.toMemberId, 'toMemberId');
    if (payer.id === payee.id) throw new AppError('SAME_ACCOUNT', 'A member cannot transfer to themselves.', { field: 'toMemberId' });
    assertMaySpend(payer, 'fromMemberId');
    assertMayReceive(payee, 'toMemberId');
    const from = walletAccountFor(store, payer, req.currency, now);
    const to = walletAccountFor(store, payee, req.currency, now);
    return {
      draft: { ...baseDraft('transfer', payer, req.currency, amount, req.memo), counterpartyMemberId: payee.id },
      post: posting(store, memberTransferLegs(ctx, from, to, amount)),
      walletAccountId: from,
    };
  });
}
