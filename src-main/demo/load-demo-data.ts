import { AppError } from '../../src-shared/errors';
import { memberNumberFor } from '../../src-shared/member-number';
import { postBulk, type TransferRequest } from '../ledger';
import { createMembers, freezeMember } from '../members/member-service';
import { countMembers } from '../members/member-repo';
import { findWalletAccountId } from '../members/member-wallets';
import { readSettings } from '../settings/settings-service';
import type { Store } from '../store/store';
import type { Teller } from '../wallets/receipts';
import { deposit, pay, transferBetweenMembers, withdraw } from '../wallets/teller-operations';
import { DEMO_HISTORY } from '../wallets/counter-limits';
import { depositLegs, memberTransferLegs, operatorAccounts, paymentLegs, withdrawalLegs, type LegContext } from '../wallets/wallet-legs';
import { DemoActivity, transfersOf, type DemoOperation } from './activity';
import { samplePeople, seededRandom, type Random } from './sample-people';

// Deterministic demo data through the real services. Same seed, same data: people, times,
// amounts and keys all come from the seed, and the clock is derived from it too.
// - members register through the member service (wallets, audit rows, gram and trigram indexes);
// - the history is posted through the ledger's bulk API, built by the same leg builders as the
//   counter (no receipts: it stands for activity before this workstation);
// - the most recent operations go through the teller services and carry receipts;
// - finally one member in a hundred is frozen.

const DAY = 86_400_000;
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

function registerMembers(store: Store, teller: Teller, plan: DemoPlan, random: Random, start: number): number[] {
  const people = samplePeople(random, plan.members);
  const step = Math.floor((90 * DAY) / Math.max(1, plan.members));
  const entries = people.map((member, index) => {
    // One member in ten was referred by someone who joined before them.
    const referrer = index > 0 && random() < 0.1 ? memberNumberFor(1 + Math.floor(random() * index)) : undefined;
    return { member: referrer ? { ...member, referredBy: referrer } : member, at: new Date(start + index * step) };
  });
  return createMembers(store, teller.username, entries, 2_000).map((row) => row.id);
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

function historyRequests(store: Store, teller: Teller, memberIds: number[], operations: DemoOperation[], seed: number, start: number, end: number): TransferRequest[] {
  const accounts = operatorAccounts(store, 'CNY');
  const wallets = memberIds.map((id) => findWalletAccountId(store, id, 'CNY')!);
  const step = (end - start) / Math.max(1, operations.length);
  return operations.flatMap((op, index) => {
    const ctx: LegContext = { key: `demo-${seed}-${index}`, actor: teller.username, at: new Date(start + Math.floor(index * step)) };
    const wallet = wallets[op.member]!;
    if (op.operation === 'deposit') return depositLegs(ctx, accounts, wallet, op.amount);
    if (op.operation === 'withdrawal') return withdrawalLegs(ctx, accounts, wallet, op.amount);
    if (op.operation === 'payment') return paymentLegs(ctx, accounts, wallet, op.amount, op.fee, op.merchant);
    return memberTransferLegs(ctx, wallet, wallets[op.payee]!, op.amount);
  });
}

function counterOperation(store: Store, teller: Teller, memberIds: number[], op: DemoOperation, key: string, at: Date): void {
  const base = { memberId: memberIds[op.member]!, amount: op.amount, currency: 'CNY', idempotencyKey: key };
  if (op.operation === 'deposit') deposit(store, teller, base, at, DEMO_HISTORY);
  else if (op.operation === 'withdrawal') withdraw(store, teller, base, at, DEMO_HISTORY);
  else if (op.operation === 'payment') pay(store, teller, { ...base, merchant: op.merchant }, at, DEMO_HISTORY);
  else transferBetweenMembers(store, teller, { fromMemberId: base.memberId, toMemberId: memberIds[op.payee]!, amount: op.amount, currency: 'CNY', idempotencyKey: key }, at, DEMO_HISTORY);
}

/** Runs the counter operations in chunks of one commit each; every operation is a savepoint inside. */
function runCounter(store: Store, teller: Teller, memberIds: number[], operations: DemoOperation[], seed: number, start: number): void {
  for (let first = 0; first < operations.length; first += 500) {
    store.sqlite.transaction(() => {
      operations.slice(first, first + 500).forEach((op, offset) => {
        const index = first + offset;
        counterOperation(store, teller, memberIds, op, `demo-${seed}-counter-${index}`, new Date(start + index * 60_000));
      });
    }).immediate();
  }
}

export function loadDemoData(store: Store, teller: Teller, plan: DemoPlan): DemoSummary {
  assertEmpty(store, plan);
  const random = seededRandom(plan.seed);
  const start = demoStart(plan.seed);
  const memberIds = registerMembers(store, teller, plan, random, start);
  const activity = new DemoActivity(random, memberIds.length, readSettings(store).paymentFeeBps);
  const counterTransfers = Math.min(COUNTER_MAX, Math.floor(plan.transfers * COUNTER_SHARE));
  const history = drawOperations(activity, plan.transfers - counterTransfers);
  postBulk(store, historyRequests(store, teller, memberIds, history, plan.seed, start + 90 * DAY, start + 360 * DAY), { chunkSize: 5_000 });
  const counter = drawOperations(activity, counterTransfers);
  runCounter(store, teller, memberIds, counter, plan.seed, start + 360 * DAY);
  const end = start + 365 * DAY;
  const frozen = memberIds.filter(() => random() < 0.01);
  for (const id of frozen) freezeMember(store, teller.username, id, 'Demo: card reported lost', new Date(end));
  return {
    members: memberIds.length,
    frozen: frozen.length,
    transfers: plan.transfers,
    receipts: counter.length,
    walletTotal: activity.balances.reduce((sum, b) => sum + b, 0),
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
  };
}
