import type { Verifier } from '../integrity/verifier';
import { accountsCheck } from './account-checks';
import { verifyLedger } from './verify';

/**
 * The ledger's invariants (DESIGN.md §4), what every account row must be, and where the journal's
 * chain ends: the head for reports, length and last id for anchors.
 */
export const ledgerVerifier: Verifier = {
  domain: 'ledger',
  run(store, context) {
    const { checks, head, actors } = verifyLedger(store);
    context.journalActors = actors;
    const length = checks[0]?.counts.transfers ?? 0; // every ledger check carries the replay's counts
    // ledger.chain holds ids to 1..n, so on an intact chain the last id is its length.
    const journal = { table: 'transfers', length, lastId: length || null, head };
    return { checks: [...checks, accountsCheck(store)], chains: { journal } };
  },
};
