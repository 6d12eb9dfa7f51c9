import type { CheckResult } from '../../src-shared/contract/verify';
import type { AccountKind, TransferState } from '../../src-shared/contract/ledger';
import type { Store } from '../store/store';
import { applyMove, availableBalance, type Totals } from './effects';
import { CHAINED_COLUMNS, GENESIS_HASH, chainHash } from './journal';
import type { AccountRow } from './rows';
import { currencyTotals } from './trial-balance';

// verify replays the whole journal from the genesis hash and checks every ledger invariant
// (DESIGN.md §4). Each check names the first row at fault as `table#id`, so an auditor can find it.

interface ReplayAccount extends Totals {
  kind: AccountKind;
  currency: string;
  noOverdraft: boolean;
}

interface OpenHold {
  amount: number;
  debit: number;
  credit: number;
}

/** What the replay reads of each row; SQLite builds the canonical JSON itself (see journal.ts). */
type RawTransfer = [
  id: number, canonical: string, prevHash: string, hash: string, debit: number, credit: number, amount: number, currency: string,
  state: TransferState, pendingId: number | null, reversesId: number | null, actor: string,
];

const REPLAY_SQL = `SELECT id, json_array(${CHAINED_COLUMNS.join(', ')}), prev_hash, hash, debit_account_id, credit_account_id, amount, currency,
  state, pending_id, reverses_id, actor FROM transfers ORDER BY id`;

class Violations {
  readonly first = new Map<string, { at: string; detail: string }>();
  note(check: string, at: string, detail: string): void {
    if (!this.first.has(check)) this.first.set(check, { at, detail });
  }
}

class Replay {
  /** Indexed by account id: ids are small and dense, and an array beats a Map a million times over. */
  readonly accounts: (ReplayAccount | undefined)[] = [];
  readonly holds = new Map<number, OpenHold>();
  readonly resolved = new Set<number>();
  readonly reversals: { id: number; reversesId: number; debit: number; credit: number; amount: number }[] = [];
  readonly violations = new Violations();
  /** Each actor's transfer ids, for the session rule (trust/trust-checks.ts), gathered in this one pass. */
  readonly actors = new Map<string, number[]>();
  head = GENESIS_HASH;
  count = 0;
  private chainBroken = false;

  constructor(rows: AccountRow[]) {
    for (const row of rows) {
      this.accounts[row.id] = { kind: row.kind, currency: row.currency, noOverdraft: row.no_overdraft === 1, debitsPosted: 0, creditsPosted: 0, debitsPending: 0, creditsPending: 0 };
    }
  }

  /** The chain: contiguous ids, each row pointing at the previous hash and hashing to its own. */
  chain(raw: RawTransfer): void {
    if (this.chainBroken) return;
    const id = raw[0];
    const prevHash = raw[2];
    const hash = raw[3];
    if (id !== this.count || prevHash !== this.head || chainHash(prevHash, raw[1]) !== hash) {
      this.chainBroken = true;
      this.violations.note('ledger.chain', `transfers#${id}`, `transfer ${id} does not match its hash or its place in the chain`);
      return;
    }
    this.head = hash;
  }

  noteActor(id: number, actor: string): void {
    const ids = this.actors.get(actor);
    if (ids) ids.push(id);
    else this.actors.set(actor, [id]);
  }

  /** A post or void resolves an open hold on the same accounts, once, for no more than it holds. */
  holdAmountFor(id: number, state: TransferState, pendingId: number | null, debit: number, credit: number, amount: number): number {
    if (state === 'pending') this.holds.set(id, { amount, debit, credit });
    if (state !== 'post_pending' && state !== 'void_pending') return 0;
    const hold = pendingId === null ? undefined : this.holds.get(pendingId);
    if (!hold || this.resolved.has(pendingId!)) {
      this.violations.note('ledger.holds', `transfers#${id}`, `transfer ${id} resolves hold ${String(pendingId)}, which is not an open hold`);
      return 0;
    }
    this.resolved.add(pendingId!);
    this.holds.delete(pendingId!);
    const fits = state === 'post_pending' ? amount <= hold.amount : amount === hold.amount;
    if (!fits || hold.debit !== debit || hold.credit !== credit) {
      this.violations.note('ledger.holds', `transfers#${id}`, `transfer ${id} does not match hold ${pendingId}`);
    }
    return hold.amount;
  }

