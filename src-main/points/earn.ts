import type { PointRule } from '../../src-shared/points/moves';
import type { LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { pointsMemo } from '../../src-shared/system-memo';
import { systemAccount } from '../ledger';
import type { LedgerWriter } from '../ledger/writer';
import { writeMovement } from '../ledger/transfers';
import type { MemberRow } from '../members/member-repo';
import type { Store } from '../store/store';
import { addDays, addMonths } from './loyalty';
import { insertLot, type NewLot } from './lots';
import { pointsAccountFor } from './points-account';

// Earning points: one transfer from the operator's points-issued account to the member's points
// account, and the lot it makes, with its expiry and (for payments) its pending window. The
// transfer's memo states the lot's terms, so the hash chain covers them.

export interface Earning {
  member: MemberRow;
  rule: PointRule;
  points: number;
  /** The receipt, the referred member, the review's reference or the reason. */
  detail: string | null;
  /** The ledger idempotency key of the earning transfer. */
  key: string;
  actor: string;
  causeRef?: string;
}

/** Posts the earning through `writer` (inside the caller's ledger transaction) and makes its lot; answers the lot as written. */
export function writeEarning(store: Store, writer: LedgerWriter, earning: Earning, rules: { version: number; rules: LoyaltyRules }, now: Date): NewLot {
  const account = pointsAccountFor(store, earning.member, now);
  return writeEarningTo(store, writer, { account, issued: systemAccount(store, 'points_issued', 'PTS').id }, earning, rules, now);
}

/** writeEarning to accounts already looked up: a bulk load (points/bulk.ts) looks each one up once, not once per earning. */
export function writeEarningTo(
  store: Store,
  writer: LedgerWriter,
  accounts: { account: number; issued: number },
  earning: Earning,
  rules: { version: number; rules: LoyaltyRules },
  now: Date,
): NewLot {
  const { account, issued } = accounts;
  const pending = earning.rule === 'payment' ? rules.rules.pendingDays : 0;
  const spendableAt = addDays(now, pending).toISOString();
  const expiresAt = rules.rules.expiryMonths === null ? null : addMonths(now, rules.rules.expiryMonths).toISOString();
  const row = writeMovement(writer, {
    idempotencyKey: earning.key,
    debitAccountId: issued,
    creditAccountId: account,
    amount: earning.points,
    kind: 'points_earn',
    memo: pointsMemo({ move: 'earn', rule: earning.rule, detail: earning.detail, spendable: pending > 0 ? spendableAt : null, expires: expiresAt }),
    actor: earning.actor,
    at: now,
    ...(earning.causeRef === undefined ? {} : { causeRef: earning.causeRef }),
  });
  const lot: NewLot = {
    id: row.id,
    member_id: earning.member.id,
    rule: earning.rule,
    rules_version: rules.version,
    amount: earning.points,
    earned_at: row.created_at,
    spendable_at: spendableAt,
    expires_at: expiresAt,
    source: earning.detail,
  };
  insertLot(store, lot);
  return lot;
}
