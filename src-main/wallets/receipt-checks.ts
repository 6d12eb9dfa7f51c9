import { isDeepStrictEqual } from 'node:util';
import type { CheckResult } from '../../src-shared/contract/verify';
import { systemMemo, type SystemMemoCode } from '../../src-shared/system-memo';
import { FirstFault } from '../audit/audit-replay';
import type { Store } from '../store/store';
import type { ReceiptRow } from './receipts';

// Receipts against the hash-chained journal. A receipt's transfers carry, in their hashed rows,
// who posted them (the teller), when (the receipt's time), the receipt's idempotency key
// (`wallet:<key>`) and its number (cause_ref `receipt:<number>`; a reversal's transfers keep the
// number of the receipt they undo). From those, every column of a receipt follows: its number,
// operation, member, counterparty, amount, fee, merchant, memo, the request it answered, and
// the wallet balance it printed (a running sum of the wallet's posted transfers). A transfer
// naming a receipt that does not list it means a receipt or a link was removed.

interface Leg {
  receipt_id: number;
  id: number;
  idempotency_key: string;
  debit_account_id: number;
  credit_account_id: number;
  amount: number;
  kind: string;
  state: string;
  reverses_id: number | null;
  memo: string | null;
  actor: string;
  cause_ref: string | null;
  created_at: string;
}

const LEGS = `SELECT rt.receipt_id, t.id, t.idempotency_key, t.debit_account_id, t.credit_account_id, t.amount, t.kind, t.state, t.reverses_id,
  t.memo, t.actor, t.cause_ref, t.created_at
  FROM wallet_receipt_transfers rt JOIN transfers t ON t.id = rt.transfer_id ORDER BY rt.receipt_id, t.id`;

/** The posted balance of each wallet that has receipts, after each of its transfers. */
const RUNNING_BALANCES = `
  WITH wallets AS (SELECT DISTINCT w.account_id FROM wallet_receipts r JOIN member_wallets w ON w.member_id = r.member_id AND w.currency = r.currency),
  moves AS (
    SELECT t.id, w.account_id, t.amount AS delta FROM wallets w JOIN transfers t ON t.credit_account_id = w.account_id
      WHERE t.state IN ('posted', 'post_pending', 'reversal')
    UNION ALL
    SELECT t.id, w.account_id, -t.amount FROM wallets w JOIN transfers t ON t.debit_account_id = w.account_id
      WHERE t.state IN ('posted', 'post_pending', 'reversal')
  )
  SELECT account_id, id, sum(delta) OVER (PARTITION BY account_id ORDER BY id) FROM moves`;

const BROKEN_LINK = `SELECT rt.transfer_id, rt.receipt_id, t.id IS NULL AS no_transfer, r.id IS NULL AS no_receipt
  FROM wallet_receipt_transfers rt LEFT JOIN transfers t ON t.id = rt.transfer_id LEFT JOIN wallet_receipts r ON r.id = rt.receipt_id
  WHERE t.id IS NULL OR r.id IS NULL ORDER BY rt.transfer_id LIMIT 1`;

/**
 * A transfer that names a receipt must be listed by one. Every wallet leg's key starts `wallet:`
 * (wallet-legs.ts ledgerKey), so the unique index on keys limits the search to wallet transfers
 * instead of the whole journal.
 */
const UNLISTED_TRANSFER = `SELECT t.id, t.cause_ref FROM transfers t WHERE t.idempotency_key >= 'wallet:' AND t.idempotency_key < 'wallet;'
  AND t.cause_ref LIKE 'receipt:%' AND NOT EXISTS (SELECT 1 FROM wallet_receipt_transfers rt WHERE rt.transfer_id = t.id) LIMIT 1`;

const KINDS: Record<ReceiptRow['operation'], readonly string[]> = {
  deposit: ['deposit'],
  withdrawal: ['withdrawal'],
  payment: ['payment', 'fee'],
  transfer: ['member_transfer'],
  reversal: ['reversal'],
};

/** What the receipt checks read besides the receipts: legs, wallets, tellers' names and printed balances. */
interface Context {
  receipts: Map<number, ReceiptRow>;
  legs: Map<number, Leg[]>;
  wallets: Map<string, number>;
  tellers: Map<string, string>;
  balances: Map<string, number>;
}

function readContext(store: Store): Context {
  const receipts = new Map((store.sqlite.prepare('SELECT * FROM wallet_receipts ORDER BY id').all() as ReceiptRow[]).map((r) => [r.id, r]));
  const legs = new Map<number, Leg[]>();
  for (const leg of store.sqlite.prepare(LEGS).iterate() as IterableIterator<Leg>) {
    const list = legs.get(leg.receipt_id);
    if (list) list.push(leg);
    else legs.set(leg.receipt_id, [leg]);
  }
  const wallets = new Map((store.sqlite.prepare('SELECT member_id, currency, account_id FROM member_wallets').raw().all() as [number, string, number][]).map(([m, c, a]) => [`${m}:${c}`, a]));
  const tellers = new Map(store.sqlite.prepare('SELECT username, display_name FROM staff').raw().all() as [string, string][]);
  const balances = new Map<string, number>();
  for (const [account, id, balance] of store.sqlite.prepare(RUNNING_BALANCES).raw().iterate() as IterableIterator<[number, number, number]>) balances.set(`${account}:${id}`, balance);
  return { receipts, legs, wallets, tellers, balances };
}