  move(raw: RawTransfer): void {
    const id = raw[0];
    const debitId = raw[4];
    const creditId = raw[5];
    const amount = raw[6];
    const currency = raw[7];
    const state = raw[8];
    const debit = this.accounts[debitId];
    const credit = this.accounts[creditId];
    if (!debit || !credit || debit.currency !== currency || credit.currency !== currency || debitId === creditId || !(amount > 0)) {
      this.violations.note('ledger.transfers', `transfers#${id}`, `transfer ${id} does not join two distinct accounts of its currency with a positive amount`);
      return;
    }
    const holdAmount = state === 'posted' ? 0 : this.holdAmountFor(id, state, raw[9], debitId, creditId, amount);
    if (state === 'reversal') this.reversals.push({ id, reversesId: raw[10] ?? 0, debit: debitId, credit: creditId, amount });
    applyMove(debit, 'debit', state, amount, holdAmount);
    applyMove(credit, 'credit', state, amount, holdAmount);
    const overdrawn = (debit.noOverdraft && availableBalance(debit.kind, debit) < 0) || (credit.noOverdraft && availableBalance(credit.kind, credit) < 0);
    if (overdrawn) this.violations.note('ledger.no_overdraft', `transfers#${id}`, `transfer ${id} took a no-overdraft account below zero`);
  }
}

function checkReversals(store: Store, replay: Replay): void {
  const original = store.sqlite.prepare<[number], { state: string; debit_account_id: number; credit_account_id: number; amount: number }>(
    'SELECT state, debit_account_id, credit_account_id, amount FROM transfers WHERE id = ?',
  );
  const seen = new Set<number>();
  for (const r of replay.reversals) {
    const row = r.reversesId < r.id ? original.get(r.reversesId) : undefined;
    const mirrors = row && (row.state === 'posted' || row.state === 'post_pending') && row.debit_account_id === r.credit && row.credit_account_id === r.debit && row.amount === r.amount;
    if (!mirrors || seen.has(r.reversesId)) {
      replay.violations.note('ledger.reversals', `transfers#${r.id}`, `transfer ${r.id} is not the one reversal of a posted transfer ${r.reversesId}`);
    }
    seen.add(r.reversesId);
  }
}

function checkTotals(accounts: AccountRow[], replay: Replay): void {
  for (const row of accounts) {
    const replayed = replay.accounts[row.id]!;
    const same = row.debits_posted === replayed.debitsPosted && row.credits_posted === replayed.creditsPosted
      && row.debits_pending === replayed.debitsPending && row.credits_pending === replayed.creditsPending;
    if (!same) replay.violations.note('ledger.totals', `accounts#${row.id}`, `account ${row.code}'s running totals differ from a replay of its transfers`);
  }
}

function checkBalanced(store: Store, replay: Replay): void {
  for (const totals of currencyTotals(store)) {
    if (!totals.balanced) replay.violations.note('ledger.balanced', `currency ${totals.currency}`, `${totals.currency} debits and credits differ`);
  }
}

const CHECKS: { name: string; ok: (r: Replay) => string }[] = [
  { name: 'ledger.chain', ok: (r) => `${r.count} transfers, chain intact` },
  { name: 'ledger.transfers', ok: () => 'every transfer joins two accounts of its currency' },
  { name: 'ledger.balanced', ok: () => 'debits equal credits in every currency, posted and pending' },
  { name: 'ledger.totals', ok: (r) => `${r.accounts.filter(Boolean).length} accounts match a replay of the journal` },
  { name: 'ledger.no_overdraft', ok: () => 'no no-overdraft account ever went below zero' },
  { name: 'ledger.holds', ok: (r) => `every hold resolved at most once; ${r.holds.size} still open` },
  { name: 'ledger.reversals', ok: (r) => `${r.reversals.length} reversals, each undoing one posted transfer once` },
];

/**
 * Replays the journal in one read transaction and reports every check; `head` is the journal's
 * chain head, `actors` each actor's transfer ids.
 */
export function verifyLedger(store: Store): { checks: CheckResult[]; head: string; actors: Map<string, number[]> } {
  return store.sqlite
    .transaction(() => {
      const accounts = store.sqlite.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY id').all();
      const replay = new Replay(accounts);
      const rows = store.sqlite.prepare(REPLAY_SQL).raw().iterate() as IterableIterator<RawTransfer>;
      for (const raw of rows) {
        replay.count += 1;
        replay.chain(raw);
        replay.move(raw);
        replay.noteActor(raw[0], raw[11]);
      }
      checkReversals(store, replay);
      checkTotals(accounts, replay);
      checkBalanced(store, replay);
      const counts = { transfers: replay.count, accounts: accounts.length };
      const checks = CHECKS.map(({ name, ok }) => {
        const violation = replay.violations.first.get(name);
        return violation
          ? { name, ok: false, detail: violation.detail, counts, firstViolation: violation.at }
          : { name, ok: true, detail: ok(replay), counts, firstViolation: null };
      });
      return { checks, head: replay.head, actors: replay.actors };
    })
    .deferred();
}
