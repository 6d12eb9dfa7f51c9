import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, ReportDocument } from '../../src-shared/contract/reports';
import type { AccountKind } from '../../src-shared/contract/ledger';
import { parseAmount } from '../../src-shared/money';
import { isCreditNormal } from '../../src-main/ledger/effects';
import { createRouter } from '../../src-main/api/router';
import { ADMIN, ok } from '../support/temp-data';

// The point of the journal export (issue 12): an auditor totals the books with a tool that owes
// Paydesk nothing. The demo data (money, points, card holds, payouts, reversals) is exported and
// ledger-cli's balance of every account must equal Paydesk's trial balance; hledger must read the
// same file and agree too. CI installs Debian's `ledger` (.ci/run); where it is missing the
// cross-check is skipped, saying so.

const hasTool = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
const LEDGER = hasTool('ledger');
const HLEDGER = hasTool('hledger');
if (!LEDGER) console.warn('journal-ledger-cli: skipped: `ledger` is not installed (Debian: apt-get install ledger; .ci/run installs it).');
if (!HLEDGER) console.warn('journal-ledger-cli: the hledger check is skipped: `hledger` is not installed.');

interface TrialLine {
  code: string;
  kind: AccountKind;
  currency: string;
  debits: number;
  credits: number;
  balance: number;
}

/** Account code → debits less credits in minor units; the code is what every journal account name ends with. */
type Balances = Map<string, { amount: number; currency: string | null }>;

function codeOf(account: string): string {
  return account.slice(account.lastIndexOf(':') + 1);
}

function minorOf(quantity: string, currency: string | null): number {
  return currency === null ? parseAmount(quantity, 'CNY', { allowNegative: true, allowZero: true }) : parseAmount(quantity, currency, { allowNegative: true, allowZero: true });
}

/** `ledger bal`, one line per account: name, quantity, commodity (empty for a zero balance). */
function ledgerBalances(file: string): Balances {
  const format = '%(account)\\t%(quantity(scrub(display_total)))\\t%(commodity(scrub(display_total)))\\n';
  const out = execFileSync('ledger', ['-f', file, 'bal', '--flat', '--no-total', '--empty', '-F', format], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const balances: Balances = new Map();
  for (const line of out.split('\n').filter((l) => l !== '')) {
    const [account, quantity, commodity] = line.split('\t') as [string, string, string];
    const currency = commodity === '' ? null : commodity;
    balances.set(codeOf(account), { amount: minorOf(quantity, currency), currency });
  }
  return balances;
}

/** `hledger bal` as CSV: "account","balance" with the balance as `-123.45 CNY` or `0`. */
function hledgerBalances(file: string): Balances {
  const out = execFileSync('hledger', ['-f', file, 'bal', '--flat', '--empty', '--no-total', '-O', 'csv'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const rows = Papa.parse<string[]>(out.trim()).data.slice(1);
  const balances: Balances = new Map();
  for (const [account, balance] of rows as [string, string][]) {
    const [quantity, commodity] = balance.split(' ') as [string, string | undefined];
    const currency = commodity ?? null;
    balances.set(codeOf(account), { amount: minorOf(quantity.replaceAll(',', ''), currency), currency });
  }
  return balances;
}

/** Every account the trial balance lists with what an independent tool must show: debits less credits. */
function expectAgreement(trial: TrialLine[], balances: Balances): void {
  const seen = new Set<string>();
  for (const line of trial) {
    const got = balances.get(line.code);
    // The normal-direction balance back to debits less credits: credit-normal accounts flip sign.
    const expected = isCreditNormal(line.kind) ? 0 - line.balance : line.balance;
    expect(expected).toBe(line.debits - line.credits);
    if (line.debits === 0 && line.credits === 0) {
      // An account no transfer named never appears in the journal.
      if (got) expect(got.amount, line.code).toBe(0);
      continue;
    }
    expect(got, `${line.code} is missing from the journal's balance`).toBeDefined();
    expect({ code: line.code, amount: got!.amount }).toEqual({ code: line.code, amount: expected });
    if (got!.amount !== 0) expect(got!.currency).toBe(line.currency);
    seen.add(line.code);
  }
  expect([...balances.keys()].filter((code) => !seen.has(code) && balances.get(code)!.amount !== 0)).toEqual([]);
}

// One demo folder for every test here (its own, as temp-data's folders go after each test).
const root = mkdtempSync(join(tmpdir(), 'paydesk-journal-'));
let exported: ExportResult;
let trial: TrialLine[];
let report: ReportDocument;
let states: string[];

beforeAll(async () => {
  const router = createRouter({ dataDir: join(root, 'data'), background: false });
  await ok(router, 'setup.init', ADMIN);
  await ok(router, 'demo.load', { members: 150, transfers: 3_000, seed: 7 });
  report = await ok(router, 'reports.run', { report: 'trial-balance', params: {} });
  const accounts = report.sections.find((s) => s.id === 'accounts')!;
  expect(accounts.rows).toHaveLength(accounts.totalRows);
  trial = accounts.rows.map((r) => ({ code: r.code, kind: r.kind, currency: r.currency, debits: r.debits, credits: r.credits, balance: r.balance }) as TrialLine);
  const { jobId } = await ok(router, 'reports.exportJournal', { format: 'ledger', path: join(root, 'journal.ledger') });
  const job = await router.state.jobs.wait(jobId);
  expect(job.error).toBeNull();
  exported = job.result as ExportResult;
  const { sqlite } = router.state.requireStore();
  states = (sqlite.prepare('SELECT DISTINCT state FROM transfers ORDER BY state').all() as { state: string }[]).map((r) => r.state);
  router.close();
}, 240_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!LEDGER)('the ledger journal, read by ledger-cli', () => {
  it('exports the same journal the trial balance was read from, with holds, points and reversals in it', () => {
    expect(readFileSync(exported.path, 'utf8')).toContain(`; journal head: ${report.header.heads.journal.id} ${report.header.heads.journal.hash}`);
    expect(trial.filter((line) => line.currency === 'PTS' && line.debits + line.credits > 0).length).toBeGreaterThan(0);
    expect(states).toEqual(expect.arrayContaining(['pending', 'post_pending', 'posted', 'reversal', 'void_pending']));
  });

  it('gives every account the balance Paydesk\'s trial balance gives it (ledger: debits less credits)', () => {
    const balances = ledgerBalances(exported.path);
    expect(balances.size).toBeGreaterThan(100);
    expectAgreement(trial, balances);
  });

  it('nets each currency to zero across ledger\'s balances, as double entry must', () => {
    const net = new Map<string, number>();
    for (const { amount, currency } of ledgerBalances(exported.path).values()) if (currency) net.set(currency, (net.get(currency) ?? 0) + amount);
    expect([...net.keys()].sort()).toEqual(['CNY', 'PTS']);
    expect([...net.values()]).toEqual([0, 0]);
  });
});

describe.skipIf(!LEDGER || !HLEDGER)('the ledger journal, read by hledger', () => {
  it('parses without error and agrees with the trial balance for every account', () => {
    const check = spawnSync('hledger', ['-f', exported.path, 'check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expectAgreement(trial, hledgerBalances(exported.path));
  });
});