/** `R20260115-0000042` (receipts.ts receiptNumberFor), from the stored time so a bad time is a mismatch, not a throw. */
function numberFor(receipt: ReceiptRow): string {
  return `R${receipt.created_at.slice(0, 10).replaceAll('-', '')}-${String(receipt.id).padStart(7, '0')}`;
}

function receiptIdOf(receiptNumber: string): number {
  return Number(receiptNumber.slice(receiptNumber.lastIndexOf('-') + 1));
}

/** A leg that is not this receipt's: another receipt's, or a transfer listed by mistake. */
function foreignLeg(receipt: ReceiptRow, named: ReceiptRow, leg: Leg): boolean {
  const key = `wallet:${receipt.idempotency_key}`;
  return (leg.idempotency_key !== key && !leg.idempotency_key.startsWith(`${key}:`)) || leg.cause_ref !== `receipt:${named.receipt_number}`;
}

/** The English sentences builds before system-memo.ts stored; their folders must keep verifying. */
const LEGACY_PAYMENT_MEMOS: Record<SystemMemoCode, (merchant: string) => string> = {
  payment: (merchant) => `Payment to ${merchant}`,
  payment_fee: (merchant) => `Fee on payment to ${merchant}`,
};

/** A payment leg's memo: what staff typed on the payment leg, else the system memo naming the receipt's merchant. */
function isPaymentMemo(memo: string | null, receipt: ReceiptRow, code: SystemMemoCode): boolean {
  if (code === 'payment' && receipt.memo !== null) return memo === receipt.memo;
  const merchant = receipt.merchant ?? '';
  return memo === systemMemo({ memo: code, merchant }) || memo === LEGACY_PAYMENT_MEMOS[code](merchant);
}

/** The movements an operation posts (wallet-legs.ts), checked against the receipt's columns. */
function legsDiffer(receipt: ReceiptRow, legs: Leg[], ctx: Context, reversed: ReceiptRow | undefined): string | null {
  const wallet = ctx.wallets.get(`${receipt.member_id}:${receipt.currency}`);
  const sum = legs.reduce((total, leg) => total + leg.amount, 0);
  if (sum !== receipt.amount + receipt.fee) return 'amount';
  if (legs.some((leg) => !KINDS[receipt.operation].includes(leg.kind))) return 'operation';
  if (receipt.operation === 'reversal') {
    const undone = reversed ? (ctx.legs.get(reversed.id) ?? []).map((leg) => leg.id) : [];
    const same = reversed && reversed.operation !== 'reversal' && legs.length === undone.length && legs.every((leg) => undone.includes(leg.reverses_id ?? 0) && leg.memo === receipt.reason)
      && (['member_id', 'counterparty_member_id', 'merchant', 'currency', 'amount', 'fee'] as const).every((column) => receipt[column] === reversed[column]);
    return same && receipt.memo === null ? null : 'reverses_receipt_id';
  }
  if (receipt.reverses_receipt_id !== null || receipt.reason !== null) return 'reverses_receipt_id';
  const main = legs.find((leg) => leg.kind !== 'fee');
  const fees = legs.filter((leg) => leg.kind === 'fee');
  if (!main || main.amount !== receipt.amount || fees.length !== (receipt.fee > 0 ? 1 : 0) || legs.length !== 1 + fees.length) return 'amount';
  const intoWallet = receipt.operation === 'deposit';
  if ((intoWallet ? main.credit_account_id : main.debit_account_id) !== wallet || fees.some((fee) => fee.debit_account_id !== wallet)) return 'member_id';
  const counterparty = receipt.operation === 'transfer' ? ctx.wallets.get(`${receipt.counterparty_member_id}:${receipt.currency}`) : undefined;
  if (receipt.operation === 'transfer' ? main.credit_account_id !== counterparty : receipt.counterparty_member_id !== null) return 'counterparty_member_id';
  if (receipt.operation === 'payment') {
    if (!isPaymentMemo(main.memo, receipt, 'payment') || fees.some((fee) => !isPaymentMemo(fee.memo, receipt, 'payment_fee'))) return 'merchant';
  } else if (receipt.merchant !== null || receipt.fee !== 0 || main.memo !== receipt.memo) {
    return receipt.merchant !== null ? 'merchant' : receipt.fee !== 0 ? 'fee' : 'memo';
  }
  return null;
}

