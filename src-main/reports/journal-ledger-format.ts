import { POINTS_CURRENCY, minorDigits } from '../../src-shared/money';
import { SYSTEM_ACCOUNT_ROLES } from '../ledger/chart';
import type { AccountKind } from '../../src-shared/contract/ledger';
import { isPlainAscii, oneLineMemo, type JournalFacts, type JournalFormat, type JournalSink } from './journal-format';

// The journal as plain-text accounting (ledger-cli 3, hledger), so an auditor can total the books
// with a tool that owes Paydesk nothing. One transaction per transfer that moves posted totals
// (effects.ts applyMove): posted, reversal and post_pending; a hold (pending) and its void move
// only pending totals, so they are comment lines. Each transaction:
//
//   2026-11-20 * #123 deposit
//       ; id: 123, time: 2026-11-20T08:15:00.000Z, state: posted
//       Assets:BranchCash:1000-CNY  100.00 CNY
//       Liabilities:MemberWallets:2100-M00000012-CNY  -100.00 CNY
//
// A posting's amount is debit positive, credit negative, so ledger's balance of an account is its
// debits less its credits. Account names are `<kind>:<group>:<code>`: every name ends with the
// Paydesk code (codes are letters, digits, `.`, `-`, `_`: nothing ledger reads as syntax).

const TOP_BY_KIND: Record<AccountKind, string> = { asset: 'Assets', liability: 'Liabilities', equity: 'Equity', income: 'Income', expense: 'Expenses' };
const ROLES: ReadonlySet<string> = new Set(SYSTEM_ACCOUNT_ROLES);

/** `branch_cash` → `BranchCash`. */
function camelCase(role: string): string {
  return role.replace(/(^|_)([a-z])/g, (_match, _sep, letter: string) => letter.toUpperCase());
}

// Each side's account comes as its code and its class, `<role or owner type>:<kind>` (one
// concatenation in SQLite, e.g. `branch_cash:asset`, `member:liability`, `system:equity`). The
// name's prefix depends only on the class and the currency, so prefixes are kept per class and
// currency (a few dozen), never per account: a journal of a million members holds no map of them.
const QUERY = `SELECT t.id, t.created_at, t.kind, t.state, t.amount, t.currency, t.memo, t.pending_id, t.reverses_id,
  d.code, coalesce(d.system_role, d.owner_type) || ':' || d.kind, c.code, coalesce(c.system_role, c.owner_type) || ':' || c.kind
  FROM transfers t JOIN accounts d ON d.id = t.debit_account_id JOIN accounts c ON c.id = t.credit_account_id
  ORDER BY t.id`;

type LedgerRow = [
  id: number,
  createdAt: string,
  kind: string,
  state: string,
  amount: number,
  currency: string,
  memo: string | null,
  pendingId: number | null,
  reversesId: number | null,
  debitCode: string,
  debitClass: string,
  creditCode: string,
  creditClass: string,
];

/** `Liabilities:MemberWallets:` for a class and a currency. */
function prefixOf(accountClass: string, currency: string): string {
  const [owner, kind] = accountClass.split(':') as [string, AccountKind];
  const top = TOP_BY_KIND[kind];
  if (top === undefined) throw new Error(`prefixOf: ${accountClass} has no account kind`);
  const group = ROLES.has(owner) ? camelCase(owner) : owner === 'member' ? (currency === POINTS_CURRENCY ? 'MemberPoints' : 'MemberWallets') : 'Operator';
  return `${top}:${group}:`;
}

/** ledger and hledger end a description at `;` (a comment follows); a memo is one line without one. */
function memoText(memo: string | null): string {
  if (memo === null) return '';
  const text = oneLineMemo(memo).replaceAll(';', ',');
  return text === '' ? '' : ` ${text}`;
}

