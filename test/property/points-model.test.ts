import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import { runDueTasks } from '../../src-main/jobs/due-tasks';
import { savedLoyalty } from '../../src-main/points/loyalty';
import { redeemPoints, reverseRedemption } from '../../src-main/points/redeem';
import { adjustPoints } from '../../src-main/points/records';
import { updateLoyaltyRules } from '../../src-main/points/rules-update';
import { setTierFloor } from '../../src-main/points/tier-floor';
import { qualifyingPoints, tierRow } from '../../src-main/points/tier-state';
import { DUE_TASKS, verifyStore } from '../../src-main/registry';
import type { Store } from '../../src-main/store/store';
import { DEMO_HISTORY } from '../../src-main/wallets/counter-limits';
import { deposit, pay } from '../../src-main/wallets/teller-operations';
import { reverseOperation } from '../../src-main/wallets/wallet-reversal';
import { isAppError } from '../../src-shared/errors';
import { tierFor } from '../../src-shared/points/tiers';
import { DEFAULT_LOYALTY_RULES, type LoyaltyRules } from '../../src-shared/settings/loyalty-settings';
import { ADMIN, ok, tempDataDir } from '../support/temp-data';

// Issue 9: random earn (payments) / spend (redemptions) / expire (the clock moved on and the due
// tasks run) / refund (a payment reversed) / reverse (a redemption given back) / tier-rule change
// sequences, with floors, adjustments and deposits between, on one real encrypted store per run.
// The operations call the domain directly (the router only sets the branch up), and after every
// step the points invariants hold:
// - each member's PTS balance in the ledger = the sum of their lots' remaining;
// - every points transfer's lineage adds up to it, and each lot's remaining to its moves;
// - no lot below zero or above what it earned;
// - a spend takes from the spendable lots (past their pending window, not past their expiry)
//   soonest expiry first (then oldest), as re-planned here;
// - an expiry run empties the due lots and touches no other;
// - a refund takes back what its lot earned less what expired, the rest recorded as shortfall;
// - a redemption given back returns each lot exactly its part;
// - the tier is never below tierFor(qualifying points, floor), and equals it after the review.
// At the end of each run, verify is clean.

const RUNS = 10;
const OPS_PER_RUN = 1_000;
const MEMBERS = 3;
const START = new Date('2019-01-07T09:00:00.000Z').getTime();

type Op =
  | { t: 'earn'; m: number; amount: number }
  | { t: 'spend'; m: number; points: number }
  | { t: 'expire'; days: number }
  | { t: 'refund'; pick: number }
  | { t: 'reverse'; pick: number }
  | { t: 'rules'; rules: LoyaltyRules }
  | { t: 'floor'; m: number; floor: string | null }
  | { t: 'adjust'; m: number; points: number }
  | { t: 'deposit'; m: number; amount: number };

const member = fc.nat({ max: MEMBERS - 1 });
const pick = fc.nat({ max: 10_000 });
const rulesArb: fc.Arbitrary<LoyaltyRules> = fc
  .record({
    perUnit: fc.constantFrom(50, 100, 150),
    pendingDays: fc.constantFrom(0, 0, 2, 5),
    expiryMonths: fc.constantFrom(1, 2, 3, null),
    window: fc.constantFrom(1, 2, 3),
    unit: fc.constantFrom(50, 100),
    gaps: fc.tuple(fc.integer({ min: 20, max: 200 }), fc.integer({ min: 20, max: 300 }), fc.integer({ min: 20, max: 400 })),
    multipliers: fc.tuple(fc.constantFrom(100, 125), fc.constantFrom(100, 150), fc.constantFrom(100, 200)),
  })
  .map(({ perUnit, pendingDays, expiryMonths, window, unit, gaps, multipliers }) => {
    const thresholds = [0, gaps[0], gaps[0] + gaps[1], gaps[0] + gaps[1] + gaps[2]];
    const factors = [100, ...multipliers];
    return {
      ...DEFAULT_LOYALTY_RULES,
      pointsPerUnitPaid: perUnit,
      pendingDays,
      expiryMonths,
      tierWindowMonths: window,
      pointsPerRedemptionUnit: unit,
      tiers: DEFAULT_LOYALTY_RULES.tiers.map((tier, index) => ({ ...tier, threshold: thresholds[index]!, multiplier: factors[index]! })),
    };
  });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('earn' as const), m: member, amount: fc.integer({ min: 1, max: 30_000 }) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('spend' as const), m: member, points: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 3_000 })) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('expire' as const), days: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('refund' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rules' as const), rules: rulesArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('floor' as const), m: member, floor: fc.constantFrom(null, null, 'gold', 'diamond') }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('adjust' as const), m: member, points: fc.integer({ min: -200, max: 300 }).filter((n) => n !== 0) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('deposit' as const), m: member, amount: fc.integer({ min: 1_000, max: 50_000 }) }) },
);

