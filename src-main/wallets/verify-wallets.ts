import { failed, passed, type Verifier } from '../integrity/verifier';
import { receiptJournalCheck } from './receipt-checks';
import { receiptApprovalCheck } from './approval-checks';

// The wallets part of `verify` (DESIGN.md §4, "each domain's own invariants"): every receipt is
// backed by transfers of its currency that add up to amount + fee and touch the member's wallet,
// and every column of it and of its links follows from the journal (receipt-checks.ts); a
// second person's approval on a receipt is the one its audit row records (approval-checks.ts).

const UNBACKED_RECEIPT = `
  SELECT r.id FROM wallet_receipts r
  LEFT JOIN member_wallets w ON w.member_id = r.member_id AND w.currency = r.currency
  LEFT JOIN wallet_receipt_transfers rt ON rt.receipt_id = r.id
  LEFT JOIN transfers t ON t.id = rt.transfer_id
  GROUP BY r.id
  HAVING count(t.id) = 0 OR sum(t.amount) <> r.amount + r.fee OR sum(t.currency <> r.currency) > 0
      OR sum(t.debit_account_id IS NOT w.account_id AND t.credit_account_id IS NOT w.account_id) > 0
  ORDER BY r.id LIMIT 1`;

export const walletsVerifier: Verifier = {
  domain: 'wallets',
  run(store) {
    const receipt = store.sqlite.prepare(UNBACKED_RECEIPT).pluck().get() as number | undefined;
    const counts = { receipts: store.sqlite.prepare('SELECT count(*) FROM wallet_receipts').pluck().get() as number };
    return {
      checks: [
        receipt === undefined
          ? passed('wallets.receipts', `${counts.receipts} receipts, each matching its transfers`, counts)
          : failed('wallets.receipts', `receipt ${receipt} does not match the transfers it lists`, counts, 'wallet_receipts', receipt),
        receiptJournalCheck(store),
        receiptApprovalCheck(store),
      ],
    };
  },
};
