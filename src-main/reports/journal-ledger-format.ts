import { POINTS_CURRENCY, minorDigits } from '../../src-shared/money';
import { SYSTEM_ACCOUNT_ROLES } from '../ledger/chart';
import { oneLineMemo, type JournalFacts, type JournalFormat } from './journal-format';

// The journal as plain-text accounting (ledger-cli 3, hledger), so an auditor can total the books
// with a tool that owes Paydesk nothing. One transaction per transfer that moves posted totals
// (effects.ts applyMove): posted, reversal and post_pending; a hold (pending) and its void move
// only pending totals, so they are comment lines. Each transaction:
//
//   2026-11-20 * #123 deposit
//       ; id: 123, time: 2026-11-20T08:15:00.000Z
//       Assets:BranchCash:1000-CNY  100.00 CNY
//       Liabilities:MemberWallets:2100-M00000012-CNY  -100.00 CNY
//
// A posting's amount is debit positive, credit negative, so ledger's balance of an account is its
// debits less its credits. Account names are `<kind>:<group>:<code>`: every name ends with the
// Paydesk code (codes are letters, digits, `.`, `-`, `_`: nothing ledger reads as syntax).

const TOP_BY_KIND = { asset: 'Assets', liability: 'Liabilities', equity: 'Equity', income: 'Income', expense: 'Expenses' } as const;

/** `branch_cash` → `BranchCash`. */
function camelCase(role: string): string {
  return role.replace(/(^|_)([a-z])/g, (_match, _sep, letter: string) => letter.toUpperCase());
}

/**
 * The ledger account name of table alias `a`, built by SQLite in the row itself: a journal of
 * a million members needs no map of a million names in memory. The strings spliced in are this
 * file's constants, never data.
 */
function accountNameSql(a: string): string {
  const top = Object.entries(TOP_BY_KIND).map(([kind, name]) => `WHEN '${kind}' THEN '${name}'`).join(' ');
  const roles = SYSTEM_ACCOUNT_ROLES.map((role) => `WHEN '${role}' THEN '${camelCase(role)}'`).join(' ');
  const group = `CASE WHEN ${a}.owner_type = 'member' THEN (CASE WHEN ${a}.currency = '${POINTS_CURRENCY}' THEN 'MemberPoints' ELSE 'MemberWallets' END) ELSE (CASE ${a}.system_role ${roles} ELSE 'Operator' END) END`;
  return `(CASE ${a}.kind ${top} END || ':' || ${group} || ':' || ${a}.code)`;
}

const QUERY = `SELECT t.id, t.created_at, t.kind, t.state, t.amount, t.currency, t.memo, t.pending_id, t.reverses_id,
  ${accountNameSql('d')} AS debit_name, ${accountNameSql('c')} AS credit_name
  FROM transfers t JOIN accounts d ON d.id = t.debit_account_id JOIN accounts c ON c.id = t.credit_account_id
  ORDER BY t.id`;

type LedgerRow = [id: number, createdAt: string, kind: string, state: string, amount: number, currency: string, memo: string | null, pendingId: number | null, reversesId: number | null, debit: string, credit: string];

/** Per-currency decimal text: one lookup of the currency's digits per block, not per row. */
function decimalText(digitsOf: Map<string, number>, minor: number, currency: string): string {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = minorDigits(currency);
    digitsOf.set(currency, digits);
  }
  if (digits === 0) return String(minor);
  const magnitude = String(minor).padStart(digits + 1, '0');
  return `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}

/** ledger and hledger end a description at `;` (a comment follows); a memo is one line without one. */
function description(id: number, kind: string, memo: string | null): string {
  const text = memo === null ? '' : oneLineMemo(memo).replaceAll(';', ',');
  return text === '' ? `#${id} ${kind}` : `#${id} ${kind} ${text}`;
}

function opening(facts: JournalFacts): string {
  return [
    '; Paydesk journal: every transfer, in id order, for ledger-cli and hledger.',
    `; made at ${facts.madeAt} by ${facts.madeBy}`,
    `; journal head: ${facts.heads.journal.id} ${facts.heads.journal.hash}`,
    `; audit head: ${facts.heads.audit.id} ${facts.heads.audit.hash}`,
    `; trust fingerprint: ${facts.trustFingerprint}`,
    `; transfers: ${facts.transfers}`,
    '; Dates are UTC (the day of each transfer\'s time, also written in full on the line below it).',
    '; Posted, reversal and hold-posting (post_pending) transfers are transactions: debits positive,',
    '; credits negative, so `ledger bal` shows each account\'s debits less its credits. Holds (pending)',
    '; and their voids (void_pending) move no posted total and are written as comment lines only.',
    '; Account names end with the Paydesk account code; commodities are currency codes (PTS = points).',
    '',
    '',
  ].join('\n');
}

function lines(rows: readonly unknown[][], digitsOf: Map<string, number>): string {
  let text = '';
  for (const row of rows as LedgerRow[]) {
    const [id, createdAt, kind, state, amount, currency, memo, pendingId, reversesId, debit, credit] = row;
    const value = decimalText(digitsOf, amount, currency);
    const links = (pendingId === null ? '' : `, hold: ${pendingId}`) + (reversesId === null ? '' : `, reverses: ${reversesId}`);
    if (state === 'pending' || state === 'void_pending') {
      text += `; ${createdAt.slice(0, 10)} #${id} ${kind} (${state}, moves no posted total): ${value} ${currency}, debit ${debit}, credit ${credit}${links}\n\n`;
      continue;
    }
    text +=
      `${createdAt.slice(0, 10)} * ${description(id, kind, memo)}\n` +
      `    ; id: ${id}, time: ${createdAt}, state: ${state}${links}\n` +
      `    ${debit}  ${value} ${currency}\n` +
      `    ${credit}  -${value} ${currency}\n\n`;
  }
  return text;
}

export function ledgerJournalFormat(): JournalFormat {
  const digitsOf = new Map<string, number>();
  return { extension: 'ledger', mediaType: 'text/plain; charset=utf-8', query: QUERY, opening, lines: (rows) => lines(rows, digitsOf) };
}
