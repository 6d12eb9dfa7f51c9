import { systemMemo } from '../../src-shared/system-memo';
import { systemAccount, type TransferRequest } from '../ledger';
import type { Store } from '../store/store';

// The ledger transfers behind each teller operation, in one place so that the counter and the
// bulk demo loader post exactly the same movements:
// - deposit:    debit branch cash (asset up),           credit the wallet (owed to the member up)
// - withdrawal: debit the wallet,                        credit branch cash
// - payment:    debit the wallet, credit merchant settlement; and, linked, the fee:
//               debit the wallet, credit fee income
//               (their memos, unless staff typed one, are stored as parts: src-shared/system-memo.ts)
// - transfer:   debit the payer's wallet,                credit the payee's wallet

export interface OperatorAccounts {
  cash: number;
  merchantSettlement: number;
  feeIncome: number;
}

export function operatorAccounts(store: Store, currency: string): OperatorAccounts {
  return {
    cash: systemAccount(store, 'branch_cash', currency).id,
    merchantSettlement: systemAccount(store, 'merchant_settlement', currency).id,
    feeIncome: systemAccount(store, 'fee_income', currency).id,
  };
}

/** Who, when and why, shared by every leg of one operation. */
export interface LegContext {
  /** The caller's idempotency key; each leg's ledger key is derived from it. */
  key: string;
  actor: string;
  at: Date;
  causeRef?: string;
  memo?: string;
}

/** Ledger keys live in one space with points, cards and payouts: wallet keys get their own prefix. */
export function ledgerKey(key: string, leg?: string): string {
  return leg === undefined ? `wallet:${key}` : `wallet:${key}:${leg}`;
}

function leg(ctx: LegContext, suffix: string | undefined, kind: string, debitAccountId: number, creditAccountId: number, amount: number, memo?: string): TransferRequest {
  const text = memo ?? ctx.memo;
  return {
    idempotencyKey: ledgerKey(ctx.key, suffix),
    debitAccountId,
    creditAccountId,
    amount,
    kind,
    actor: ctx.actor,
    at: ctx.at,
    ...(text === undefined ? {} : { memo: text }),
    ...(ctx.causeRef === undefined ? {} : { causeRef: ctx.causeRef }),
  };
}

export function depositLegs(ctx: LegContext, accounts: OperatorAccounts, wallet: number, amount: number): TransferRequest[] {
  return [leg(ctx, undefined, 'deposit', accounts.cash, wallet, amount)];
}

export function withdrawalLegs(ctx: LegContext, accounts: OperatorAccounts, wallet: number, amount: number): TransferRequest[] {
  return [leg(ctx, undefined, 'withdrawal', wallet, accounts.cash, amount)];
}

export function paymentLegs(ctx: LegContext, accounts: OperatorAccounts, wallet: number, amount: number, fee: number, merchant: string): TransferRequest[] {
  const payment = leg(ctx, undefined, 'payment', wallet, accounts.merchantSettlement, amount, ctx.memo ?? systemMemo({ memo: 'payment', merchant }));
  if (fee === 0) return [payment];
  return [payment, leg(ctx, 'fee', 'fee', wallet, accounts.feeIncome, fee, systemMemo({ memo: 'payment_fee', merchant }))];
}

export function memberTransferLegs(ctx: LegContext, fromWallet: number, toWallet: number, amount: number): TransferRequest[] {
  return [leg(ctx, undefined, 'member_transfer', fromWallet, toWallet, amount)];
}
