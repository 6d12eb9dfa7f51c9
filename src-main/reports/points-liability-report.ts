import type { ReportColumn, ReportRow } from '../../src-shared/contract/reports';
import { minorDigits } from '../../src-shared/money';
import { enabledCurrencies } from '../members/member-wallets';
import { savedLoyalty } from '../points/loyalty';
import { sectionOf, type ReportDefinition } from './report-definition';
import { pastInstant } from './report-params';
import { countMembersHolding, EXPIRY_BUCKETS, heldLots, membersHolding, pointsByBucket } from './points-liability-lots';

// What the operator owes in points at a moment: the points members hold, by when they expire
// (relative to the moment) and member by member, each valued at the redemption rate in the
// operator's first wallet currency. A member redeems whole units only (points/redeem.ts), so the
// value is what the points are worth at the rate, rounded down to the currency's minor unit.

const BUCKET_COLUMNS: ReportColumn[] = [
  { key: 'bucket', kind: 'code' },
  { key: 'points', kind: 'integer' },
  { key: 'value', kind: 'amount', currencyKey: 'currency' },
  { key: 'currency', kind: 'code' },
];

const MEMBER_COLUMNS: ReportColumn[] = [
  { key: 'memberNumber', kind: 'code' },
  { key: 'name', kind: 'text' },
  { key: 'tier', kind: 'code' },
  { key: 'points', kind: 'integer' },
  { key: 'expiringWithin30Days', kind: 'integer' },
  { key: 'value', kind: 'amount', currencyKey: 'currency' },
  { key: 'currency', kind: 'code' },
];

/** Minor units of `currency` that `points` are worth at `pointsPerUnit` points a whole unit, rounded down. */
export function pointsValue(points: number, pointsPerUnit: number, currency: string): number {
  return Number((BigInt(points) * 10n ** BigInt(minorDigits(currency))) / BigInt(pointsPerUnit));
}

export const pointsLiabilityReport: ReportDefinition = {
  id: 'points-liability',
  open(ctx) {
    const asOf = pastInstant(ctx.params.asOf, 'asOf', ctx.now);
    const { store } = ctx;
    const { rules } = savedLoyalty(store);
    const currency = enabledCurrencies(store)[0]!;
    const perUnit = rules.pointsPerRedemptionUnit;
    const value = (points: number) => pointsValue(points, perUnit, currency);
    const lots = heldLots(store, asOf);
    const byBucket = pointsByBucket(store, lots);
    const bucketRows: ReportRow[] = EXPIRY_BUCKETS.map((bucket) => ({ bucket, points: byBucket.get(bucket) ?? 0, value: value(byBucket.get(bucket) ?? 0), currency }));
    const total = [...byBucket.values()].reduce((sum, points) => sum + points, 0);
    bucketRows.push({ bucket: 'total', points: total, value: value(total), currency });
    return {
      parameters: { asOf, redemptionRate: `${perUnit} PTS = 1 ${currency}` },
      sections: [
        sectionOf('buckets', BUCKET_COLUMNS, bucketRows),
        {
          id: 'members',
          columns: MEMBER_COLUMNS,
          count: () => countMembersHolding(store, lots),
          rows: function* () {
            for (const member of membersHolding(store, lots, rules.tiers[0]!.id)) {
              const { member_number: memberNumber, name, tier, points, expiring } = member;
              yield { memberNumber, name, tier, points, expiringWithin30Days: expiring, value: value(points), currency };
            }
          },
        },
      ],
    };
  },
};