interface LotRow {
  id: number;
  member_id: number;
  amount: number;
  remaining: number;
  spendable_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  shortfall: number;
}

/** The invariants' queries, each answering the rows that break it. */
function invariantStatements(store: Store) {
  return {
    balances: store.sqlite.prepare(`
      SELECT w.member_id, a.credits_posted - a.debits_posted AS ledger, (SELECT coalesce(sum(remaining), 0) FROM point_lots l WHERE l.member_id = w.member_id) AS lots
      FROM member_wallets w JOIN accounts a ON a.id = w.account_id WHERE w.currency = 'PTS' AND ledger <> lots`),
    lineage: store.sqlite.prepare(`
      SELECT t.id, t.kind, t.amount, (SELECT coalesce(sum(points), 0) FROM point_moves m WHERE m.transfer_id = t.id) AS moved,
             CASE WHEN t.credit_account_id = w.account_id THEN t.amount ELSE -t.amount END AS expected
      FROM transfers t JOIN member_wallets w ON w.currency = 'PTS' AND (t.debit_account_id = w.account_id OR t.credit_account_id = w.account_id)
      WHERE t.id > ? AND moved <> expected`),
    lastTransfer: store.sqlite.prepare('SELECT coalesce(max(id), 0) FROM transfers').pluck(),
    lots: store.sqlite.prepare(`SELECT l.id, l.remaining, l.amount, l.shortfall FROM point_lots l WHERE l.remaining < 0 OR l.remaining > l.amount OR l.shortfall < 0
      OR l.remaining <> (SELECT sum(points) FROM point_moves m WHERE m.lot_id = l.id)`),
  };
}

interface World {
  store: Store;
  checks: ReturnType<typeof invariantStatements>;
  now: number;
  members: number[];
  payments: { transferId: number; receipt: string; memberId: number }[];
  redemptions: number[];
  keys: number;
  checkedTransfer: number;
}

const TELLER = { username: 'admin', displayName: ADMIN.displayName };

async function openWorld(): Promise<World & { close: () => void }> {
  const world = { now: START } as World & { close: () => void };
  const router = createRouter({ dataDir: tempDataDir(), clock: () => new Date(world.now), background: false });
  await ok(router, 'setup.init', ADMIN);
  const members: number[] = [];
  for (let n = 0; n < MEMBERS; n += 1) members.push((await ok(router, 'members.create', { name: `成员 ${n}`, phone: `1370000000${n}` })).id);
  const store = router.state.requireStore();
  Object.assign(world, { store, checks: invariantStatements(store), members, payments: [], redemptions: [], keys: 0, checkedTransfer: 0, close: () => router.close() });
  // Durability is not under test here: commits skip the fsync, so 10,000 operations fit the time.
  store.sqlite.pragma('synchronous = OFF');
  for (const memberId of members) deposit(world.store, TELLER, { memberId, amount: 200_000, currency: 'CNY', idempotencyKey: key(world) }, at(world), DEMO_HISTORY);
  return world;
}

function key(world: World): string {
  world.keys += 1;
  return `prop-${world.keys}`;
}

const at = (world: World) => new Date(world.now);

function lotsOf(world: World, memberId?: number): LotRow[] {
  const sql = 'SELECT id, member_id, amount, remaining, spendable_at, expires_at, revoked_at, shortfall FROM point_lots';
  return (memberId === undefined ? world.store.sqlite.prepare(`${sql} ORDER BY id`).all() : world.store.sqlite.prepare(`${sql} WHERE member_id = ? ORDER BY id`).all(memberId)) as LotRow[];
}

/** Spending order: soonest expiry first, never-expiring last, then oldest. */
function fefo(a: LotRow, b: LotRow): number {
  if ((a.expires_at === null) !== (b.expires_at === null)) return a.expires_at === null ? 1 : -1;
  if (a.expires_at !== b.expires_at) return a.expires_at! < b.expires_at! ? -1 : 1;
  return a.id - b.id;
}

/** The lots a spend of `points` must take from, re-planned from the lots as they stand. */
function expectedPlan(lots: LotRow[], points: number, when: string): { lotId: number; points: number }[] {
  const plan: { lotId: number; points: number }[] = [];
  let left = points;
  for (const lot of lots.filter((l) => l.remaining > 0 && l.spendable_at <= when && (l.expires_at === null || l.expires_at > when)).sort(fefo)) {
    if (left === 0) break;
    const part = Math.min(left, lot.remaining);
    plan.push({ lotId: lot.id, points: part });
    left -= part;
  }
  return plan;
}

