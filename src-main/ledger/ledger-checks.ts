import type { Verifier } from '../integrity/verifier';
import { verifyLedger } from './verify';

/** The ledger's invariants (DESIGN.md §4), and the journal's chain head for reports. */
export const ledgerVerifier: Verifier = {
  domain: 'ledger',
  run(store) {
    const { checks, head } = verifyLedger(store);
    return { checks, heads: { journal: head } };
  },
};
