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
  const report = { checks: [] as CheckResult[], chains: {} as Record<string, ChainTip>, trustFingerprint: null as string | null };
  const context: VerifyContext = {};
  try {
    store.sqlite.transaction(() => {
      for (const verifier of verifiers) {
        const result = verifier.run(store, context);
        report.checks.push(...result.checks);
        Object.assign(report.chains, result.chains ?? {});
        report.trustFingerprint = result.trustFingerprint ?? report.trustFingerprint;
      }
    }).deferred();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !UNREADABLE.test(code)) throw error;
    report.checks.push({ name: 'database.readable', ok: false, detail: `a damaged page stopped verify: ${(error as Error).message}`, counts: {}, firstViolation: null });
  }
  const heads = Object.fromEntries(Object.entries(report.chains).map(([name, tip]) => [name, tip.head]));
  return { ok: report.checks.every((c) => c.ok), checks: report.checks, heads, chains: report.chains, trustFingerprint: report.trustFingerprint };
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
