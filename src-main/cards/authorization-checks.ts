import type { CheckResult } from '../../src-shared/contract/verify';
import { parseSystemMemo } from '../../src-shared/system-memo';
import { auditRecords, FirstFault, type AuditRecord } from '../audit/audit-replay';
import { declineAuditSummary } from './authorize';
import type { Store } from '../store/store';
import { holdExpiryKey } from './card-ledger';
import { maskedPanOf } from './card-rows';
import type { CardAuthorizationsTable } from './tables';
import { firstDifferingColumn } from '../integrity/verifier';

// cards.authorizations: the terminal's attempts against the journal (card-ledger.ts).
// - Every card hold (a pending transfer whose cause is `card-auth:<id>`) is the hold of exactly
//   that authorization.
// - An approved authorization's hold debits its card's wallet for its amount, in its currency, at
//   its time, by its actor, for its merchant; and its status is the hold's resolution:
//     held      no resolution yet                 counted = amount, captured 0
//     captured  a post, its resolution            counted = captured = the post's amount
//     voided    a void under the caller's key     counted 0, captured 0
//     expired   a void under the expiry key       counted 0, captured 0
// - A declined attempt moved no money: no hold, nothing counted; its card, member, currency and
//   masked number are its card's (one that matched no card names none), and it is exactly as its
//   `card.decline` audit row recorded it, which every decline has (so one made up or removed
//   afterwards shows).
// What counts against the limits (counted_amount) is thereby what the journal holds or posted.

interface AuthorizationWithLedger extends Omit<CardAuthorizationsTable, 'id'> {
  id: number;
  h_id: number | null;
  h_state: string | null;
  h_cause: string | null;
  h_debit: number | null;
  h_amount: number | null;
  h_currency: string | null;
  h_at: string | null;
  h_actor: string | null;
  h_memo: string | null;
  r_id: number | null;
  r_state: string | null;
  r_amount: number | null;
  r_key: string | null;
  c_member: number | null;
  c_wallet: number | null;
  c_first6: string | null;
  c_last4: string | null;
  c_length: number | null;
  c_currency: string | null;
}

const AUTHORIZATIONS = `
  SELECT a.*, h.id AS h_id, h.state AS h_state, h.cause_ref AS h_cause, h.debit_account_id AS h_debit, h.amount AS h_amount, h.currency AS h_currency,
         h.created_at AS h_at, h.actor AS h_actor, h.memo AS h_memo, r.id AS r_id, r.state AS r_state, r.amount AS r_amount, r.idempotency_key AS r_key,
         c.member_id AS c_member, c.wallet_account_id AS c_wallet, c.first6 AS c_first6, c.last4 AS c_last4, c.pan_length AS c_length, p.currency AS c_currency
  FROM card_authorizations a
  LEFT JOIN transfers h ON h.id = a.hold_id
  LEFT JOIN transfers r ON r.pending_id = a.hold_id
  LEFT JOIN cards c ON c.id = a.card_id
  LEFT JOIN card_programs p ON p.id = c.program_id
  ORDER BY a.id`;

/**
 * Card holds that are not their authorization's (none, normally). The `expires_at` term lets
 * SQLite walk the holds' own partial index; an ORDER BY would make it scan the whole journal.
 */
const STRAY_HOLDS = `
  SELECT t.id, t.cause_ref FROM transfers t LEFT JOIN card_authorizations a ON a.hold_id = t.id
  WHERE t.state = 'pending' AND t.expires_at IS NOT NULL AND t.cause_ref LIKE 'card-auth:%' AND (a.id IS NULL OR t.cause_ref <> 'card-auth:' || a.id)`;

/** The card's side: an attempt names its card's member, currency and masked number. */
function cardDiffers(a: AuthorizationWithLedger): string | null {
  if (a.card_id === null) return firstDifferingColumn([['member_id', a.member_id, null], ['currency', a.currency, null], ['status', a.status, 'declined'], ['decline_code', a.decline_code, 'CARD_NOT_FOUND']]);
  if (a.c_member === null) return 'card_id';
  const masked = maskedPanOf({ first6: a.c_first6!, last4: a.c_last4!, pan_length: a.c_length! });
  return firstDifferingColumn([['member_id', a.member_id, a.c_member], ['currency', a.currency, a.c_currency], ['masked_pan', a.masked_pan, masked]]);
}

