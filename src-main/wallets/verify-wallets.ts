import type { CheckResult } from '../../src-shared/contract/verify';
import type { Store } from '../store/store';

// The members and wallets part of `verify` (DESIGN.md §4, "each domain's own invariants"):
// - every wallet is a no-overdraft liability account of its own member, in its own currency, and
//   a closed member's wallets are closed;
// - every receipt is backed by transfers of its currency that add up to amount + fee and touch
//   the member's wallet.
// Only SELECTs: backup, restore and rekey run verify on the live data and refuse when it changed.

const MISPLACED_WALLET = `
  SELECT mw.member_id AS id FROM member_wallets mw
  JOIN accounts a ON a.id = mw.account_id
  JOIN members m ON m.id = mw.member_id
  WHERE a.owner_type <> 'member' OR a.owner_id IS NOT mw.member_id OR a.currency <> mw.currency
     OR a.kind <> 'liability' OR a.no_overdraft <> 1 OR (m.status = 'closed' AND a.closed = 0)
  ORDER BY mw.member_id LIMIT 1`;

const UNBACKED_RECEIPT = `
  SELECT r.receipt_number AS id FROM wallet_receipts r
  LEFT JOIN member_wallets w ON w.member_id = r.member_id AND w.currency = r.currency
  LEFT JOIN wallet_receipt_transfers rt ON rt.receipt_id = r.id
  LEFT JOIN transfers t ON t.id = rt.transfer_id
  GROUP BY r.id
  HAVING count(t.id) = 0 OR sum(t.amount) <> r.amount + r.fee OR sum(t.currency <> r.currency) > 0
      OR sum(t.debit_account_id IS NOT w.account_id AND t.credit_account_id IS NOT w.account_id) > 0
  ORDER BY r.id LIMIT 1`;

function firstOf(store: Store, sql: string): string | null {
  const row = store.sqlite.prepare(sql).get() as { id: number | string } | undefined;
  return row === undefined ? null : String(row.id);
}

function walletsCheck(store: Store): CheckResult {
  const member = firstOf(store, MISPLACED_WALLET);
  const { n } = store.sqlite.prepare('SELECT count(*) AS n FROM member_wallets').get() as { n: number };
  return member === null
    ? { name: 'members.wallets', ok: true, detail: `${n} wallets, each a no-overdraft liability of its own member`, firstViolation: null }
    : { name: 'members.wallets', ok: false, detail: `member ${member} has a wallet account that is not its own, or an open one after closing`, firstViolation: `member#${member}` };
}

function receiptsCheck(store: Store): CheckResult {
  const receipt = firstOf(store, UNBACKED_RECEIPT);
  const { n } = store.sqlite.prepare('SELECT count(*) AS n FROM wallet_receipts').get() as { n: number };
  return receipt === null
    ? { name: 'wallets.receipts', ok: true, detail: `${n} receipts, each matching its transfers`, firstViolation: null }
    : { name: 'wallets.receipts', ok: false, detail: `receipt ${receipt} does not match the transfers it lists`, firstViolation: `receipt#${receipt}` };
}

export function verifyMembersAndWallets(store: Store): CheckResult[] {
  return [walletsCheck(store), receiptsCheck(store)];
}
