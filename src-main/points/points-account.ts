import { POINTS_CURRENCY } from '../../src-shared/money';
import type { MemberRow } from '../members/member-repo';
import { findWalletAccountId, openWallet, prepareWalletCurrencies } from '../members/member-wallets';
import type { Store } from '../store/store';

// A member's points account is their wallet in PTS: a no-overdraft liability of their own, which
// the members checks already hold to its member. It opens with their first points, never at the
// counter (PTS is never an enabled wallet currency, so no deposit or payment can reach it).

export function findPointsAccountId(store: Store, memberId: number): number | undefined {
  return findWalletAccountId(store, memberId, POINTS_CURRENCY);
}

/** Call inside the caller's transaction. */
export function pointsAccountFor(store: Store, member: MemberRow, now: Date): number {
  const existing = findPointsAccountId(store, member.id);
  if (existing !== undefined) return existing;
  prepareWalletCurrencies(store, [POINTS_CURRENCY], now);
  return openWallet(store, member, POINTS_CURRENCY, now);
}
