import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src-main/store/store';
import {
  closeAccount, createAccount, ensureSystemAccounts, placeHold, postHold, postLinked, postTransfer, reverseTransfer, systemAccount, verifyLedger,
  voidHold, type Transfer,
} from '../../src-main/ledger';
import { tempDataDir } from '../support/temp-data';
import { LedgerModel, type Leg, type Outcome } from './ledger-model';

// Random sequences of ledger operations (deposits, withdrawals, payments with fees, member
// transfers, holds, posts, voids, reversals, replays of keys and invalid requests) run against
// the engine and against LedgerModel. After every operation the outcomes must agree and the
// cheap invariants must hold; after every sequence the full verify must be clean.

const RUNS = 20;
const OPS_PER_RUN = 500;

type Op =
  | { t: 'deposit' | 'withdraw' | 'hold'; w: number; amount: number }
  | { t: 'pay'; w: number; amount: number; fee: number }
  | { t: 'move'; from: number; to: number; amount: number }
  | { t: 'post'; pick: number; amount: number | null }
  | { t: 'void' | 'reverse'; pick: number }
  | { t: 'replay'; pick: number; mutate: boolean }
  | { t: 'invalid'; what: 'float' | 'zero' | 'negative' | 'huge' | 'currency' | 'closed' | 'unknown'; w: number };

const wallet = fc.integer({ min: 0, max: 3 });
const amount = fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 20_000 }));
const pick = fc.nat({ max: 10_000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('deposit' as const), w: wallet, amount }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('withdraw' as const), w: wallet, amount }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('pay' as const), w: wallet, amount, fee: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('move' as const), from: wallet, to: wallet, amount }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('hold' as const), w: wallet, amount }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('post' as const), pick, amount: fc.option(fc.integer({ min: 1, max: 3_000 })) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('void' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('replay' as const), pick, mutate: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('invalid' as const), what: fc.constantFrom('float', 'zero', 'negative', 'huge', 'currency', 'closed', 'unknown'), w: wallet }) },
);

interface World {
  store: Store;
  model: LedgerModel;
  cash: number;
  merchant: number;
  fees: number;
  wallets: number[];
  usdWallet: number;
  closedWallet: number;
  /** Successful requests that can be replayed, with the ids they wrote. */
  done: { call: (mutate: boolean) => unknown; ids: number[] }[];
  keys: number;
}

async function openWorld(): Promise<World> {
  const store = await createStore(tempDataDir(), randomBytes(32));
  ensureSystemAccounts(store, 'USD');
  const member = (n: number, currency = 'CNY') =>
    createAccount(store, { code: `W-${n}-${currency}`, name: `Wallet ${n}`, kind: 'liability', currency, ownerType: 'member', ownerId: n, noOverdraft: true }).id;
  const wallets = [1, 2, 3, 4].map((n) => member(n));
  const usdWallet = member(5, 'USD');
  const closedWallet = member(6);
  closeAccount(store, closedWallet, 'admin');
  const rows = store.sqlite.prepare('SELECT id, kind, currency, no_overdraft, closed FROM accounts').all() as { id: number; kind: 'asset'; currency: string; no_overdraft: number; closed: number }[];
  const model = new LedgerModel(rows.map((r) => ({ id: r.id, kind: r.kind, currency: r.currency, noOverdraft: r.no_overdraft === 1, closed: r.closed === 1 })));
  const role = (name: 'branch_cash' | 'merchant_settlement' | 'fee_income') => systemAccount(store, name, 'CNY').id;
  return { store, model, cash: role('branch_cash'), merchant: role('merchant_settlement'), fees: role('fee_income'), wallets, usdWallet, closedWallet, done: [], keys: 0 };
}

function transferRequest(world: World, leg: Leg, kind: string) {
  world.keys += 1;
  return { idempotencyKey: `p-${world.keys}`, debitAccountId: leg.debit, creditAccountId: leg.credit, amount: leg.amount, kind, actor: 'prop' };
}

