import type { ChainTip, CheckResult, VerifyReport } from '../../src-shared/contract/verify';
import type { Store } from '../store/store';

// `verify` is a registry: each domain (store, audit, ledger, members, wallets, and next points,
// cards, payouts) declares a Verifier for its own invariants, and src-main/registry lists them.
// Verifiers only SELECT: backup, restore and rekey run verify on the live data and refuse when it
// changed meanwhile.

export interface Verifier {
  /** The domain whose invariants these are. */
  domain: string;
  /**
   * Every check of the domain, each with its name, ok, counts and the first violation as
   * `table#id`, and the hash chains the domain keeps (`journal`, `audit`): their heads, which
   * reports quote, and their lengths and last ids, which anchors compare.
   */
  run(store: Store): { checks: CheckResult[]; chains?: Record<string, ChainTip>; trustFingerprint?: string | null };
}

/**
 * Runs every verifier in order, all in one read transaction: the verifiers compare tables with
 * each other (staff with the audit log, receipts with the journal), so they must all see one
 * snapshot, not one where another process's sign-in landed between two of them. The report is
 * what the CLI prints and auditor reports quote.
 */
export function runVerifiers(store: Store, verifiers: readonly Verifier[]): VerifyReport {
  return store.sqlite.transaction(() => runEach(store, verifiers)).deferred();
}

function runEach(store: Store, verifiers: readonly Verifier[]): VerifyReport {
  const checks: CheckResult[] = [];
  const chains: Record<string, ChainTip> = {};
  let trustFingerprint: string | null = null;
  for (const verifier of verifiers) {
    const result = verifier.run(store);
    checks.push(...result.checks);
    Object.assign(chains, result.chains ?? {});
    trustFingerprint = result.trustFingerprint ?? trustFingerprint;
  }
  const heads = Object.fromEntries(Object.entries(chains).map(([name, tip]) => [name, tip.head]));
  return { ok: checks.every((c) => c.ok), checks, heads, chains, trustFingerprint };
}

/** A passing check. */
export function passed(name: string, detail: string, counts: Record<string, number>): CheckResult {
  return { name, ok: true, detail, counts, firstViolation: null };
}

/** A failing check, naming the first row at fault as `table#id`. */
export function failed(name: string, detail: string, counts: Record<string, number>, table: string, id: string | number): CheckResult {
  return { name, ok: false, detail, counts, firstViolation: `${table}#${id}` };
}
