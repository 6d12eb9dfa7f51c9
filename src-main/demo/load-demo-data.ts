import { AppError } from '../../src-shared/errors';
import { memberNumberFor } from '../../src-shared/member-number';
import { postBulk, type TransferRequest } from '../ledger';
import { createMembers, freezeMember } from '../members/member-service';
import { countMembers, type MemberRow } from '../members/member-repo';
import { walletBalances } from '../members/member-balances';
import { findWalletAccountId } from '../members/member-wallets';
import { downgradeTiers } from '../points/tier-review';
import { expireDueLots } from '../points/expiry';
import { readSettings } from '../settings/settings-service';
import type { Store } from '../store/store';
import type { Signer } from '../trust/signer';
import type { Teller } from '../wallets/receipts';
import { deposit, pay, transferBetweenMembers, withdraw } from '../wallets/teller-operations';
import { reverseOperation } from '../wallets/wallet-reversal';
import { DEMO_HISTORY } from '../wallets/counter-limits';
import { depositLegs, memberTransferLegs, operatorAccounts, paymentLegs, withdrawalLegs, type LegContext } from '../wallets/wallet-legs';
import { DemoActivity, transfersOf, type DemoOperation } from './activity';
import { drawnEvents, referralEvents, writePointsPast, type PointsEvent, type PointsTally } from './demo-points';
import { writeCardsDemo, type CardsTally } from './demo-cards';
import { writePayoutsDemo, type PayoutsTally } from './demo-payouts';
import { samplePeople, seededRandom, type Random } from './sample-people';

// Deterministic demo data through the real services. Same seed, same data: people, times,
// amounts and keys all come from the seed, and the clock is derived from it too.
// - members register through the member service (wallets, audit rows, gram and trigram indexes);
// - the history is posted through the ledger's bulk API, built by the same leg builders as the
//   counter (no receipts: it stands for activity before this workstation);
// - the points of that past (referrals, payments, reviews, expiries, redemptions) follow in time
//   order through the points services (demo-points.ts);
// - the most recent operations go through the teller services and carry receipts (payments earn
//   points), and one payment in twenty is refunded (taking its points back);
// - then cards: programs, virtual cards (some frozen, cancelled, replaced), a few days of
//   authorizations and captures, and members' own bank cards (demo-cards.ts);
// - then payouts: the funding account funded, a batch paid (approved by a finance colleague the
//   demo adds), one waiting for approval and a draft with errors (demo-payouts.ts);
// - finally the lots due expire, the tier review runs, and one member in a hundred is frozen
//   (their cards show as blocked by member).
// The past spans eighteen months, so that the oldest points have expired by the end.

const DAY = 86_400_000;
/** Days from the demo's day 0: members join until JOINED, the bulk history runs until HISTORY, redemptions until COUNTER, the counter's day, and the demo ends at END. */
const JOINED = 90;
const HISTORY = 530;
const COUNTER = 540;
const END = 545;
/** The first counter payment and every REFUNDED-th after it are refunded. */
const REFUNDED = 20;
/** The share of operations that go through the counter with receipts, at most COUNTER_MAX. */
const COUNTER_SHARE = 0.02;
const COUNTER_MAX = 2_000;

export interface DemoPlan {
  members: number;
  transfers: number;
  seed: number;
}

export interface DemoSummary {
  members: number;
  frozen: number;
  transfers: number;
  receipts: number;
  /** Sum of every member wallet, in fen. */
  walletTotal: number;
  from: string;
  to: string;
  points: PointsTally & { refunds: number; lotsExpiredAtEnd: number; tiersLowered: number };
  cards: CardsTally;
  payouts: PayoutsTally;
}

/** The demo's clock: day 0 is 2025-01-01 plus (seed mod 365) days. */
function demoStart(seed: number): number {
  return Date.UTC(2025, 0, 1) + (((seed % 365) + 365) % 365) * DAY;
}