/** Runs `step`; a coded refusal answers its code (and must have changed nothing), anything else fails the run. */
function attempt(world: World, step: () => void): string | null {
  const count = () => world.store.sqlite.prepare(`SELECT (SELECT count(*) FROM transfers) || ':' || (SELECT count(*) FROM point_moves) || ':' || (SELECT total(remaining) FROM point_lots)`).pluck().get();
  const before = count();
  try {
    step();
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(count()).toBe(before);
    return error.code;
  }
}

function tierRank(rules: LoyaltyRules, id: string): number {
  return rules.tiers.findIndex((tier) => tier.id === id);
}

/** The tier each member holds against what their qualifying points and floor give now. */
function tierStanding(world: World): { memberId: number; held: number; due: number }[] {
  const { rules } = savedLoyalty(world.store);
  return world.members.map((memberId) => {
    const row = tierRow(world.store, memberId, rules);
    return { memberId, held: tierRank(rules, row.tier), due: tierRank(rules, tierFor(rules, qualifyingPoints(world.store, memberId, rules, at(world)), row.floor).id) };
  });
}

/** The cheap invariants, after every step; one expect, so a clean step costs only the queries. */
function checkInvariants(world: World): void {
  const { checks } = world;
  const broken = {
    balances: checks.balances.all(),
    lineage: checks.lineage.all(world.checkedTransfer),
    lots: checks.lots.all(),
    tiers: tierStanding(world).filter((standing) => standing.held < standing.due),
  };
  if (Object.values(broken).some((rows) => rows.length > 0)) expect(broken).toEqual({ balances: [], lineage: [], lots: [], tiers: [] });
  world.checkedTransfer = checks.lastTransfer.get() as number;
}

function expectTiersExact(world: World, memberIds: readonly number[] = world.members): void {
  for (const standing of tierStanding(world).filter((s) => memberIds.includes(s.memberId))) expect(standing).toEqual({ ...standing, held: standing.due });
}

function earn(world: World, op: Extract<Op, { t: 'earn' }>): void {
  const memberId = world.members[op.m]!;
  let receipt: { transferIds: number[]; receiptNumber: string } | undefined;
  const code = attempt(world, () => {
    receipt = pay(world.store, TELLER, { memberId, amount: op.amount, currency: 'CNY', merchant: 'Shop', idempotencyKey: key(world) }, at(world), DEMO_HISTORY);
  });
  if (receipt) world.payments.push({ transferId: receipt.transferIds[0]!, receipt: receipt.receiptNumber, memberId });
  else expect(code).toBe('INSUFFICIENT_FUNDS');
}

function spend(world: World, op: Extract<Op, { t: 'spend' }>): void {
  const memberId = world.members[op.m]!;
  const { rules } = savedLoyalty(world.store);
  const lots = lotsOf(world, memberId);
  const wanted = Math.floor(op.points / rules.pointsPerRedemptionUnit) * rules.pointsPerRedemptionUnit;
  const plan = expectedPlan(lots, wanted, at(world).toISOString());
  const spendable = plan.reduce((sum, part) => sum + part.points, 0);
  let lineage: { lotId: number; points: number }[] = [];
  const code = attempt(world, () => {
    const redemption = redeemPoints(world.store, { username: 'admin' }, { memberId, points: op.points, currency: 'CNY', idempotencyKey: key(world) }, at(world));
    world.redemptions.push(redemption.transferIds[0]!);
    lineage = redemption.lineage.map(({ lotId, points }) => ({ lotId, points }));
    expect(redemption.pointsRedeemed).toBe(wanted);
  });
  if (wanted === 0) return void expect(code).toBe('POINTS_BELOW_UNIT');
  if (spendable < wanted) return void expect(code).toBe('POINTS_INSUFFICIENT');
  expect(code).toBeNull();
  expect(lineage).toEqual(plan);
}

function expire(world: World, op: Extract<Op, { t: 'expire' }>): void {
  world.now += op.days * 86_400_000;
  const when = at(world).toISOString();
  const before = lotsOf(world);
  const outcomes = runDueTasks(world.store, DUE_TASKS, 'admin', at(world));
  expect(outcomes.filter((o) => o.error !== null)).toEqual([]);
  const after = new Map(lotsOf(world).map((lot) => [lot.id, lot]));
  for (const lot of before) {
    const due = lot.expires_at !== null && lot.expires_at <= when;
    expect({ id: lot.id, remaining: after.get(lot.id)!.remaining }).toEqual({ id: lot.id, remaining: due ? 0 : lot.remaining });
  }
  expectTiersExact(world);
}

