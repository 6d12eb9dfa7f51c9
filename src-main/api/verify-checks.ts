import type { CheckResult, VerifyReport } from '../../src-shared/contract/verify';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import type { Store } from '../store/store';
import { verifyAuditChain } from '../audit/verify-audit';
import { verifyLedger } from '../ledger';
import { verifyMembersAndWallets } from '../wallets/verify-wallets';

// `verify` runs every domain's invariant checks. Each domain adds its own to VERIFIERS; the
// report is what the CLI prints and what auditor reports quote.

interface Verifier {
  run(store: Store): { checks: CheckResult[]; heads?: Record<string, string> };
}

const schemaVerifier: Verifier = {
  run(store) {
    const version = store.sqlite.pragma('user_version', { simple: true }) as number;
    const integrity = store.sqlite.pragma('integrity_check', { simple: true }) as string;
    return {
      checks: [
        { name: 'schema.version', ok: version === LATEST_SCHEMA_VERSION, detail: `schema ${version} of ${LATEST_SCHEMA_VERSION}`, firstViolation: null },
        { name: 'database.integrity', ok: integrity === 'ok', detail: integrity, firstViolation: null },
      ],
    };
  },
};

const auditVerifier: Verifier = {
  run(store) {
    const chain = verifyAuditChain(store.sqlite);
    return {
      checks: [{
        name: 'audit.chain',
        ok: chain.ok,
        detail: chain.ok ? `${chain.count} rows, chain intact` : `audit row ${chain.firstBrokenId} does not match its hash`,
        firstViolation: chain.firstBrokenId === null ? null : `audit_log#${chain.firstBrokenId}`,
      }],
      heads: { audit: chain.head },
    };
  },
};

const ledgerVerifier: Verifier = {
  run(store) {
    const { checks, head } = verifyLedger(store);
    return { checks, heads: { journal: head } };
  },
};

const membersVerifier: Verifier = {
  run: (store) => ({ checks: verifyMembersAndWallets(store) }),
};

const VERIFIERS: Verifier[] = [schemaVerifier, auditVerifier, ledgerVerifier, membersVerifier];

export function verifyStore(store: Store): VerifyReport {
  const checks: CheckResult[] = [];
  const heads: Record<string, string> = {};
  for (const verifier of VERIFIERS) {
    const result = verifier.run(store);
    checks.push(...result.checks);
    Object.assign(heads, result.heads ?? {});
  }
  return { ok: checks.every((c) => c.ok), checks, heads };
}
