import { AppError } from '../../src-shared/errors';
import { assertMinorUnits } from '../../src-shared/money';
import type { DepositRequest, MemberTransferRequest, PaymentRequest, Receipt } from '../../src-shared/contract/wallets';
import { balanceOf, postLinked, reverseTransfer, type ReversalRequest, type Transfer, type TransferRequest } from '../ledger';
import { recordAudit, type AuditEvent } from '../audit/record-audit';
import { getMemberRow, type MemberRow } from '../members/member-repo';
import { findWalletAccountId, walletAccountFor } from '../members/member-wallets';
import type { Store } from '../store/store';
import { earnOnPayment, spendCreditOnDebit, tierFeeRate } from '../points/wallet-points';
import { paymentFee, paymentFeeRate, paymentTotal } from './fees';
import { clearCounterOperation, type Cleared, type CounterClearance } from './counter-limits';
import { findReceiptRowByKey, getReceipt, insertReceipt, nextReceiptId, receiptNumberFor, replayReceipt, type ReceiptDraft, type Teller } from './receipts';
import { depositLegs, memberTransferLegs, operatorAccounts, paymentLegs, withdrawalLegs, type LegContext } from './wallet-legs';

// Deposits, withdrawals, payments and transfers at the counter. Each runs as one synchronous
// transaction: the replay check, the member checks, the counter's limits (counter-limits.ts), the
// ledger transfers and the receipt commit together or not at all.

/** What the ledger posts for an operation: new transfers as one linked group, or reversals of earlier ones. */
export type Postings = { linked: TransferRequest[] } | { reversals: ReversalRequest[] };

/**
 * What an operation decided once its checks passed, as a plain value: the receipt to print, the
 * wallet whose balance it shows, what to post, and what to audit. Nothing in it has run yet;
 * performOperation carries it out.
 */
export interface OperationPlan {
  draft: ReceiptDraft;
  /** The wallet whose balance the receipt prints. */
  walletAccountId: number;
  postings: Postings;
  /** Recorded with the receipt; the ids of the posted transfers are added to its `after`. */
  audit?: AuditEvent;
  /** A preview of an operation above the approval threshold that came without an approval. */
  approvalRequired: boolean;
  /** What the points scheme does once the money moved (points earned, redeemed credit spent), in the same transaction. */
  afterPosting?: (transfers: Transfer[]) => void;
}

function post(store: Store, postings: Postings): Transfer[] {
  if ('linked' in postings) return postLinked(store, postings.linked);
  return postings.reversals.map((reversal) => reverseTransfer(store, reversal));
}

/** A replayed answer: the receipt as first issued, and what its wallet has available now. */
function withAvailableNow(store: Store, receipt: Receipt): Receipt {
  const walletId = findWalletAccountId(store, receipt.member.id, receipt.currency);
  return { ...receipt, availableAfter: walletId === undefined ? null : balanceOf(store, walletId).available };
}