/** What the hold's resolution says the status, captured and counted amounts and resolved_by must be. */
function resolutionOf(a: AuthorizationWithLedger): { status: string; captured: number; counted: number; resolvedBy: number | null } {
  if (a.r_id === null) return { status: 'held', captured: 0, counted: a.amount, resolvedBy: null };
  if (a.r_state === 'post_pending') return { status: 'captured', captured: a.r_amount!, counted: a.r_amount!, resolvedBy: a.r_id };
  return { status: a.r_key === holdExpiryKey(a.h_id!) ? 'expired' : 'voided', captured: 0, counted: 0, resolvedBy: a.r_id };
}

/** The merchant a card hold's memo names (card-ledger.ts: a card payment's memo is a payment's). */
function merchantOf(memo: string | null): string | undefined {
  const parsed = parseSystemMemo(memo);
  return parsed && 'merchant' in parsed ? parsed.merchant : undefined;
}

/** The first column of an approved attempt that its hold and the hold's resolution do not bear out. */
function approvedDiffers(a: AuthorizationWithLedger): string | null {
  if (a.h_id === null || a.h_state !== 'pending' || a.h_cause !== `card-auth:${a.id}`) return 'hold_id';
  const resolution = resolutionOf(a);
  return firstDifferingColumn([
    ['wallet', a.h_debit, a.c_wallet],
    ['amount', a.amount, a.h_amount],
    ['currency', a.currency, a.h_currency],
    ['at', a.at, a.h_at],
    ['actor', a.actor, a.h_actor],
    ['merchant', a.merchant, merchantOf(a.h_memo)],
    ['status', a.status, resolution.status],
    ['captured_amount', a.captured_amount, resolution.captured],
    ['counted_amount', a.counted_amount, resolution.counted],
    ['resolved_by', a.resolved_by, resolution.resolvedBy],
  ]);
}

function declinedDiffers(a: AuthorizationWithLedger): string | null {
  return firstDifferingColumn([
    ['hold_id', a.hold_id, null],
    ['resolved_by', a.resolved_by, null],
    ['counted_amount', a.counted_amount, 0],
    ['captured_amount', a.captured_amount, 0],
    ['decline_interval', a.decline_interval !== null, a.decline_code === 'LIMIT_EXCEEDED'],
  ]);
}

/** The first field of a declined row that its audit row does not bear out, or 'audit' when it has none. */
function auditedDeclineDiffers(a: AuthorizationWithLedger, audited: AuditRecord | undefined): string | null {
  if (!audited || audited.after === null) return 'audit';
  const expected = declineAuditSummary(a);
  return Object.keys(expected).find((field) => audited.after![field] !== expected[field]) ?? null;
}

export function checkAuthorizations(store: Store): CheckResult {
  const fault = new FirstFault();
  const declines = new Map(auditRecords(store.sqlite, ['card.decline']).map((record) => [Number(record.entityId), record]));
  let authorizations = 0;
  let held = 0;
  for (const a of store.sqlite.prepare(AUTHORIZATIONS).iterate() as IterableIterator<AuthorizationWithLedger>) {
    authorizations += 1;
    if (a.status === 'held') held += 1;
    const audited = declines.get(a.id);
    declines.delete(a.id);
    if (fault.found) continue;
    const column = cardDiffers(a) ?? (a.status === 'declined' ? (declinedDiffers(a) ?? auditedDeclineDiffers(a, audited)) : approvedDiffers(a));
    if (column) fault.note('card_authorizations', a.id, `authorization ${a.id}'s ${column} is not what its card, the journal and the audit log say`);
  }
  const [missing] = declines.keys();
  if (missing !== undefined) fault.note('card_authorizations', missing, `declined authorization ${missing}, recorded in the audit log, is missing`);
  const strays = store.sqlite.prepare(STRAY_HOLDS).all() as { id: number; cause_ref: string }[];
  const stray = strays.sort((a, b) => a.id - b.id)[0];
  if (stray) fault.note('card_authorizations', stray.cause_ref.slice('card-auth:'.length), `hold ${stray.id} (${stray.cause_ref}) is not the hold of that authorization`);
  return fault.result('cards.authorizations', `${authorizations} authorizations (${held} held), each as its hold in the journal stands`, { authorizations, held });
}