/** The request as first received (teller-operations.ts, wallet-reversal.ts), rebuilt from the receipt. */
function requestDiffers(receipt: ReceiptRow, ctx: Context, reversed: ReceiptRow | undefined): boolean {
  let request: unknown;
  try {
    request = JSON.parse(receipt.request_json);
  } catch {
    return true;
  }
  const { operation, member_id: memberId, amount, currency, memo } = receipt;
  if (operation === 'reversal') {
    const transferId = (request as { transferId?: unknown } | null)?.transferId;
    const undone = reversed ? (ctx.legs.get(reversed.id) ?? []).map((leg) => leg.id) : [];
    return !undone.includes(transferId as number) || !isDeepStrictEqual(request, { operation, transferId, reason: receipt.reason });
  }
  const expected = operation === 'transfer'
    ? { operation, fromMemberId: memberId, toMemberId: receipt.counterparty_member_id, amount, currency, memo }
    : { operation, memberId, amount, currency, memo, ...(operation === 'payment' ? { merchant: receipt.merchant } : {}) };
  return !isDeepStrictEqual(request, expected);
}

function receiptDiffers(receipt: ReceiptRow, legs: Leg[], ctx: Context, fault: FirstFault): void {
  const reversed = receipt.reverses_receipt_id === null ? undefined : ctx.receipts.get(receipt.reverses_receipt_id);
  const named = receipt.operation === 'reversal' && reversed ? reversed : receipt;
  const at = (column: string) => fault.note('wallet_receipts', receipt.id, `receipt ${receipt.receipt_number}'s ${column} does not match its transfers`);
  if (receipt.receipt_number !== numberFor(receipt)) return at('number');
  if (legs.length === 0) return at('transfers');
  const foreign = legs.filter((leg) => foreignLeg(receipt, named, leg));
  if (foreign.length === legs.length) return at('idempotency key or number');
  if (foreign.length > 0) return fault.note('wallet_receipt_transfers', foreign[0]!.id, `transfer ${foreign[0]!.id} is listed by receipt ${receipt.receipt_number}, which did not post it`);
  if (legs.some((leg) => leg.actor !== receipt.teller)) return at('teller');
  if (legs.some((leg) => leg.created_at !== receipt.created_at)) return at('created_at');
  if (legs.some((leg) => leg.state !== (receipt.operation === 'reversal' ? 'reversal' : 'posted'))) return at('operation');
  const tellerName = ctx.tellers.get(receipt.teller);
  if (tellerName !== undefined && tellerName !== receipt.teller_name) return at('teller_name');
  const column = legsDiffer(receipt, legs, ctx, reversed);
  if (column) return at(column);
  if (requestDiffers(receipt, ctx, reversed)) return at('request_json');
  const wallet = ctx.wallets.get(`${receipt.member_id}:${receipt.currency}`);
  if (ctx.balances.get(`${wallet}:${legs[legs.length - 1]!.id}`) !== receipt.balance_after) return at('balance_after');
}

function brokenLinks(store: Store, ctx: Context, fault: FirstFault): void {
  const link = store.sqlite.prepare(BROKEN_LINK).get() as { transfer_id: number; receipt_id: number; no_transfer: number; no_receipt: number } | undefined;
  if (link?.no_receipt) fault.note('wallet_receipts', link.receipt_id, `receipt ${link.receipt_id}, listed with transfer ${link.transfer_id}, is missing`);
  else if (link) fault.note('wallet_receipt_transfers', link.transfer_id, `transfer ${link.transfer_id}, listed by receipt ${link.receipt_id}, is missing`);
  const unlisted = store.sqlite.prepare(UNLISTED_TRANSFER).get() as { id: number; cause_ref: string } | undefined;
  if (!unlisted) return;
  const receiptNumber = unlisted.cause_ref.slice('receipt:'.length);
  const known = [...ctx.receipts.values()].some((r) => r.receipt_number === receiptNumber);
  if (known) fault.note('wallet_receipt_transfers', unlisted.id, `transfer ${unlisted.id} of receipt ${receiptNumber} is not listed with it`);
  else fault.note('wallet_receipts', receiptIdOf(receiptNumber), `receipt ${receiptNumber}, named by transfer ${unlisted.id}, is missing`);
}

/** Every receipt and every receipt–transfer link, against the journal. */
export function receiptJournalCheck(store: Store): CheckResult {
  const ctx = readContext(store);
  const fault = new FirstFault();
  for (const receipt of ctx.receipts.values()) receiptDiffers(receipt, ctx.legs.get(receipt.id) ?? [], ctx, fault);
  brokenLinks(store, ctx, fault);
  const links = [...ctx.legs.values()].reduce((n, legs) => n + legs.length, 0);
  return fault.result('wallets.journal', `${ctx.receipts.size} receipts and ${links} links, each as the journal posted them`, { receipts: ctx.receipts.size, links });
}