/** The engine call for an operation, and the model's prediction of its outcome. */
function plan(world: World, op: Op): { predicted: Outcome; call: (mutate: boolean) => Transfer | Transfer[] } | { replayOf: number; mutate: boolean } {
  const { model } = world;
  const w = (i: number) => world.wallets[i]!;
  const single = (leg: Leg, kind: string, state: 'posted' | 'pending') => {
    const request = transferRequest(world, leg, kind);
    const run = state === 'posted' ? postTransfer : placeHold;
    return { predicted: model.movement(leg, state), call: (mutate: boolean) => run(world.store, mutate ? { ...request, amount: request.amount + 1 } : request) };
  };
  // Mostly a transfer the operation fits (an open hold, a reversible transfer), sometimes any id at all.
  const pickId = (n: number, fits: (t: (typeof model.transfers)[number]) => boolean) => {
    const candidates = n % 6 === 0 ? model.transfers : model.transfers.filter(fits);
    const from = candidates.length > 0 ? candidates : model.transfers;
    return from.length === 0 ? 1 + (n % 3) : from[n % from.length]!.id;
  };
  const openHold = (t: { state: string; resolvedBy: number | null }) => t.state === 'pending' && t.resolvedBy === null;
  world.keys += 1;
  const key = `p-${world.keys}`;
  switch (op.t) {
    case 'deposit': return single({ debit: world.cash, credit: w(op.w), amount: op.amount }, 'deposit', 'posted');
    case 'withdraw': return single({ debit: w(op.w), credit: world.cash, amount: op.amount }, 'withdrawal', 'posted');
    case 'move': return single({ debit: w(op.from), credit: w(op.to), amount: op.amount }, 'member_transfer', 'posted');
    case 'hold': return single({ debit: w(op.w), credit: world.merchant, amount: op.amount }, 'card_auth', 'pending');
    case 'pay': {
      const legs = [{ debit: w(op.w), credit: world.merchant, amount: op.amount }, { debit: w(op.w), credit: world.fees, amount: op.fee }];
      const requests = [transferRequest(world, legs[0]!, 'payment'), transferRequest(world, legs[1]!, 'fee')];
      return { predicted: model.linked(legs), call: (mutate) => postLinked(world.store, mutate ? [requests[0]!, { ...requests[1]!, amount: requests[1]!.amount + 1 }] : requests) };
    }
    case 'post': {
      const holdId = pickId(op.pick, openHold);
      // A replay that changes the amount must differ from what was posted: a full post posted the hold's amount.
      const posted = op.amount ?? model.transfers[holdId - 1]?.amount ?? 0;
      return { predicted: model.resolve(holdId, op.amount, 'post_pending'), call: (mutate) => postHold(world.store, { holdId, amount: mutate ? posted + 7 : (op.amount ?? undefined), idempotencyKey: key, actor: 'prop' }) };
    }
    case 'void': {
      const holdId = pickId(op.pick, openHold);
      return { predicted: model.resolve(holdId, null, 'void_pending'), call: (mutate) => (mutate ? postHold : voidHold)(world.store, { holdId, idempotencyKey: key, actor: 'prop' }) };
    }
    case 'reverse': {
      const transferId = pickId(op.pick, (t) => (t.state === 'posted' || t.state === 'post_pending') && t.reversedBy === null);
      return { predicted: model.reverse(transferId), call: (mutate) => reverseTransfer(world.store, { transferId, reason: mutate ? 'other reason' : 'property test', idempotencyKey: key, actor: 'prop' }) };
    }
    case 'replay': return { replayOf: op.pick, mutate: op.mutate };
    case 'invalid': return invalidPlan(world, op);
  }
}

function invalidPlan(world: World, op: Extract<Op, { t: 'invalid' }>) {
  const target = world.wallets[op.w]!;
  const legs: Record<typeof op.what, Leg> = {
    float: { debit: world.cash, credit: target, amount: 10.5 },
    zero: { debit: world.cash, credit: target, amount: 0 },
    negative: { debit: world.cash, credit: target, amount: -10 },
    huge: { debit: world.cash, credit: target, amount: Number.MAX_SAFE_INTEGER + 2 },
    currency: { debit: target, credit: world.usdWallet, amount: 1 },
    closed: { debit: world.cash, credit: world.closedWallet, amount: 1 },
    unknown: { debit: world.cash, credit: 999_999, amount: 1 },
  };
  const request = transferRequest(world, legs[op.what], 'deposit');
  return { predicted: world.model.movement(legs[op.what], 'posted'), call: () => postTransfer(world.store, request) };
}

