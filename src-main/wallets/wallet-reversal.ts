import { AppError, isAppError } from '../../src-shared/errors';
import type { Receipt } from '../../src-shared/contract/wallets';
import { balanceOf, getTransfer, type Transfer } from '../ledger';
import { settleReversal } from '../points/wallet-points';
import { getMemberRow } from '../members/member-repo';
import { findWalletAccountId, walletMemberOf } from '../members/member-wallets';
import type { Store } from '../store/store';
import { receiptRowForTransfer, receiptTransferIds, reversalRowOf, type Teller } from './receipts';
import { requireApproval, type CounterClearance } from './counter-limits';
import { assertMayReceive, performOperation } from './teller-operations';
import { ledgerKey } from './wallet-legs';

// Undoing a wallet operation. Naming any transfer of a receipt reverses the whole operation (a
// payment and its fee together), each transfer by its opposite, never by an edit. A reversal is a
// correction by admin or finance, so it also reaches a frozen member's wallet; it is refused only
// when a member involved is closed. Above the approval threshold (the amount undone, its fee
// aside) a second person approves it as at the counter; no role's per-operation limit applies,
// since it only takes back what was within the limits when it was taken.

export interface WalletReversalRequest {
  transferId: number;
  reason: string;
  idempotencyKey: string;
}

function assertTransferExists(store: Store, transferId: number): void {
  try {
    getTransfer(store, transferId);
  } catch (error) {
    if (isAppError(error)) throw new AppError(error.code, error.message, { ...error.details, field: 'transferId' });
    throw error;
  }
}

export function reverseOperation(store: Store, teller: Teller, req: WalletReversalRequest, now: Date, clearance: CounterClearance): Receipt {
  const request = { operation: 'reversal', transferId: req.transferId, reason: req.reason };
  return performOperation(store, teller, req.idempotencyKey, request, now, (ctx) => {
    const original = receiptRowForTransfer(store, req.transferId);
    if (!original) {
      assertTransferExists(store, req.transferId);
      throw new AppError('REVERSAL_NOT_ALLOWED', `Transfer ${req.transferId} was not made by a wallet operation; reverse it from the ledger.`, { field: 'transferId' });
    }
    if (original.operation === 'reversal') {
      throw new AppError('REVERSAL_NOT_ALLOWED', `Receipt ${original.receipt_number} is itself a reversal; correct it with a new operation.`, { field: 'transferId' });
    }
    const earlier = reversalRowOf(store, original.id);
    if (earlier) {
      throw new AppError('ALREADY_REVERSED', `Receipt ${original.receipt_number} was already reversed by ${earlier.receipt_number}.`, {
        field: 'transferId',
        reversedBy: earlier.receipt_number,
      });
    }
    const member = getMemberRow(store, original.member_id);
    assertMayReceive(member, 'transferId');
    if (original.counterparty_member_id !== null) assertMayReceive(getMemberRow(store, original.counterparty_member_id), 'transferId');
    const cleared = requireApproval(store, clearance, original.currency, original.amount);
    const transferIds = receiptTransferIds(store, original.id);
    const settlePoints = (reversals: Transfer[]) =>
      settleReversal(store, ctx, { memberId: original.member_id, operation: original.operation, receiptNumber: original.receipt_number }, reversals.map((reversal, index) => ({
        original: getTransfer(store, transferIds[index]!),
        reversal,
        walletOf: (accountId: number) => walletOwner(store, accountId),
      })));
    const approvedBy = cleared.approver ? { approvedBy: cleared.approver.username } : {};
    return {
      draft: {
        operation: 'reversal',
        memberId: original.member_id,
        counterpartyMemberId: original.counterparty_member_id,
        merchant: original.merchant,
        currency: original.currency,
        amount: original.amount,
        fee: original.fee,
        memo: null,
        reason: req.reason,
        reversesReceiptId: original.id,
        approver: cleared.approver,
      },
      approvalRequired: cleared.approvalRequired,
      afterPosting: settlePoints,
      walletAccountId: findWalletAccountId(store, member.id, original.currency)!,
      postings: {
        reversals: transferIds.map((transferId, index) => ({
          transferId,
          reason: req.reason,
          idempotencyKey: ledgerKey(ctx.key, index === 0 ? undefined : String(index + 1)),
          actor: ctx.actor,
          at: ctx.at,
        })),
      },
      audit: {
        actor: ctx.actor,
        action: 'wallet.reverse',
        entityType: 'receipt',
        entityId: original.receipt_number,
        before: { receiptNumber: original.receipt_number, operation: original.operation, amount: original.amount, fee: original.fee, currency: original.currency },
        after: { reversalReceipt: ctx.receiptNumber, reason: req.reason, ...approvedBy },
      },
    };
  });
}

/** The member whose money wallet an account is, and its balance now; undefined for any other account. */
function walletOwner(store: Store, accountId: number): { memberId: number; balanceAfter: number } | undefined {
  const memberId = walletMemberOf(store, accountId);
  return memberId === undefined ? undefined : { memberId, balanceAfter: balanceOf(store, accountId).posted };
}
