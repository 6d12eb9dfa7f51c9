import type { Verifier } from '../integrity/verifier';
import { accountsCheck } from './account-checks';
import { verifyLedger } from './verify';

/** The ledger's invariants (DESIGN.md §4), what every account row must be, and the journal's chain head for reports. */
export const ledgerVerifier: Verifier = {
  domain: 'ledger',
  run(store) {
    const { checks, head } = verifyLedger(store);
    return { checks: [...checks, accountsCheck(store)], heads: { journal: head } };
  },
};
