import { isAppError } from '../../src-shared/errors';
import type { SavedLoyalty } from '../../src-shared/settings/loyalty-settings';
import type { MemberRow } from '../members/member-repo';
import { PastPaymentEarnings, type PastPayment } from '../points/bulk';
import { expireDueLots } from '../points/expiry';
import { pointsHeld } from '../points/lots';
import { savedLoyalty } from '../points/loyalty';
import { redeemPoints, reverseRedemption } from '../points/redeem';
import { recordReferral, recordReview } from '../points/records';
import type { Store } from '../store/store';
import type { Teller } from '../wallets/receipts';
import type { Random } from './sample-people';

// The points part of the demo's past, month by month: referrals as the referred members join,
// points on every payment of the history, reviews, the daily expiry (run once a month here, which
// expires the same lots), and near the end redemptions, a few of them reversed. Everything goes
// through the points services; the history's payments, which are most of it, are earned a month
// at a time through one ledger writer (points/bulk.ts), before the month's other events.

const DAY = 86_400_000;
const MONTH = 30 * DAY;
/** Months per commit: a bulk load amortizes the durable commit over many pages, as postBulk's chunks do. */
const COMMIT_MONTHS = 3;

export type PointsEvent =
  | { at: number; kind: 'referral'; referrer: number; referred: number }
  | { at: number; kind: 'payment'; payment: PastPayment }
  | { at: number; kind: 'review'; member: number }
  | { at: number; kind: 'expiry' }
  | { at: number; kind: 'redemption'; member: number };

export interface PointsTally {
  referrals: number;
  reviews: number;
  paymentsEarning: number;
  redemptions: number;
  redemptionsReversed: number;
  expiredLots: number;
}

/** Members referred by someone who joined before them are referred as they join. */
export function referralEvents(rows: readonly MemberRow[]): PointsEvent[] {
  return rows.flatMap((row) => (row.referred_by === null ? [] : [{ at: Date.parse(row.created_at), kind: 'referral' as const, referrer: row.referred_by, referred: row.id }]));
}

/** One review for about one member in twenty, at random times of [from, to); redemptions for one member in fifty, in [to, redeemTo); the expiry once a month. */
export function drawnEvents(random: Random, memberIds: readonly number[], from: number, to: number, redeemTo: number): PointsEvent[] {
  const draw = (share: number) => Array.from({ length: Math.ceil(memberIds.length * share) }, () => memberIds[Math.floor(random() * memberIds.length)]!);
  const events: PointsEvent[] = [];
  for (const member of draw(0.05)) events.push({ at: from + Math.floor(random() * (to - from)), kind: 'review', member });
  for (const member of draw(0.02)) events.push({ at: to + Math.floor(random() * (redeemTo - to)), kind: 'redemption', member });
  // At the last moment of each month that ends before redeemTo, so it runs after the month's other events.
  for (let end = (Math.floor(from / MONTH) + 1) * MONTH - 1; end < redeemTo; end += MONTH) events.push({ at: end, kind: 'expiry' });
  return events;
}

/** The caps hold in the demo too: a referral or review over its member's cap is left out, as the counter would refuse it. */
function underCap(record: () => unknown): boolean {
  try {
    record();
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'POINTS_CAP_REACHED') return false;
    throw error;
  }
}

class PointsPast {
  readonly tally: PointsTally = { referrals: 0, reviews: 0, paymentsEarning: 0, redemptions: 0, redemptionsReversed: 0, expiredLots: 0 };
  private readonly saved: SavedLoyalty;
  private readonly earnings: PastPaymentEarnings;

  constructor(
    private readonly store: Store,
    private readonly teller: Teller,
    private readonly seed: number,
  ) {
    this.saved = savedLoyalty(store);
    this.earnings = new PastPaymentEarnings(store, this.saved, teller.username);
  }

  earn(payments: readonly PastPayment[]): void {
    this.tally.paymentsEarning += this.earnings.earn(payments);
  }

  apply(event: Exclude<PointsEvent, { kind: 'payment' }>, index: number): void {
    const { store, teller } = this;
    const at = new Date(event.at);
    const key = `demo-${this.seed}-points-${index}`;
    if (event.kind === 'referral') {
      if (underCap(() => recordReferral(store, teller.username, { referrerId: event.referrer, referredId: event.referred, idempotencyKey: key }, at))) this.tally.referrals += 1;
    } else if (event.kind === 'review') {
      if (underCap(() => recordReview(store, teller.username, { memberId: event.member, reference: `review-${index}`, idempotencyKey: key }, at))) this.tally.reviews += 1;
    } else if (event.kind === 'expiry') {
      this.tally.expiredLots += expireDueLots(store, teller.username, at).lots;
    } else {
      this.redeem(event.member, key, at);
    }
  }

  /** Half of what the member can spend, when that is a unit or more; the first redemption and every fourth after it are reversed an hour later. */
  private redeem(memberId: number, key: string, at: Date): void {
    const unit = this.saved.rules.pointsPerRedemptionUnit;
    const half = Math.floor(pointsHeld(this.store, memberId, at.toISOString()).spendable / 2);
    if (half < unit) return;
    const redemption = redeemPoints(this.store, this.teller, { memberId, points: half, currency: 'CNY', idempotencyKey: key }, at);
    this.tally.redemptions += 1;
    if (this.tally.redemptions % 4 === 1) {
      reverseRedemption(this.store, this.teller, { transferId: redemption.transferIds[0]!, reason: 'Demo: the member changed their mind', idempotencyKey: key }, new Date(at.getTime() + 3_600_000));
      this.tally.redemptionsReversed += 1;
    }
  }
}

/** Posts the points of the demo's past month by month (the month's payments first, then its other events in time order), a commit every COMMIT_MONTHS. */
export function writePointsPast(store: Store, teller: Teller, seed: number, events: PointsEvent[]): PointsTally {
  const past = new PointsPast(store, teller, seed);
  const ordered = events.map((event, index) => ({ event, index })).sort((a, b) => a.event.at - b.event.at || a.index - b.index);
  const months = new Map<number, typeof ordered>();
  for (const item of ordered) {
    const month = Math.floor(item.event.at / MONTH);
    if (!months.has(month)) months.set(month, []);
    months.get(month)!.push(item);
  }
  const inOrder = [...months.values()];
  for (let first = 0; first < inOrder.length; first += COMMIT_MONTHS) {
    store.sqlite.transaction(() => {
      for (const month of inOrder.slice(first, first + COMMIT_MONTHS)) {
        past.earn(month.flatMap(({ event }) => (event.kind === 'payment' ? [event.payment] : [])));
        for (const { event, index } of month) if (event.kind !== 'payment') past.apply(event, index);
      }
    }).immediate();
  }
  return past.tally;
}
