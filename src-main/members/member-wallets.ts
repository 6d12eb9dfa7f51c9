import { AppError } from '../../src-shared/errors';
import { balanceOf, closeAccount, createAccount, ensureSystemAccounts } from '../ledger';
import { readSetting } from '../settings/settings-service';
import { walletSettings } from '../../src-shared/settings/wallet-settings';
import type { Store } from '../store/store';
import { selectAll, selectFirst } from '../store/sql';
import type { MemberRow } from './member-repo';
import { memberSql } from './tables';
import { memberStatements } from './member-statements';

// One wallet per member per enabled currency: a liability account (the operator owes the member
// the money) that may never go below zero. Wallets are opened with the member and, for a currency
// enabled later, at the member's first operation in it.

/** Chart of accounts: 2100 is the member wallet range, one code per member and currency. */
export function walletAccountCode(memberNumber: string, currency: string): string {
  return `2100-${memberNumber}-${currency}`;
}

export function enabledCurrencies(store: Store): string[] {
  return readSetting(store, walletSettings, 'enabledCurrencies');
}

export function assertCurrencyEnabled(store: Store, currency: string): void {
  if (!enabledCurrencies(store).includes(currency)) {
    throw new AppError('CURRENCY_DISABLED', `${currency} is not an enabled currency.`, { field: 'currency' });
  }
}

/** Every counter operation, points movement and expiry run asks this: a statement prepared once per connection. */
export function findWalletAccountId(store: Store, memberId: number, currency: string): number | undefined {
  return memberStatements(store.sqlite).walletAccount.get(memberId, currency);
}

/** The member whose wallet (any currency, points too) an account is. */
export function walletMemberOf(store: Store, accountId: number): number | undefined {
  return selectFirst(store.sqlite, memberSql.selectFrom('member_wallets').select('member_id').where('account_id', '=', accountId))?.member_id;
}

export function memberWallets(store: Store, memberId: number): { currency: string; accountId: number }[] {
  const query = memberSql.selectFrom('member_wallets').select(['currency', 'account_id']).where('member_id', '=', memberId).orderBy('currency');
  return selectAll(store.sqlite, query).map((r) => ({ currency: r.currency, accountId: r.account_id }));
}

/** Opens the operator's accounts a wallet currency needs (cash, fees, settlement); safe to repeat. */
export function prepareWalletCurrencies(store: Store, currencies: string[], now: Date): void {
  for (const currency of currencies) ensureSystemAccounts(store, currency, now);
}

/** Call inside the caller's transaction, after prepareWalletCurrencies for the currency. */
export function openWallet(store: Store, member: MemberRow, currency: string, now: Date): number {
  const account = createAccount(
    store,
    {
      code: walletAccountCode(member.member_number, currency),
      name: `Wallet ${member.member_number} ${currency}`,
      kind: 'liability',
      currency,
      ownerType: 'member',
      ownerId: member.id,
      noOverdraft: true,
    },
    now,
  );
  memberStatements(store.sqlite).insertWallet.run(member.id, currency, account.id);
  return account.id;
}

/** The member's wallet account in an enabled currency, opened now if the currency came later. */
export function walletAccountFor(store: Store, member: MemberRow, currency: string, now: Date): number {
  assertCurrencyEnabled(store, currency);
  const existing = findWalletAccountId(store, member.id, currency);
  if (existing !== undefined) return existing;
  prepareWalletCurrencies(store, [currency], now);
  return openWallet(store, member, currency, now);
}

/** Closing a member needs every wallet empty, pending holds included. */
export function assertWalletsEmpty(store: Store, memberId: number): void {
  for (const wallet of memberWallets(store, memberId)) {
    const balance = balanceOf(store, wallet.accountId);
    if (balance.posted !== 0 || balance.pendingDebits !== 0 || balance.pendingCredits !== 0) {
      throw new AppError('MEMBER_HAS_BALANCE', `The ${wallet.currency} wallet still holds ${balance.posted} minor units.`, {
        field: 'id',
        currency: wallet.currency,
        balance: balance.posted,
        pendingDebits: balance.pendingDebits,
        pendingCredits: balance.pendingCredits,
      });
    }
  }
}

export function closeWallets(store: Store, memberId: number, actor: string, now: Date): void {
  for (const wallet of memberWallets(store, memberId)) closeAccount(store, wallet.accountId, actor, now);
}