/** Where the operation is being decided: the ledger context of its legs and its receipt number. */
export interface PlanContext extends LegContext {
  receiptNumber: string;
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
  plan: (ctx: PlanContext) => OperationPlan,
): Receipt {
  return store.sqlite
    .transaction(() => {
      const existing = findReceiptRowByKey(store, idempotencyKey);
      if (existing) return withAvailableNow(store, replayReceipt(store, existing, request));
      const id = nextReceiptId(store);
      const receiptNumber = receiptNumberFor(id, now);
      const ctx: PlanContext = { key: idempotencyKey, actor: teller.username, at: now, causeRef: `receipt:${receiptNumber}`, receiptNumber };
      if (typeof request.memo === 'string') ctx.memo = request.memo;
      const operation = plan(ctx);
      const transfers = post(store, operation.postings);
      operation.afterPosting?.(transfers);
      const transferIds = transfers.map((t) => t.id);
      const wallet = balanceOf(store, operation.walletAccountId);
      const receipt = getReceipt(store, insertReceipt(store, { id, idempotencyKey, request, draft: operation.draft, balanceAfter: wallet.posted, teller, at: now, transferIds }));
      if (operation.audit) recordAudit(store, { ...operation.audit, after: { ...(operation.audit.after as object), transferIds } }, now);
      return { ...receipt, availableAfter: wallet.available, approvalRequired: operation.approvalRequired };
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

function baseDraft(operation: ReceiptDraft['operation'], member: MemberRow, currency: string, amount: number, memo: string | undefined, cleared: Cleared): ReceiptDraft {
  return {
    operation, memberId: member.id, counterpartyMemberId: null, merchant: null, currency, amount, fee: 0, memo: memo ?? null, reason: null, reversesReceiptId: null,
    approver: cleared.approver,
  };
}

/** An operation a second person approved is audited with their name; their passphrase never is. */
function approvalAudit(ctx: PlanContext, draft: ReceiptDraft): AuditEvent | undefined {
  if (!draft.approver) return undefined;
  return {
    actor: ctx.actor,
    action: 'wallet.approve',
    entityType: 'receipt',
    entityId: ctx.receiptNumber,
    after: { operation: draft.operation, amount: draft.amount, currency: draft.currency, approvedBy: draft.approver.username },
  };
}

/** The parts of a plan every counter operation shares once its draft is made. */
function counterPlan(ctx: PlanContext, draft: ReceiptDraft, cleared: Cleared, walletAccountId: number, linked: TransferRequest[], afterPosting?: (transfers: Transfer[]) => void): OperationPlan {
  const audit = approvalAudit(ctx, draft);
  return { draft, walletAccountId, postings: { linked }, approvalRequired: cleared.approvalRequired, ...(audit ? { audit } : {}), ...(afterPosting ? { afterPosting } : {}) };
}

/** A withdrawal or transfer out spends the wallet's redeemed credit first (points/credit.ts). */
function spendingCredit(store: Store, member: MemberRow, wallet: number): (transfers: Transfer[]) => void {
  return (transfers) => spendCreditOnDebit(store, member.id, transfers[0]!, balanceOf(store, wallet).posted);
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
  clearance: CounterClearance,
): Receipt {
  return performOperation(store, teller, req.idempotencyKey, operationRequest(operation, req), now, (ctx) => {
    const amount = assertMinorUnits(req.amount);
    const cleared = clearCounterOperation(store, clearance, req.currency, amount);
    const member = getMemberRow(store, req.memberId, 'memberId');
    assertMayUse(member, 'memberId');
    const wallet = walletAccountFor(store, member, req.currency, now);
    const draft = baseDraft(operation, member, req.currency, amount, req.memo, cleared);
    const afterPosting = operation === 'withdrawal' ? spendingCredit(store, member, wallet) : undefined;
    return counterPlan(ctx, draft, cleared, wallet, legs(ctx, operatorAccounts(store, req.currency), wallet, amount), afterPosting);
  });
}

export function deposit(store: Store, teller: Teller, req: DepositRequest, now: Date, clearance: CounterClearance): Receipt {
  return cashOperation(store, teller, req, now, 'deposit', assertMayReceive, depositLegs, clearance);
}

export function withdraw(store: Store, teller: Teller, req: DepositRequest, now: Date, clearance: CounterClearance): Receipt {
  return cashOperation(store, teller, req, now, 'withdrawal', assertMaySpend, withdrawalLegs, clearance);
}

/**
 * Pays a merchant; the fee (the member's tier's rate, else the currency's: fees.ts) is a second
 * transfer linked to the payment. The payment earns points (points/wallet-points.ts).
 */
export function pay(store: Store, teller: Teller, req: PaymentRequest, now: Date, clearance: CounterClearance): Receipt {
  const request = { ...operationRequest('payment', req), merchant: req.merchant };
  return performOperation(store, teller, req.idempotencyKey, request, now, (ctx) => {
    const amount = assertMinorUnits(req.amount);
    const cleared = clearCounterOperation(store, clearance, req.currency, amount);
    const member = getMemberRow(store, req.memberId, 'memberId');
    const fee = paymentFee(amount, tierFeeRate(store, member.id) ?? paymentFeeRate(store, req.currency));
    paymentTotal(amount, fee);
    assertMaySpend(member, 'memberId');
    const wallet = walletAccountFor(store, member, req.currency, now);
    const draft = { ...baseDraft('payment', member, req.currency, amount, req.memo, cleared), merchant: req.merchant, fee };
    const earn = (transfers: Transfer[]) => earnOnPayment(store, ctx, member, transfers[0]!, transfers[1], balanceOf(store, wallet).posted);
    return counterPlan(ctx, draft, cleared, wallet, paymentLegs(ctx, operatorAccounts(store, req.currency), wallet, amount, fee, req.merchant), earn);
  });
}

export function transferBetweenMembers(store: Store, teller: Teller, req: MemberTransferRequest, now: Date, clearance: CounterClearance): Receipt {
  const request = { operation: 'transfer', fromMemberId: req.fromMemberId, toMemberId: req.toMemberId, amount: req.amount, currency: req.currency, memo: req.memo ?? null };
  return performOperation(store, teller, req.idempotencyKey, request, now, (ctx) => {
    const amount = assertMinorUnits(req.amount);
    const cleared = clearCounterOperation(store, clearance, req.currency, amount);
    const payer = getMemberRow(store, req.fromMemberId, 'fromMemberId');
    const payee = getMemberRow(store, req.toMemberId, 'toMemberId');
    if (payer.id === payee.id) throw new AppError('SAME_ACCOUNT', 'A member cannot transfer to themselves.', { field: 'toMemberId' });
    assertMaySpend(payer, 'fromMemberId');
    assertMayReceive(payee, 'toMemberId');
    const from = walletAccountFor(store, payer, req.currency, now);
    const to = walletAccountFor(store, payee, req.currency, now);
    const draft = { ...baseDraft('transfer', payer, req.currency, amount, req.memo, cleared), counterpartyMemberId: payee.id };
    return counterPlan(ctx, draft, cleared, from, memberTransferLegs(ctx, from, to, amount), spendingCredit(store, payer, from));
  });
}
