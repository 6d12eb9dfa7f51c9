import type { ChainTip, CheckResult, VerifyReport } from '../../src-shared/contract/verify';
import type { Store } from '../store/store';

// `verify` is a registry: each domain (store, audit, ledger, members, wallets, and next points,
// cards, payouts) declares a Verifier for its own invariants, and src-main/registry lists them.
// Verifiers only SELECT: backup, restore and rekey run verify on the live data and refuse when it
// changed meanwhile.

/**
 * What one verifier's pass leaves for a later one, so that no table is read twice: reading every
 * transfer costs seconds at a million rows.
 */
export interface VerifyContext {
  /** Each actor's transfer ids in order, from the ledger's replay (the session rule needs them). */
  journalActors?: Map<string, number[]>;
}

export interface Verifier {
  /** The domain whose invariants these are. */
  domain: string;
  /**
   * Every check of the domain, each with its name, ok, counts and the first violation as
   * `table#id`, and the hash chains the domain keeps (`journal`, `audit`): their heads, which
   * reports quote, and their lengths and last ids, which anchors compare.
   */
  run(store: Store, context: VerifyContext): { checks: CheckResult[]; chains?: Record<string, ChainTip>; trustFingerprint?: string | null };
}

/**
 * One verify in progress: the checks, chains and trust fingerprint of the verifiers run so far,
 * and what they leave each other. `runVerifiers` drives it in one go, `verifyInSteps` one
 * verifier at a time, so both make the same report from the same verifiers.
 */
export class VerifyPass {
  private readonly checks: CheckResult[] = [];
  private readonly chains: Record<string, ChainTip> = {};
  private trustFingerprint: string | null = null;
  private readonly context: VerifyContext = {};

  run(verifier: Verifier, store: Store): void {
    const result = verifier.run(store, this.context);
    this.checks.push(...result.checks);
    Object.assign(this.chains, result.chains ?? {});
    this.trustFingerprint = result.trustFingerprint ?? this.trustFingerprint;
  }

  /** A page SQLite cannot read ends the pass as `database.readable` failing; any other error is a bug and is thrown on. */
  stopUnreadable(error: unknown): void {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !UNREADABLE.test(code)) throw error;
    this.checks.push({ name: 'database.readable', ok: false, detail: `a damaged page stopped verify: ${(error as Error).message}`, counts: {}, firstViolation: null });
  }

  report(): VerifyReport {
    const heads = Object.fromEntries(Object.entries(this.chains).map(([name, tip]) => [name, tip.head]));
    return { ok: this.checks.every((c) => c.ok), checks: this.checks, heads, chains: this.chains, trustFingerprint: this.trustFingerprint };
  }
}

/**
 * Runs every verifier in order, all in one read transaction: the verifiers compare tables with
 * each other (staff with the audit log, receipts with the journal), so they must all see one
 * snapshot, not one where another process's sign-in landed between two of them. The report is
 * what the CLI prints and auditor reports quote.
 *
 * A page SQLite cannot read (damage database.integrity names) ends the run, since SQLite gives
 * the transaction up; the report then holds every check made so far and `database.readable`
 * failing, never a crash.
 */
export function runVerifiers(store: Store, verifiers: readonly Verifier[]): VerifyReport {
  const pass = new VerifyPass();
  try {
    store.sqlite.transaction(() => {
      for (const verifier of verifiers) pass.run(verifier, store);
    }).deferred();
  } catch (error) {
    pass.stopUnreadable(error);
  }
  return pass.report();
}

// SQLite's codes for pages it cannot read.
const UNREADABLE = /^SQLITE_(CORRUPT|NOTADB|IOERR)/;

/** A passing check. */
export function passed(name: string, detail: string, counts: Record<string, number>): CheckResult {
  return { name, ok: true, detail, counts, firstViolation: null };
}

/** A failing check, naming the first row at fault as `table#id`. */
export function failed(name: string, detail: string, counts: Record<string, number>, table: string, id: string | number): CheckResult {
  return { name, ok: false, detail, counts, firstViolation: `${table}#${id}` };
}

/** A stored value beside the one verify expects: `[column, actual, expected]`. */
export type ColumnComparison = [column: string, actual: unknown, expected: unknown];

/** The first column whose stored value is not the expected one, or null when every one matches. */
export function firstDifferingColumn(columns: readonly ColumnComparison[]): string | null {
  return columns.find(([, actual, expected]) => actual !== expected)?.[0] ?? null;
}
