import type { Verifier } from '../integrity/verifier';
import { checkAuthorizations } from './authorization-checks';
import { cardAuditChecks } from './card-audit-checks';
import { checkCardEvents } from './card-event-checks';
import { checkCardNumbers } from './card-number-checks';
import { checkSpendMonths } from './spend-month-checks';

// The cards part of `verify` (issue 10). Against a key holder, each table is tied to something
// they cannot rewrite unseen:
// - cards.programs, cards.audited, cards.memberLimits, cards.bankCards: programs, cards, members'
//   limits and bank cards are the replay of their audit rows (card-audit-checks.ts);
// - cards.events: each card's state history is the one its audit rows tell, ending in its state;
// - cards.fingerprints: every number sealed, fingerprinted and unique, no CVV anywhere to check;
// - cards.authorizations: every card hold is its authorization's, and each authorization's
//   status and amounts are its hold's resolution in the journal;
// - cards.spendMonths: the month totals the limits read are what the authorizations count.

export const cardsVerifier: Verifier = {
  domain: 'cards',
  run(store) {
    const audited = cardAuditChecks(store);
    return {
      checks: [...audited.checks, checkCardEvents(store, audited.cardRecords), checkCardNumbers(store), checkAuthorizations(store), checkSpendMonths(store)],
    };
  },
};