function refund(world: World, op: Extract<Op, { t: 'refund' }>): void {
  if (world.payments.length === 0) return;
  const payment = world.payments[op.pick % world.payments.length]!;
  const lot = lotsOf(world, payment.memberId).find((l) => l.id === world.store.sqlite.prepare(`SELECT id FROM point_lots WHERE rule = 'payment' AND source = ?`).pluck().get(payment.receipt));
  const balance = () => lotsOf(world, payment.memberId).reduce((sum, l) => sum + l.remaining, 0);
  const held = balance();
  const expired = lot ? (world.store.sqlite.prepare(`SELECT -coalesce(sum(m.points), 0) FROM point_moves m JOIN transfers t ON t.id = m.transfer_id WHERE m.lot_id = ? AND t.kind = 'points_expire'`).pluck().get(lot.id) as number) : 0;
  const code = attempt(world, () => reverseOperation(world.store, TELLER, { transferId: payment.transferId, reason: 'returned', idempotencyKey: key(world) }, at(world), DEMO_HISTORY));
  if (code !== null) return void expect(code).toBe('ALREADY_REVERSED');
  if (!lot) return void expect(balance()).toBe(held);
  const owed = lot.amount - expired;
  const revoked = lotsOf(world, payment.memberId).find((l) => l.id === lot.id)!;
  expect(revoked.revoked_at).not.toBeNull();
  expect({ taken: held - balance(), shortfall: revoked.shortfall }).toEqual({ taken: Math.min(owed, held), shortfall: owed - Math.min(owed, held) });
}

function reverse(world: World, op: Extract<Op, { t: 'reverse' }>): void {
  if (world.redemptions.length === 0) return;
  const transferId = world.redemptions[op.pick % world.redemptions.length]!;
  const parts = world.store.sqlite.prepare('SELECT lot_id AS lotId, -points AS points FROM point_moves WHERE transfer_id = ?').all(transferId) as { lotId: number; points: number }[];
  const before = new Map(lotsOf(world).map((lot) => [lot.id, lot]));
  const code = attempt(world, () => reverseRedemption(world.store, { username: 'admin' }, { transferId, reason: 'mistake', idempotencyKey: key(world) }, at(world)));
  if (code !== null) return void expect(['ALREADY_REVERSED', 'INSUFFICIENT_FUNDS']).toContain(code);
  const after = new Map(lotsOf(world).map((lot) => [lot.id, lot]));
  for (const part of parts) {
    const lot = before.get(part.lotId)!;
    expect(after.get(part.lotId)).toEqual({ ...lot, remaining: lot.remaining + part.points });
  }
}

function step(world: World, op: Op): void {
  world.now += 1_000;
  switch (op.t) {
    case 'earn':
      return earn(world, op);
    case 'spend':
      return spend(world, op);
    case 'expire':
      return expire(world, op);
    case 'refund':
      return refund(world, op);
    case 'reverse':
      return reverse(world, op);
    case 'rules':
      updateLoyaltyRules(world.store, 'admin', op.rules, at(world));
      return expectTiersExact(world);
    case 'floor':
      setTierFloor(world.store, 'admin', { memberId: world.members[op.m]!, floor: op.floor, reason: 'property' }, at(world));
      return expectTiersExact(world, [world.members[op.m]!]);
    case 'adjust': {
      const code = attempt(world, () => adjustPoints(world.store, 'admin', { memberId: world.members[op.m]!, points: op.points, reason: 'property', idempotencyKey: key(world) }, at(world)));
      if (code !== null) expect(code).toBe('POINTS_INSUFFICIENT');
      return;
    }
    case 'deposit':
      deposit(world.store, TELLER, { memberId: world.members[op.m]!, amount: op.amount, currency: 'CNY', idempotencyKey: key(world) }, at(world), DEMO_HISTORY);
  }
}

describe('points model', () => {
  // About 35 s of CPU on this machine; the timeout leaves room for a machine busy with other work.
  it(`keeps every points invariant over ${RUNS} × ${OPS_PER_RUN} random earn, spend, expire, refund, reverse and rule-change operations`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: OPS_PER_RUN, maxLength: OPS_PER_RUN }), async (ops) => {
        const world = await openWorld();
        try {
          for (const op of ops) {
            step(world, op);
            checkInvariants(world);
          }
          expire(world, { t: 'expire', days: 1 });
          const report = verifyStore(world.store);
          expect(report.checks.filter((check) => !check.ok)).toEqual([]);
        } finally {
          world.close();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 180_000);
});