function assertEmpty(store: Store, plan: DemoPlan): void {
  const n = countMembers(store);
  if (n > 0) throw new AppError('INVALID_INPUT', `This data folder already holds ${n} members; demo data goes into a fresh one.`, { field: 'data' });
  if (plan.members === 0 && plan.transfers > 0) throw new AppError('INVALID_INPUT', 'Transfers need members to move money between.', { field: 'transfers' });
}

function registerMembers(store: Store, teller: Teller, plan: DemoPlan, random: Random, start: number): MemberRow[] {
  const people = samplePeople(random, plan.members);
  const step = Math.floor((JOINED * DAY) / Math.max(1, plan.members));
  const entries = people.map((member, index) => {
    // One member in ten was referred by someone who joined before them.
    const referrer = index > 0 && random() < 0.1 ? memberNumberFor(1 + Math.floor(random() * index)) : undefined;
    return { member: referrer ? { ...member, referredBy: referrer } : member, at: new Date(start + index * step) };
  });
  return createMembers(store, teller.username, entries, 2_000);
}

/** Draws operations until they post exactly `transfers` ledger transfers. */
function drawOperations(activity: DemoActivity, transfers: number): DemoOperation[] {
  const operations: DemoOperation[] = [];
  let left = transfers;
  while (left > 0) {
    const op = activity.next(left);
    left -= transfersOf(op);
    operations.push(op);
  }
  return operations;
}

/** The history's transfers, and the payments among them, which earn points. */
function history(store: Store, teller: Teller, members: MemberRow[], operations: DemoOperation[], seed: number, start: number, end: number): { requests: TransferRequest[]; payments: PointsEvent[] } {
  const accounts = operatorAccounts(store, 'CNY');
  const wallets = members.map((member) => findWalletAccountId(store, member.id, 'CNY')!);
  const step = (end - start) / Math.max(1, operations.length);
  const payments: PointsEvent[] = [];
  const requests = operations.flatMap((op, index) => {
    const ctx: LegContext = { key: `demo-${seed}-${index}`, actor: teller.username, at: new Date(start + Math.floor(index * step)) };
    const wallet = wallets[op.member]!;
    if (op.operation === 'deposit') return depositLegs(ctx, accounts, wallet, op.amount);
    if (op.operation === 'withdrawal') return withdrawalLegs(ctx, accounts, wallet, op.amount);
    if (op.operation === 'payment') {
      const legs = paymentLegs(ctx, accounts, wallet, op.amount, op.fee, op.merchant);
      payments.push({ at: ctx.at.getTime(), kind: 'payment', payment: { member: members[op.member]!, amount: op.amount, currency: 'CNY', paymentKey: legs[0]!.idempotencyKey, at: ctx.at } });
      return legs;
    }
    return memberTransferLegs(ctx, wallet, wallets[op.payee]!, op.amount);
  });
  return { requests, payments };
}

/** Answers the payment's first transfer, to refund it later. */
function counterOperation(store: Store, teller: Teller, memberIds: number[], op: DemoOperation, key: string, at: Date): number | null {
  const base = { memberId: memberIds[op.member]!, amount: op.amount, currency: 'CNY', idempotencyKey: key };
  if (op.operation === 'deposit') deposit(store, teller, base, at, DEMO_HISTORY);
  else if (op.operation === 'withdrawal') withdraw(store, teller, base, at, DEMO_HISTORY);
  else if (op.operation === 'payment') return pay(store, teller, { ...base, merchant: op.merchant }, at, DEMO_HISTORY).transferIds[0]!;
  else transferBetweenMembers(store, teller, { fromMemberId: base.memberId, toMemberId: memberIds[op.payee]!, amount: op.amount, currency: 'CNY', idempotencyKey: key }, at, DEMO_HISTORY);
  return null;
}