function opening(facts: JournalFacts): string {
  return [
    '; Paydesk journal: every transfer, in id order, for ledger-cli and hledger.',
    `; made at ${facts.madeAt} by ${facts.madeBy}`,
    `; journal head: ${facts.heads.journal.id} ${facts.heads.journal.hash}`,
    `; audit head: ${facts.heads.audit.id} ${facts.heads.audit.hash}`,
    `; trust fingerprint: ${facts.trustFingerprint}`,
    `; transfers: ${facts.transfers}`,
    "; Dates are UTC (the day of each transfer's time, also written in full on the line below it).",
    '; Posted, reversal and hold-posting (post_pending) transfers are transactions: debits positive,',
    "; credits negative, so `ledger bal` shows each account's debits less its credits. Holds (pending)",
    '; and their voids (void_pending) move no posted total and are written as comment lines only.',
    '; Account names end with the Paydesk account code; commodities are currency codes (PTS = points).',
    '',
    '',
  ].join('\n');
}

/** "00" to "99": most currencies have two digits, and a million amounts are written. */
const CENTS = Array.from({ length: 100 }, (_, cents) => String(cents).padStart(2, '0'));

/** What one export keeps between rows: a few dozen prefixes, digits and kinds, never an account. */
class LedgerWriter {
  private readonly prefixes = new Map<string, Map<string, string>>();
  private readonly digits = new Map<string, number>();
  private readonly asciiKinds = new Map<string, boolean>();

  private prefix(accountClass: string, currency: string): string {
    let byCurrency = this.prefixes.get(accountClass);
    if (!byCurrency) this.prefixes.set(accountClass, (byCurrency = new Map()));
    let prefix = byCurrency.get(currency);
    if (prefix === undefined) byCurrency.set(currency, (prefix = prefixOf(accountClass, currency)));
    return prefix;
  }

  /** Minor units as a decimal in major units (what toDecimalString writes), with the digits looked up once per currency. */
  private decimal(minor: number, currency: string): string {
    let digits = this.digits.get(currency);
    if (digits === undefined) this.digits.set(currency, (digits = minorDigits(currency)));
    if (digits === 0) return String(minor);
    if (digits === 2) return `${Math.trunc(minor / 100)}.${CENTS[minor % 100]}`;
    const magnitude = String(minor).padStart(digits + 1, '0');
    return `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  }

  private isAsciiKind(kind: string): boolean {
    let ascii = this.asciiKinds.get(kind);
    if (ascii === undefined) this.asciiKinds.set(kind, (ascii = isPlainAscii(kind)));
    return ascii;
  }

  writeRow(row: unknown[], out: JournalSink): void {
    const [id, createdAt, kind, state, amount, currency, memo, pendingId, reversesId, debitCode, debitClass, creditCode, creditClass] = row as LedgerRow;
    const value = this.decimal(amount, currency);
    const debit = this.prefix(debitClass, currency) + debitCode;
    const credit = this.prefix(creditClass, currency) + creditCode;
    const links = pendingId === null && reversesId === null ? '' : (pendingId === null ? '' : `, hold: ${pendingId}`) + (reversesId === null ? '' : `, reverses: ${reversesId}`);
    const ascii = memo === null && this.isAsciiKind(kind);
    if (state === 'pending' || state === 'void_pending') {
      const line = `; ${createdAt.slice(0, 10)} #${id} ${kind} (${state}, moves no posted total): ${value} ${currency}, debit ${debit}, credit ${credit}${links}\n\n`;
      if (ascii) out.ascii(line);
      else out.text(line);
      return;
    }
    const transaction =
      `${createdAt.slice(0, 10)} * #${id} ${kind}${memoText(memo)}\n    ; id: ${id}, time: ${createdAt}, state: ${state}${links}\n` +
      `    ${debit}  ${value} ${currency}\n    ${credit}  -${value} ${currency}\n\n`;
    if (ascii) out.ascii(transaction);
    else out.text(transaction);
  }
}

export function ledgerJournalFormat(): JournalFormat {
  const writer = new LedgerWriter();
  return { extension: 'ledger', mediaType: 'text/plain; charset=utf-8', query: QUERY, opening, writeRow: (row, out) => writer.writeRow(row, out) };
}
