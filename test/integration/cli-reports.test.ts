import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import type { ExportResult, ReportDocument } from '../../src-shared/contract/reports';
import { isLuhnValid } from '../../src-shared/luhn';
import { memberNumberFor } from '../../src-shared/member-number';
import { toDecimalString } from '../../src-shared/money';
import { ADMIN, TELLER, ok } from '../support/temp-data';
import { jsonOf, runCli, type CliRun } from '../support/cli';
import { addMember, nextKey } from './members-fixtures';
import { TEST_PROGRAM } from './cards-fixtures';

// `paydesk report …` and `paydesk export journal …` run as child processes on a real encrypted
// folder with two members who moved money, an issued virtual card and a linked bank card. An
// auditor writes each file through the router's export jobs; a teller is refused the ledger; a
// usage error or a refusal exits with its code and leaves no file; no card number appears in any
// output or file.

const AUDITOR = { username: 'audrey', displayName: 'Audrey', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };
type Person = { username: string; passphrase: string };

const root = mkdtempSync(join(tmpdir(), 'paydesk-cli-reports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dataDir: string;
/** A moment after every transfer of the set-up: reports taken at it do not move. */
let settled: string;
/** The full numbers the folder holds: the issued virtual card and the linked bank card. */
const pans: string[] = [];

beforeAll(async () => {
  dataDir = join(root, 'data');
  const router = createRouter({ dataDir });
  await ok(router, 'setup.init', ADMIN);
  await ok(router, 'staff.add', TELLER);
  await ok(router, 'staff.add', AUDITOR);
  const program = await ok(router, 'cards.createProgram', TEST_PROGRAM);
  const li = await addMember(router, { name: '李雷' });
  const han = await addMember(router, { name: '韩梅梅' });
  await ok(router, 'wallets.deposit', { memberId: li.id, amount: 150_000, currency: 'CNY', idempotencyKey: nextKey() });
  await ok(router, 'wallets.transfer', { fromMemberId: li.id, toMemberId: han.id, amount: 20_050, currency: 'CNY', idempotencyKey: nextKey() });
  await ok(router, 'wallets.pay', { memberId: han.id, amount: 3_333, currency: 'CNY', merchant: '全家便利店', idempotencyKey: nextKey() });
  pans.push((await ok(router, 'cards.issue', { memberId: li.id, programId: program.id, idempotencyKey: nextKey() })).pan);
  pans.push('4111111111111111');
  await ok(router, 'bankCards.link', { memberId: han.id, pan: '4111 1111 1111 1111', holderName: 'HAN MEIMEI', expiry: '12/39', bankName: '招商银行', makeDefault: true });
  router.close();
  await new Promise((resolve) => setTimeout(resolve, 5));
  settled = new Date().toISOString();
}, 60_000);

function paydesk(person: Person, args: string[]): Promise<CliRun> {
  return runCli([...args, '--data', dataDir, '--user', person.username], { PAYDESK_PASSPHRASE: person.passphrase });
}

let files = 0;
/** A path in the scratch folder that nothing has written yet. */
const outPath = (extension: string) => join(root, `out-${++files}.${extension}`);

const errorOf = (run: CliRun) => jsonOf<{ error: { code: string; message: string } }>(run).error;

/** Reads the folder as the admin: `reports.run`, and what a refused command must leave as it was. */
async function asAdmin<T>(work: (router: ReturnType<typeof createRouter>) => Promise<T>): Promise<T> {
  const router = createRouter({ dataDir, background: false });
  try {
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    return await work(router);
  } finally {
    router.close();
  }
}

/** The journal and the audit trail (sign-ins aside): a refused export changes neither. */
const contents = () =>
  asAdmin(async (router) => {
    const trial = await ok(router, 'ledger.trialBalance', {});
    const audit = (await ok(router, 'audit.list', { limit: 1000 })).rows.filter((row) => !row.action.startsWith('session.'));
    return { transfers: [trial.transferCount, trial.head], audit: audit.map((row) => [row.id, row.action]) };
  });

/** Digit runs standing alone (not inside a hash or an id) that pass the Luhn check: card numbers. */
function luhnNumbersIn(text: string): string[] {
  return [...text.matchAll(/(?<![0-9A-Za-z])\d{13,19}(?![0-9A-Za-z])/g)].map((m) => m[0]).filter(isLuhnValid);
}

function expectNoCardNumber(text: string): void {
  expect(luhnNumbersIn(text)).toEqual([]);
  for (const pan of pans) expect(text).not.toContain(pan);
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('paydesk report and export journal: usage errors', () => {
  const cases: [string, string[], RegExp][] = [
    ['no report named', ['report', '--format', 'json', '--out', 'X'], /Name the report/],
    ['an unknown report', ['report', 'balance-sheet', '--format', 'json', '--out', 'X'], /no report "balance-sheet"/],
    ['no --format', ['report', 'trial-balance', '--out', 'X'], /--format is required/],
    ['a format reports are not written in', ['report', 'trial-balance', '--format', 'xlsx', '--out', 'X'], /--format must be one of csv, pdf, json/],
    ['no --out', ['report', 'trial-balance', '--format', 'csv'], /--out is required/],
    ['a language the reports are not in', ['report', 'trial-balance', '--format', 'csv', '--out', 'X', '--lang', 'fr'], /--lang must be one of en, zh-CN/],
    ['a batch that is not an id', ['report', 'payouts', '--format', 'csv', '--out', 'X', '--batch', 'last'], /--batch must be a batch id/],
    ['a journal format that is not ledger or csv', ['export', 'journal', '--format', 'pdf', '--out', 'X'], /--format must be one of ledger, csv/],
    ['a journal without --out', ['export', 'journal', '--format', 'ledger'], /--out is required/],
  ];
  it('refuses each with exit 2, one line saying what is wrong, and no file', async () => {
    // Three at a time: each is a child process, and none of them opens the folder.
    for (let i = 0; i < cases.length; i += 3) {
      const batch = cases.slice(i, i + 3).map(([what, args, message]) => ({ what, message, out: outPath('any'), args }));
      const runs = await Promise.all(batch.map(({ args, out }) => paydesk(AUDITOR, [...args.map((arg) => (arg === 'X' ? out : arg)), '--json'])));
      batch.forEach(({ what, message, out }, j) => {
        const run = runs[j]!;
        expect(`${what}: ${run.code} ${errorOf(run).code}`).toBe(`${what}: 2 INVALID_INPUT`);
        expect(run.stderr, what).toMatch(message);
        expect(run.stderr.trim().split('\n'), what).toHaveLength(1);
        expect(existsSync(out), what).toBe(false);
      });
    }
  }, 240_000);

  it('refuses an option no report takes as a usage error, printing the usage', async () => {
    const out = outPath('csv');
    const run = await paydesk(AUDITOR, ['report', 'trial-balance', '--format', 'csv', '--out', out, '--since', 'yesterday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: paydesk report trial-balance\|statement/);
    expect(existsSync(out)).toBe(false);
  });
});

interface TrialBalanceJson {
  asOf: string;
  accounts: { code: string; name: string; currency: string; debits: string; credits: string; balance: string }[];
  totals: { currency: string; debits: string; credits: string }[];
  heads: { journal: { id: number; hash: string }; audit: { id: number; hash: string } };
  trustFingerprint: string;
}

/** Minor units of a decimal string in major units (`-12.30` CNY → -1230), exactly, for sums. */
function minorOf(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.replace('-', '').split('.');
  const magnitude = BigInt(`${whole}${fraction}`);
  return decimal.startsWith('-') ? -magnitude : magnitude;
}

describe('paydesk report as an auditor', () => {
  it('writes the trial balance as JSON with decimal-string amounts that equal the ledger, totals netting to zero, the heads and the fingerprint', async () => {
    const out = outPath('json');
    const run = await paydesk(AUDITOR, ['report', 'trial-balance', '--as-of', settled, '--format', 'json', '--out', out]);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as TrialBalanceJson;
    const preview: ReportDocument = await asAdmin((router) => ok(router, 'reports.run', { report: 'trial-balance', params: { asOf: settled } }));
    const accounts = preview.sections.find((s) => s.id === 'accounts')!.rows;

    expect(json.asOf).toBe(settled);
    expect(json.accounts).toHaveLength(accounts.length);
    expect(json.accounts.map(({ code, name, currency, debits, credits, balance }) => ({ code, name, currency, debits, credits, balance }))).toEqual(
      accounts.map((row) => {
        const currency = row.currency as string;
        return { code: row.code, name: row.name, currency, debits: toDecimalString(row.debits as number, currency), credits: toDecimalString(row.credits as number, currency), balance: toDecimalString(row.balance as number, currency) };
      }),
    );
    for (const account of json.accounts) for (const amount of [account.debits, account.credits, account.balance]) expect(amount).toMatch(/^-?\d+(\.\d+)?$/);
    // The deposit, the transfer and the payment moved CNY; the payment earned points.
    const cash = json.accounts.filter((a) => a.currency === 'CNY' && a.debits !== '0.00');
    expect(cash.length).toBeGreaterThan(0);
    expect(json.totals.map((t) => t.currency).sort()).toEqual([...new Set(json.accounts.map((a) => a.currency))].sort());
    for (const total of json.totals) {
      expect(total.debits).toBe(total.credits);
      const ofCurrency = json.accounts.filter((a) => a.currency === total.currency);
      expect(ofCurrency.reduce((sum, a) => sum + minorOf(a.debits) - minorOf(a.credits), 0n)).toBe(0n);
      expect(ofCurrency.reduce((sum, a) => sum + minorOf(a.debits), 0n)).toBe(minorOf(total.debits));
    }
    expect(json.heads.journal).toEqual(preview.header.heads.journal);
    expect(json.heads.audit).toEqual({ id: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(json.trustFingerprint).toBe(preview.header.trustFingerprint);

    // What it says it wrote is what is in the file; progress went to stderr.
    const bytes = readFileSync(out).length;
    expect(run.stdout).toContain(out);
    expect(run.stdout).toContain(`${accounts.length + json.totals.length} rows`);
    expect(run.stdout).toContain(`${bytes} bytes`);
    expect(run.stdout).toContain(`sha256 ${sha256Of(out)}`);
    expect(run.stderr).toMatch(/^\d+\/(\d+|\?) rows$/m);
  });

  it('prints the exportResult with --json, and writes CSV with a byte-order mark, in Chinese when asked', async () => {
    const out = outPath('csv');
    const run = await paydesk(AUDITOR, ['report', 'trial-balance', '--format', 'csv', '--out', out, '--lang', 'zh-CN', '--json']);
    expect(run.code).toBe(0);
    const result = jsonOf<ExportResult>(run);
    const bytes = readFileSync(out);
    expect(result).toMatchObject({ path: out, bytes: bytes.length, sha256: sha256Of(out), rows: expect.any(Number) });
    expect(result.rows).toBeGreaterThan(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes a PDF whose text holds every account code', async () => {
    const out = outPath('pdf');
    const run = await paydesk(AUDITOR, ['report', 'trial-balance', '--as-of', settled, '--format', 'pdf', '--out', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    const preview = await asAdmin((router) => ok(router, 'reports.run', { report: 'trial-balance', params: { asOf: settled } }));
    for (const row of preview.sections.find((s) => s.id === 'accounts')!.rows) expect(text).toContain(row.code as string);
  });

  it('refuses --as-of in the future with exit 2 naming the field, writing no file and changing nothing', async () => {
    const before = await contents();
    const out = outPath('json');
    const future = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
    const run = await paydesk(AUDITOR, ['report', 'trial-balance', '--as-of', future, '--format', 'json', '--out', out, '--json']);
    expect(run.code).toBe(2);
    expect(errorOf(run)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('future') });
    expect(run.stderr).toContain('INVALID_INPUT');
    expect(existsSync(out)).toBe(false);
    expect(await contents()).toEqual(before);
  });

  it('refuses --out in a folder that is not there, or in the data folder, with exit 2 naming the path, writing nothing there', async () => {
    const before = await contents();
    const nowhere = join(root, 'no-such-folder', 'tb.json');
    const inData = join(dataDir, 'tb.json');
    const runs = await Promise.all([nowhere, inData].map((out) => paydesk(AUDITOR, ['report', 'trial-balance', '--format', 'json', '--out', out, '--json'])));
    expect(runs.map((run) => [run.code, errorOf(run).code])).toEqual([
      [2, 'INVALID_INPUT'],
      [2, 'INVALID_INPUT'],
    ]);
    expect(runs[0]!.stderr).toContain(join(root, 'no-such-folder'));
    expect(runs[1]!.stderr).toContain(inData);
    expect([existsSync(nowhere), existsSync(inData)]).toEqual([false, false]);
    expect(await contents()).toEqual(before);
  });

  it('refuses a statement for a member who does not exist, naming the code, writing no file and changing nothing', async () => {
    const before = await contents();
    const out = outPath('csv');
    const run = await paydesk(AUDITOR, ['report', 'statement', '--member', memberNumberFor(999), '--format', 'csv', '--out', out, '--json']);
    expect(run.code).not.toBe(0);
    const { code } = errorOf(run);
    expect(code).toBe('MEMBER_NOT_FOUND');
    expect(run.stderr).toContain(code);
    expect(existsSync(out)).toBe(false);
    expect(await contents()).toEqual(before);
  });
});

describe('paydesk report and export journal as a teller', () => {
  it('refuses the trial balance with exit 5 (FORBIDDEN), writing no file and changing nothing', async () => {
    const before = await contents();
    const out = outPath('json');
    const run = await paydesk(TELLER, ['report', 'trial-balance', '--format', 'json', '--out', out, '--json']);
    expect(run.code).toBe(5);
    expect(errorOf(run).code).toBe('FORBIDDEN');
    expect(run.stderr).toContain('FORBIDDEN');
    expect(existsSync(out)).toBe(false);
    expect(await contents()).toEqual(before);
  });

  it('refuses the journal with exit 5 (FORBIDDEN), writing no file and changing nothing', async () => {
    const before = await contents();
    const out = outPath('ledger');
    const run = await paydesk(TELLER, ['export', 'journal', '--format', 'ledger', '--out', out, '--json']);
    expect(run.code).toBe(5);
    expect(errorOf(run).code).toBe('FORBIDDEN');
    expect(existsSync(out)).toBe(false);
    expect(await contents()).toEqual(before);
  });
});

/** `    Assets:BranchCash:1000-CNY  100.00 CNY` → the account's name and the amount in minor units of its commodity. */
function postingOf(line: string): { account: string; commodity: string; minor: bigint } | null {
  const match = /^\s+(\S(?:.*?\S)?)\s{2,}(-?\d+(?:\.\d+)?) ([A-Z]+)\s*$/.exec(line);
  return match ? { account: match[1]!, commodity: match[3]!, minor: minorOf(match[2]!) } : null;
}

describe('paydesk export journal as an auditor', () => {
  it('writes a ledger journal whose transactions each balance, and whose postings total every account as the trial balance does', async () => {
    const out = outPath('ledger');
    const run = await paydesk(AUDITOR, ['export', 'journal', '--format', 'ledger', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sha256 ${sha256Of(out)}`);
    const text = readFileSync(out, 'utf8');
    const transactions = text.split(/\n(?=\d{4}-\d{2}-\d{2} )/).filter((block) => /^\d{4}-\d{2}-\d{2} /.test(block));
    expect(transactions.length).toBeGreaterThan(0);
    const byAccount = new Map<string, bigint>();
    for (const transaction of transactions) {
      const postings = transaction.split('\n').map(postingOf).filter((p) => p !== null);
      expect(postings, transaction).toHaveLength(2);
      expect(postings[0]!.commodity).toBe(postings[1]!.commodity);
      expect(postings[0]!.minor + postings[1]!.minor, transaction).toBe(0n);
      for (const p of postings) byAccount.set(p.account, (byAccount.get(p.account) ?? 0n) + p.minor);
    }
    const preview = await asAdmin((router) => ok(router, 'reports.run', { report: 'trial-balance', params: {} }));
    for (const row of preview.sections.find((s) => s.id === 'accounts')!.rows) {
      const names = [...byAccount.keys()].filter((name) => name.endsWith(`:${row.code as string}`));
      const total = names.reduce((sum, name) => sum + byAccount.get(name)!, 0n);
      expect(`${row.code as string}: ${total}`).toBe(`${row.code as string}: ${BigInt(row.debits as number) - BigInt(row.credits as number)}`);
    }
  });

  it('writes the journal as CSV with a byte-order mark', async () => {
    const out = outPath('csv');
    const run = await paydesk(AUDITOR, ['export', 'journal', '--format', 'csv', '--out', out, '--json']);
    expect(run.code).toBe(0);
    const result = jsonOf<ExportResult>(run);
    const bytes = readFileSync(out);
    expect(result).toMatchObject({ path: out, bytes: bytes.length, sha256: sha256Of(out) });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('no card number in any output or file', () => {
  it('shows no Luhn-valid 13–19-digit number, and neither card the folder holds, in what report and export journal print or write', async () => {
    const written: { path: string; run: CliRun }[] = [];
    const runs: [string[], string][] = [
      [['report', 'trial-balance', '--format', 'json'], 'json'],
      [['report', 'trial-balance', '--format', 'csv'], 'csv'],
      [['report', 'cards', '--format', 'json'], 'json'],
      [['report', 'cards', '--format', 'csv', '--lang', 'zh-CN'], 'csv'],
      [['export', 'journal', '--format', 'ledger'], 'ledger'],
      [['export', 'journal', '--format', 'csv'], 'csv'],
      [['report', 'cards', '--format', 'pdf'], 'pdf'],
    ];
    for (const [args, extension] of runs) {
      const path = outPath(extension);
      const run = await paydesk(AUDITOR, [...args, '--out', path]);
      expect(`${args.join(' ')}: ${run.code}`).toBe(`${args.join(' ')}: 0`);
      written.push({ path, run });
    }
    for (const { path, run } of written) {
      expectNoCardNumber(run.stdout + run.stderr);
      const content = path.endsWith('.pdf') ? execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }) : readFileSync(path, 'utf8');
      expect(content.length).toBeGreaterThan(0);
      expectNoCardNumber(content);
    }
    // The card register does list the issued card, masked.
    const register = readFileSync(written[2]!.path, 'utf8');
    expect(register).toContain(pans[0]!.slice(-4));
  }, 300_000);
});
