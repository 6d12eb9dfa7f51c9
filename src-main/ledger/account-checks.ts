import type { CheckResult } from '../../src-shared/contract/verify';
import { POINTS_CURRENCY } from '../../src-shared/money';
import { auditRecords, FirstFault } from '../audit/audit-replay';
import type { Store } from '../store/store';
import { CHART_OF_ACCOUNTS, systemAccountCode } from './chart';
import type { AccountRow } from './rows';
import { firstDifferingColumn } from '../integrity/verifier';

// The accounts table beyond its running totals (which verify replays from the journal):
// - ids run 1..n: accounts are closed, never deleted, so a gap is a removed account;
// - each system account is its chart-of-accounts entry (ledger/chart.ts), and a currency that
//   has any has all of its unit's roles;
// - any other operator account is one the journal names (a member's wallet is held by the
//   members check, which ties it to its member);
// - an account is closed exactly when a ledger.closeAccount audit row closed it, at that time.

/** An account no transfer names and no domain claims is one inserted behind the ledger's back. */
export const UNUSED_ACCOUNT = `SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM transfers WHERE debit_account_id = ?) AND NOT EXISTS (SELECT 1 FROM transfers WHERE credit_account_id = ?)`;

function chartDiffers(row: AccountRow): string | null {
  const entry = CHART_OF_ACCOUNTS.find((e) => e.role === row.system_role);
  if (!entry) return 'system_role';
  const wanted: [string, unknown, unknown][] = [
    ['unit', row.currency === POINTS_CURRENCY ? 'points' : 'money', entry.unit],
    ['code', row.code, systemAccountCode(entry, row.currency)],
    ['name', row.name, entry.name],
    ['kind', row.kind, entry.kind],
    ['no_overdraft', row.no_overdraft, entry.noOverdraft ? 1 : 0],
    ['owner', `${row.owner_type}:${row.owner_id}`, 'system:null'],
  ];
  return firstDifferingColumn(wanted);
}

function checkChart(rows: AccountRow[], fault: FirstFault): void {
  const roles = new Map<string, Set<string>>();
  for (const row of rows.filter((r) => r.system_role !== null)) {
    const column = chartDiffers(row);
    if (column) fault.note('accounts', row.id, `system account ${row.code}'s ${column} is not the chart's`);
    const held = roles.get(row.currency) ?? new Set<string>();
    roles.set(row.currency, held.add(row.system_role!));
  }
  for (const [currency, held] of roles) {
    const unit = currency === POINTS_CURRENCY ? 'points' : 'money';
    for (const entry of CHART_OF_ACCOUNTS.filter((e) => e.unit === unit && !held.has(e.role))) {
      fault.note('accounts', systemAccountCode(entry, currency), `system account ${systemAccountCode(entry, currency)} is missing`);
    }
  }
}

function checkClosed(store: Store, rows: AccountRow[], fault: FirstFault): void {
  const closings = new Map(auditRecords(store.sqlite, ['ledger.closeAccount']).map((record) => [Number(record.entityId), record.at]));
  for (const row of rows) {
    const closedAt = closings.get(row.id) ?? null;
    if (row.closed !== (closedAt === null ? 0 : 1) || row.closed_at !== closedAt) fault.note('accounts', row.id, `account ${row.code}'s closed flag differs from the audit log`);
  }
}

export function accountsCheck(store: Store): CheckResult {
  const rows = store.sqlite.prepare('SELECT * FROM accounts ORDER BY id').all() as AccountRow[];
  const fault = new FirstFault();
  rows.forEach((row, index) => {
    if (row.id !== index + 1) fault.note('accounts', index + 1, `account ${index + 1} is missing`);
  });
  const sequence = store.sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'accounts'`).pluck().get() as number | undefined;
  if ((sequence ?? 0) > rows.length) fault.note('accounts', rows.length + 1, `account ${rows.length + 1} is missing`);
  checkChart(rows, fault);
  const unused = store.sqlite.prepare(UNUSED_ACCOUNT).pluck();
  for (const row of rows) {
    if (row.owner_type === 'system' && row.system_role === null && unused.get(row.id, row.id) !== undefined) {
      fault.note('accounts', row.id, `account ${row.code} is neither in the chart nor named by any transfer`);
    }
  }
  checkClosed(store, rows, fault);
  return fault.result('ledger.accounts', `${rows.length} accounts, each in the chart, a member's or named by the journal`, { accounts: rows.length });
}
