import type { VerifyReport } from '../../src-shared/contract/verify';
import { auditVerifier } from '../audit/audit-checks';
import { runVerifiers, type Verifier } from '../integrity/verifier';
import { schemaVerifier } from '../integrity/schema-checks';
import type { DueTask } from '../jobs/due-tasks';
import type { DurableJobKind } from '../jobs/durable-jobs';
import { ledgerVerifier } from '../ledger/ledger-checks';
import { holdExpiryTask } from '../ledger/hold-expiry';
import { membersVerifier } from '../members/member-checks';
import type { Store } from '../store/store';
import { walletsVerifier } from '../wallets/verify-wallets';

// What each domain adds to the machinery every domain shares. A new domain (points, cards,
// payouts) adds its line here: its invariants to `verify`, its timed work to the due tasks, its
// crash-safe jobs to the kinds resumed at unlock. The router, the CLI and reports read these
// lists; none of them needs to know a domain by name.

export const VERIFIERS: readonly Verifier[] = [schemaVerifier, auditVerifier, ledgerVerifier, membersVerifier, walletsVerifier];

export const DUE_TASKS: readonly DueTask[] = [holdExpiryTask];

export const DURABLE_JOB_KINDS: readonly DurableJobKind<unknown, unknown>[] = [];

/** Every domain's checks, and the chain heads reports quote. */
export function verifyStore(store: Store): VerifyReport {
  return runVerifiers(store, VERIFIERS);
}
