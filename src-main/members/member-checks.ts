import { failed, passed, type Verifier } from '../integrity/verifier';
import type { Store } from '../store/store';
import { memberAuditChecks } from './member-audit-checks';
import { memberSearchChecks } from './member-search-checks';

// The members part of `verify` (DESIGN.md §4, "each domain's own invariants"): every wallet is a
// no-overdraft liability account of its own member, in its own currency, and a closed member's
// wallets are closed; every member and wallet link is what the audit log recorded; the search
// indexes hold exactly the members' names.

const MISPLACED_WALLET = `
  SELECT mw.member_id AS id FROM member_wallets mw
  JOIN accounts a ON a.id = mw.account_id
  JOIN members m ON m.id = mw.member_id
  WHERE a.owner_type <> 'member' OR a.owner_id IS NOT mw.member_id OR a.currency <> mw.currency
     OR a.kind <> 'liability' OR a.no_overdraft <> 1 OR (m.status = 'closed' AND a.closed = 0)
  ORDER BY mw.member_id LIMIT 1`;

function count(store: Store, table: string): number {
  return store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

export const membersVerifier: Verifier = {
  domain: 'members',
  run(store) {
    const misplaced = store.sqlite.prepare(MISPLACED_WALLET).pluck().get() as number | undefined;
    const counts = { members: count(store, 'members'), wallets: count(store, 'member_wallets') };
    return {
      checks: [
        misplaced === undefined
          ? passed('members.wallets', `${counts.wallets} wallets, each a no-overdraft liability of its own member`, counts)
          : failed('members.wallets', `member ${misplaced} has a wallet account that is not its own, or an open one after closing`, counts, 'members', misplaced),
        ...memberAuditChecks(store),
        ...memberSearchChecks(store),
      ],
    };
  },
};
