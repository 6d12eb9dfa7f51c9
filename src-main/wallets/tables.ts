import { queryBuilder } from '../store/sql';

// The wallets domain's tables (migration 0003): the receipt of each teller operation and the
// transfers it posted. Migration 0009 added who approved an operation above the threshold.

export interface WalletReceiptsTable {
  id: number;
  receipt_number: string;
  idempotency_key: string;
  request_json: string;
  operation: 'deposit' | 'withdrawal' | 'payment' | 'transfer' | 'reversal';
  member_id: number;
  counterparty_member_id: number | null;
  merchant: string | null;
  currency: string;
  amount: number;
  fee: number;
  balance_after: number;
  teller: string;
  teller_name: string;
  /** The second person who approved (counter-approval.ts); null when nobody had to. */
  approver: string | null;
  approver_name: string | null;
  memo: string | null;
  reason: string | null;
  reverses_receipt_id: number | null;
  created_at: string;
}

export interface WalletReceiptTransfersTable {
  transfer_id: number;
  receipt_id: number;
}

export interface WalletTables {
  wallet_receipts: WalletReceiptsTable;
  wallet_receipt_transfers: WalletReceiptTransfersTable;
}

export const walletSql = queryBuilder<WalletTables>();
