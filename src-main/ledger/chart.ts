import { AppError } from '../../src-shared/errors';
import { POINTS_CURRENCY, minorDigits } from '../../src-shared/money';
import type { Account, AccountKind } from '../../src-shared/contract/ledger';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { insertAccount } from './accounts';
import { toAccount, type AccountRow } from './rows';

// The operator's own accounts (docs/chart-of-accounts.md). Each role exists once per currency;
// its code is the chart number and the currency, e.g. `1000-CNY`. Money roles exist for every
// money currency, points roles for PTS only. Migration 0002 created them for CNY and PTS.

export const SYSTEM_ACCOUNT_ROLES = [
  'branch_cash',
  'bank_settlement',
  'payout_funding',
  'merchant_settlement',
  'payouts_in_execution',
  'bank_payouts_clearing',
  'points_liability',
  'owner_equity',
  'fee_income',
  'points_expense',
  'points_issued',
  'points_redeemed',
  'points_expired',
] as const;
export type SystemAccountRole = (typeof SYSTEM_ACCOUNT_ROLES)[number];

interface ChartEntry {
  role: SystemAccountRole;
  number: string;
  name: string;
  kind: AccountKind;
  noOverdraft: boolean;
  unit: 'money' | 'points';
}

export const CHART_OF_ACCOUNTS: readonly ChartEntry[] = [
  { role: 'branch_cash', number: '1000', name: 'Branch cash', kind: 'asset', noOverdraft: false, unit: 'money' },
  { role: 'bank_settlement', number: '1100', name: 'Bank settlement', kind: 'asset', noOverdraft: false, unit: 'money' },
  // Credit-normal: money received for payouts and owed onward to members, so a payout's hold can
  // draw it down (a debit) and no_overdraft refuses a batch it cannot cover (migration 0013).
  { role: 'payout_funding', number: '1200', name: 'Payout funding', kind: 'liability', noOverdraft: true, unit: 'money' },
  { role: 'merchant_settlement', number: '2200', name: 'Merchant settlement payable', kind: 'liability', noOverdraft: false, unit: 'money' },
  { role: 'points_liability', number: '2300', name: 'Points redemption liability', kind: 'liability', noOverdraft: false, unit: 'money' },
  { role: 'payouts_in_execution', number: '2400', name: 'Payouts in execution', kind: 'liability', noOverdraft: false, unit: 'money' },
  { role: 'bank_payouts_clearing', number: '2410', name: 'Bank payouts clearing', kind: 'liability', noOverdraft: false, unit: 'money' },
  { role: 'owner_equity', number: '3000', name: 'Owner equity', kind: 'equity', noOverdraft: false, unit: 'money' },
  { role: 'fee_income', number: '4000', name: 'Fee income', kind: 'income', noOverdraft: false, unit: 'money' },
  { role: 'points_expense', number: '5100', name: 'Loyalty points expense', kind: 'expense', noOverdraft: false, unit: 'money' },
  { role: 'points_issued', number: '5900', name: 'Points issued', kind: 'expense', noOverdraft: false, unit: 'points' },
  { role: 'points_redeemed', number: '5910', name: 'Points redeemed', kind: 'income', noOverdraft: false, unit: 'points' },
  { role: 'points_expired', number: '5920', name: 'Points expired', kind: 'income', noOverdraft: false, unit: 'points' },
];

function unitOf(currency: string): 'money' | 'points' {
  return currency === POINTS_CURRENCY ? 'points' : 'money';
}

/** The chart-of-accounts code of a system role in a currency. */
export function systemAccountCode(entry: { number: string }, currency: string): string {
  return `${entry.number}-${currency}`;
}

// Every payment, redemption and expiry looks its operator accounts up: prepared once per
// connection, not compiled by the query builder on each call.
const systemRowStatement = perConnection((sqlite) => sqlite.prepare<[string, string], AccountRow>('SELECT * FROM accounts WHERE system_role = ? AND currency = ?'));

function findSystemRow(store: Store, role: string, currency: string): AccountRow | undefined {
  return systemRowStatement(store.sqlite).get(role, currency);
}

/** Opens whichever system accounts a currency still lacks; safe to call again. */
export function ensureSystemAccounts(store: Store, currency: string, now: Date = new Date()): Account[] {
  minorDigits(currency);
  return store.sqlite
    .transaction(() =>
      CHART_OF_ACCOUNTS.filter((entry) => entry.unit === unitOf(currency)).map((entry) => {
        const existing = findSystemRow(store, entry.role, currency);
        if (existing) return toAccount(existing);
        const spec = { code: systemAccountCode(entry, currency), name: entry.name, kind: entry.kind, currency, ownerType: 'system' as const, ownerId: null, noOverdraft: entry.noOverdraft };
        return insertAccount(store, spec, entry.role, now);
      }),
    )
    .immediate();
}

/** The operator's account for a role in a currency (ACCOUNT_NOT_FOUND until ensureSystemAccounts ran). */
export function systemAccount(store: Store, role: SystemAccountRole, currency: string): Account {
  const row = findSystemRow(store, role, currency);
  if (!row) {
    throw new AppError('ACCOUNT_NOT_FOUND', `No ${role} account in ${currency}; enable the currency first.`, { field: 'currency', role, currency });
  }
  return toAccount(row);
}