/** Runs the counter operations in chunks of one commit each; every operation is a savepoint inside. Answers the payments' first transfers. */
function runCounter(store: Store, teller: Teller, memberIds: number[], operations: DemoOperation[], seed: number, start: number): number[] {
  const payments: number[] = [];
  for (let first = 0; first < operations.length; first += 500) {
    store.sqlite.transaction(() => {
      operations.slice(first, first + 500).forEach((op, offset) => {
        const index = first + offset;
        const payment = counterOperation(store, teller, memberIds, op, `demo-${seed}-counter-${index}`, new Date(start + index * 60_000));
        if (payment !== null) payments.push(payment);
      });
    }).immediate();
  }
  return payments;
}

/** Refunds one counter payment in REFUNDED at `at`: the money goes back and the points it earned are taken back. */
function refundSome(store: Store, teller: Teller, payments: number[], seed: number, at: Date): number {
  const refunded = payments.filter((_, index) => index % REFUNDED === 0);
  store.sqlite.transaction(() => {
    refunded.forEach((transferId, index) => {
      reverseOperation(store, teller, { transferId, reason: 'Demo: goods returned', idempotencyKey: `demo-${seed}-refund-${index}` }, at, DEMO_HISTORY);
    });
  }).immediate();
  return refunded.length;
}

/** `loader` is the admin loading the demo, and the real time of the load (payout approval needs a second, signed-in person: see demo-payouts.ts). */
export async function loadDemoData(store: Store, teller: Teller, plan: DemoPlan, loader: { signer: Signer; now: Date }): Promise<DemoSummary> {
  assertEmpty(store, plan);
  const random = seededRandom(plan.seed);
  const start = demoStart(plan.seed);
  const day = (n: number) => start + n * DAY;
  const members = registerMembers(store, teller, plan, random, start);
  const memberIds = members.map((member) => member.id);
  const activity = new DemoActivity(random, memberIds.length, readSettings(store).paymentFeeBps);
  const counterTransfers = Math.min(COUNTER_MAX, Math.floor(plan.transfers * COUNTER_SHARE));
  const past = history(store, teller, members, drawOperations(activity, plan.transfers - counterTransfers), plan.seed, day(JOINED), day(HISTORY));
  postBulk(store, past.requests, { chunkSize: 20_000 });
  // The points draw from a stream of their own, so the members and money stay what they were.
  const pointsRandom = seededRandom(plan.seed + 0x5054);
  const tally = writePointsPast(store, teller, plan.seed, [...referralEvents(members), ...past.payments, ...drawnEvents(pointsRandom, memberIds, day(JOINED), day(HISTORY), day(COUNTER))]);
  const counter = drawOperations(activity, counterTransfers);
  const payments = runCounter(store, teller, memberIds, counter, plan.seed, day(COUNTER));
  const refunds = refundSome(store, teller, payments, plan.seed, new Date(day(COUNTER + 3)));
  // The cards draw from a stream of their own too, so the earlier parts stay what they were.
  const cards = writeCardsDemo(store, teller.username, members, seededRandom(plan.seed + 0x4341), plan.seed, day(COUNTER + 3) + 3_600_000);
  const payouts = await writePayoutsDemo(store, loader.signer, members, seededRandom(plan.seed + 0x5041), plan.seed, day(COUNTER + 4) + 8 * 3_600_000, loader.now);
  const end = new Date(day(END));
  const lotsExpiredAtEnd = expireDueLots(store, teller.username, end).lots;
  const { downgraded } = downgradeTiers(store, teller.username, end);
  const frozen = memberIds.filter(() => random() < 0.01);
  for (const id of frozen) freezeMember(store, teller.username, id, 'Demo: card reported lost', end);
  return {
    members: memberIds.length,
    frozen: frozen.length,
    transfers: plan.transfers,
    receipts: counter.length + refunds,
    walletTotal: [...walletBalances(store, memberIds, 'CNY').values()].reduce((sum, b) => sum + b, 0),
    from: new Date(start).toISOString(),
    to: end.toISOString(),
    points: { ...tally, refunds, lotsExpiredAtEnd, tiersLowered: downgraded },
    cards,
    payouts,
  };
}
