import { POINTS_CURRENCY } from '../../src-shared/money';
import type { SavedLoyalty } from '../../src-shared/settings/loyalty-settings';
import { inLedgerTransaction, systemAccount } from '../ledger';
import type { MemberRow } from '../members/member-repo';
import { openWallet, prepareWalletCurrencies } from '../members/member-wallets';
import type { Store } from '../store/store';
import { writeEarningTo } from './earn';
import { paymentPoints, tierById } from './loyalty';
import { findPointsAccountId } from './points-account';
import { raiseTier, tierRow } from './tier-state';

// Points for payments posted in bulk, outside the counter (the demo's history, a migration):
// each earns exactly what a counter payment earns (wallet-points.ts) — α per whole unit paid at
// the tier's multiplier, a lot that expires from the time paid, the tier raised at once — but a
// batch of them goes through one ledger writer (each account's totals written once) and each
// account is looked up once. There is no redeemed credit to spend first: bulk history comes
// before any redemption.

export interface PastPayment {
  member: MemberRow;
  /** Paid, its fee aside, in minor units. */
  amount: number;
  currency: string;
  /** The payment's own ledger key: the lot's source, and the root of the earning's key. */
  paymentKey: string;
  at: Date;
}

export class PastPaymentEarnings {
  private readonly accounts = new Map<number, number>();
  private readonly issued: number;
  private readonly topTier: string;
  private prepared = false;

  constructor(
    private readonly store: Store,
    private readonly saved: SavedLoyalty,
    private readonly actor: string,
  ) {
    this.issued = systemAccount(store, 'points_issued', 'PTS').id;
    this.topTier = saved.rules.tiers[saved.rules.tiers.length - 1]!.id;
  }

  /** Earns on each payment, in their order, in one ledger transaction; answers how many earned points. */
  earn(payments: readonly PastPayment[]): number {
    return inLedgerTransaction(this.store, (writer) => {
      let earned = 0;
      for (const payment of payments) {
        const { member } = payment;
        const { rules } = this.saved;
        const held = tierRow(this.store, member.id, rules).tier;
        const points = paymentPoints(rules.pointsPerUnitPaid, tierById(rules.tiers, held)?.multiplier ?? 100, payment.amount, payment.currency);
        if (points === 0) continue;
        const earning = { member, rule: 'payment' as const, points, detail: payment.paymentKey, key: `points:earn:${payment.paymentKey}`, actor: this.actor };
        writeEarningTo(this.store, writer, { account: this.accountOf(member, payment.at), issued: this.issued }, earning, this.saved, payment.at);
        // Nothing is above the top tier: raising it would only ask its qualifying points again.
        if (held !== this.topTier) raiseTier(this.store, this.actor, member.id, rules, payment.at);
        earned += 1;
      }
      return earned;
    });
  }

  /** pointsAccountFor, with the PTS system accounts made ready once for the whole load rather than once per new account. */
  private accountOf(member: MemberRow, at: Date): number {
    let account = this.accounts.get(member.id) ?? findPointsAccountId(this.store, member.id);
    if (account === undefined) {
      if (!this.prepared) prepareWalletCurrencies(this.store, [POINTS_CURRENCY], at);
      this.prepared = true;
      account = openWallet(this.store, member, POINTS_CURRENCY, at);
    }
    this.accounts.set(member.id, account);
    return account;
  }
}