function attempt(call: () => unknown): { code: string } | { value: unknown } {
  try {
    return { value: call() };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (!code) throw error;
    return { code };
  }
}

interface JournalTail { id: number; hash: string }

/** The cheap invariants, after every operation. */
function checkInvariants(world: World, before: JournalTail, written: number): JournalTail {
  const { store, model } = world;
  const sums = store.sqlite.prepare('SELECT currency, sum(debits_posted) - sum(credits_posted) AS posted, sum(debits_pending) - sum(credits_pending) AS pending FROM accounts GROUP BY currency').all() as { posted: number; pending: number }[];
  for (const s of sums) expect(s).toMatchObject({ posted: 0, pending: 0 });
  expect(store.sqlite.prepare('SELECT id, debits_posted, credits_posted, debits_pending, credits_pending FROM accounts ORDER BY id').all()).toEqual(model.totalsRows());
  const overdrawn = store.sqlite.prepare(`SELECT count(*) FROM accounts WHERE no_overdraft = 1 AND credits_posted - debits_posted - debits_pending < 0`).pluck().get();
  expect(overdrawn).toBe(0);
  const tail = (store.sqlite.prepare('SELECT id, hash FROM transfers ORDER BY id DESC LIMIT 1').get() as JournalTail | undefined) ?? { id: 0, hash: '0'.repeat(64) };
  expect(tail.id).toBe(before.id + written);
  if (written > 0) {
    const first = store.sqlite.prepare('SELECT prev_hash FROM transfers WHERE id = ?').pluck().get(before.id + 1);
    expect(first).toBe(before.hash);
  } else {
    expect(tail.hash).toBe(before.hash);
  }
  return tail;
}

function step(world: World, op: Op, tail: JournalTail): JournalTail {
  const planned = plan(world, op);
  if ('replayOf' in planned) {
    if (world.done.length === 0) return tail;
    const original = world.done[planned.replayOf % world.done.length]!;
    const outcome = attempt(() => original.call(planned.mutate));
    if (planned.mutate) expect(outcome).toEqual({ code: 'IDEMPOTENCY_CONFLICT' });
    else expect(([] as Transfer[]).concat((outcome as { value: Transfer | Transfer[] }).value).map((t) => t.id)).toEqual(original.ids);
    return checkInvariants(world, tail, 0);
  }
  const outcome = attempt(() => planned.call(false));
  if ('code' in planned.predicted) {
    expect(outcome, JSON.stringify(op)).toEqual({ code: planned.predicted.code });
    return checkInvariants(world, tail, 0);
  }
  const ids = planned.predicted.written.map((t) => t.id);
  expect('value' in outcome && ([] as Transfer[]).concat(outcome.value as Transfer).map((t) => t.id), JSON.stringify(op)).toEqual(ids);
  world.done.push({ call: planned.call, ids });
  return checkInvariants(world, tail, ids.length);
}

describe('the ledger against its model', () => {
  it(`agrees on ${RUNS} × ${OPS_PER_RUN} random operations and keeps every invariant`, async () => {
    let operations = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: OPS_PER_RUN, maxLength: OPS_PER_RUN }), async (ops) => {
        const world = await openWorld();
        try {
          let tail: JournalTail = { id: 0, hash: '0'.repeat(64) };
          for (const op of ops) {
            tail = step(world, op, tail);
            operations += 1;
          }
          const { checks, head } = verifyLedger(world.store);
          expect(checks.filter((c) => !c.ok)).toEqual([]);
          expect(head).toBe(tail.hash);
        } finally {
          world.store.close();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(operations).toBeGreaterThanOrEqual(RUNS * OPS_PER_RUN);
  }, 300_000);
});
