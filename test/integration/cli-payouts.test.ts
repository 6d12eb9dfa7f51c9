import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/api/router';
import type { Batch, PayoutItem } from '../../src-shared/contract/payouts';
import { ADMIN, TELLER, ok } from '../support/temp-data';
import { jsonOf, REPO_ROOT, runCli, type CliRun } from '../support/cli';
import { addMember, FINANCE } from './members-fixtures';
import { csvOf, fund, importAndSubmit, payoutRouter, signInAs, type PayoutRow } from './payouts-fixtures';

// `paydesk payouts …` run as child processes on a real encrypted folder: the admin funds and is
// the maker, Fiona (finance) the checker, Tina (teller) may do neither. validate prints the
// documented JSON and exits 1 only for errors; a batch goes import → submit → approve by someone
// else → execute (progress on stderr) → show, settle, return, export. Every refusal is asserted
// with its code and with nothing changed.

type Person = { username: string; passphrase: string };

interface ValidateJson {
  file: { encoding: string | null; delimiter: string | null; rows: number; sha256: string };
  fileCodes: string[];
  rows: { line: number; reference: string; status: 'ok' | 'warning' | 'error'; codes: string[] }[];
  totals: { rows: number; ok: number; warning: number; error: number; payableCount: number; payableAmount: number; byCode: Record<string, number> };
}

interface ShowJson {
  id: number;
  status: string;
  currency: string;
  total: number;
  itemCount: number;
  counts: Record<string, number>;
  totals: Record<string, number>;
  approvals: { approver: string }[];
  items: { id: number; line: number; reference: string; memberNo: string; amount: number | null; destination: string; status: string; code: string | null; transferId: number | null }[];
}

const root = mkdtempSync(join(tmpdir(), 'paydesk-cli-payouts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dataDir: string;
/** 李雷, 韩梅梅 (with a default bank card), Ada Lovelace. */
let members: { memberNumber: string; name: string }[];

beforeAll(async () => {
  dataDir = join(root, 'data');
  const router = createRouter({ dataDir });
  await ok(router, 'setup.init', ADMIN);
  await ok(router, 'staff.add', FINANCE);
  await ok(router, 'staff.add', TELLER);
  members = [];
  for (const name of ['李雷', '韩梅梅', 'Ada Lovelace']) members.push(await addMember(router, { name }));
  const withCard = await ok(router, 'members.get', { memberNumber: members[1]!.memberNumber });
  await ok(router, 'bankCards.link', { memberId: withCard.id, pan: '4111 1111 1111 1111', holderName: 'HAN MEIMEI', expiry: '12/39', bankName: '招商银行', makeDefault: true });
  router.close();
}, 60_000);

function paydesk(person: Person, args: string[]): Promise<CliRun> {
  return runCli([...args, '--data', dataDir, '--user', person.username], { PAYDESK_PASSPHRASE: person.passphrase });
}

let files = 0;
/** Writes the text (or bytes) to a new file and answers its path. */
function fileOf(content: string | Uint8Array, name = `payouts-${++files}.csv`): string {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
}

const errorCode = (run: CliRun) => jsonOf<{ error: { code: string } }>(run).error.code;

/** What a command could have written, read as the admin: the journal, the audit trail (sign-ins aside), the batches and the funding. */
async function contents() {
  const router = createRouter({ dataDir, background: false });
  try {
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const trial = await ok(router, 'ledger.trialBalance', {});
    const audit = (await ok(router, 'audit.list', { limit: 1000 })).rows.filter((row) => !row.action.startsWith('session.'));
    const batches = await ok(router, 'payouts.list', { limit: 500 });
    const details = await Promise.all(batches.rows.map((row) => ok(router, 'payouts.get', { batchId: row.id })));
    return { transfers: [trial.transferCount, trial.head], audit: audit.map((row) => [row.id, row.action]), batches: details, funding: await ok(router, 'payouts.funding', {}) };
  } finally {
    router.close();
  }
}

const memberNo = (index: number) => members[index]!.memberNumber;

/** A clean file: one wallet payment, and two to 韩梅梅's bank card. */
function cleanRows(prefix: string): PayoutRow[] {
  return [
    { reference: `${prefix}-1`, member_no: memberNo(0), amount: '100.50', note: '十二月佣金' },
    { reference: `${prefix}-2`, member_no: memberNo(1), amount: '1,000', destination: 'bank_card' },
    { reference: `${prefix}-3`, member_no: memberNo(1), amount: '20', destination: 'bank_card' },
  ];
}

describe('paydesk payouts validate', () => {
  it('prints the documented JSON for a clean file and exits 0', async () => {
    const run = await paydesk(ADMIN, ['payouts', 'validate', fileOf(csvOf(cleanRows('V'))), '--json']);
    expect(run.code).toBe(0);
    const json = jsonOf<ValidateJson>(run);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['file', 'fileCodes', 'rows', 'totals']));
    expect(json.file).toMatchObject({ encoding: 'utf-8', delimiter: ',', rows: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(json.fileCodes).toEqual([]);
    expect(json.rows.map((row) => [row.line, row.reference, row.status, row.codes])).toEqual([
      [2, 'V-1', 'ok', []],
      [3, 'V-2', 'ok', []],
      [4, 'V-3', 'ok', []],
    ]);
    expect(json.totals).toMatchObject({ rows: 3, ok: 3, warning: 0, error: 0, payableCount: 3, payableAmount: 112_050 });
  });

  it('exits 1 for rows with errors, each with every code it has, once per missing field, on the line its record starts', async () => {
    const rows: PayoutRow[] = [
      { reference: 'E-1', member_no: memberNo(0), amount: '5.00', note: 'two\nlines' },
      { reference: 'E-2' },
      { reference: 'E-3', member_no: '999999999', amount: '1.234,50' },
    ];
    const run = await paydesk(ADMIN, ['payouts', 'validate', fileOf(csvOf(rows)), '--json']);
    expect(run.code).toBe(1);
    const json = jsonOf<ValidateJson>(run);
    // The first record spans lines 2 and 3, so the next one starts on line 4.
    expect(json.rows.map((row) => [row.line, row.status, row.codes])).toEqual([
      [2, 'ok', []],
      [4, 'error', ['MISSING_FIELD', 'MISSING_FIELD']],
      [5, 'error', expect.arrayContaining(['UNKNOWN_MEMBER', 'INVALID_AMOUNT'])],
    ]);
    expect(json.totals).toMatchObject({ rows: 3, ok: 1, error: 2, payableCount: 1, payableAmount: 500 });
  });

  it('exits 0 for warnings alone, and says why in the readable summary', async () => {
    const path = fileOf(csvOf([{ reference: 'W-1', member_no: memberNo(0), amount: '9.00', note: '=HYPERLINK("x")' }]));
    const run = await paydesk(ADMIN, ['payouts', 'validate', path, '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf<ValidateJson>(run).rows).toEqual([expect.objectContaining({ line: 2, status: 'warning', codes: ['FORMULA_TEXT'] })]);
    const text = await paydesk(ADMIN, ['payouts', 'validate', path]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('utf-8, comma-separated, 1 row,');
    expect(text.stdout).toContain('Codes: FORMULA_TEXT 1');
    expect(text.stdout).toContain('line 2 W-1: warning');
    expect(text.stdout).toContain('Payable: 1 row, CN¥9.00');
  });

  it('exits 1 for a file error (EMPTY_FILE) with no rows', async () => {
    const run = await paydesk(ADMIN, ['payouts', 'validate', fileOf('reference,member_no,amount\r\n'), '--json']);
    expect(run.code).toBe(1);
    expect(jsonOf<ValidateJson>(run)).toMatchObject({ fileCodes: ['EMPTY_FILE'], rows: [] });
  });

  it('writes nothing: journal, audit trail and batches stay as they were', async () => {
    const before = await contents();
    const run = await paydesk(ADMIN, ['payouts', 'validate', fileOf(csvOf(cleanRows('N'))), '--json']);
    expect(run.code).toBe(0);
    expect(await contents()).toEqual(before);
  });

  it('refuses a teller with FORBIDDEN (exit 5) and a missing file with exit 2', async () => {
    const teller = await paydesk(TELLER, ['payouts', 'validate', fileOf(csvOf(cleanRows('T'))), '--json']);
    expect(teller.code).toBe(5);
    expect(errorCode(teller)).toBe('FORBIDDEN');
    const missing = await paydesk(ADMIN, ['payouts', 'validate', join(root, 'no-such.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('INVALID_INPUT');
  });
});

describe('paydesk payouts: a batch from import to results', () => {
  let batchId: number;

  it('funds the payout account with an amount in major units', async () => {
    const run = await paydesk(ADMIN, ['payouts', 'fund', '--amount', '5000.00', '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf(run)).toMatchObject({ currency: 'CNY', balance: 500_000, available: 500_000 });
  });

  it('refuses funding by a teller with FORBIDDEN and moves nothing', async () => {
    const before = await contents();
    const run = await paydesk(TELLER, ['payouts', 'fund', '--amount', '1.00', '--currency', 'CNY', '--json']);
    expect(run.code).toBe(5);
    expect(errorCode(run)).toBe('FORBIDDEN');
    expect(await contents()).toEqual(before);
  });

  it('imports a file with one error row as a draft and prints its id beside the validation', async () => {
    const rows = [...cleanRows('B'), { reference: 'B-4', member_no: '999999999', amount: '1.00' }];
    const run = await paydesk(ADMIN, ['payouts', 'import', fileOf(csvOf(rows), 'december.csv'), '--json']);
    expect(run.code).toBe(0);
    const json = jsonOf<ValidateJson & { id: number }>(run);
    expect(json).toMatchObject({ id: expect.any(Number), fileCodes: [], file: { rows: 4 } });
    expect(json.rows.map((row) => row.status)).toEqual(['ok', 'ok', 'ok', 'error']);
    batchId = json.id;
    const list = jsonOf<{ rows: Batch[] }>(await paydesk(ADMIN, ['payouts', 'list', '--status', 'draft', '--json']));
    expect(list.rows).toEqual([expect.objectContaining({ id: batchId, status: 'draft', itemCount: 3, total: 112_050, fileName: 'december.csv' })]);
  });

  it('imports nothing from a file with a file error and exits 1', async () => {
    const before = await contents();
    const run = await paydesk(ADMIN, ['payouts', 'import', fileOf(new Uint8Array(0)), '--json']);
    expect(run.code).toBe(1);
    expect(jsonOf(run)).toMatchObject({ id: null, fileCodes: ['EMPTY_FILE'] });
    expect(await contents()).toEqual(before);
  });

  it('submits the batch, confirming the count and total it states', async () => {
    const run = await paydesk(ADMIN, ['payouts', 'submit', String(batchId), '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf<Batch>(run)).toMatchObject({ id: batchId, status: 'submitted', itemCount: 3, total: 112_050, submittedBy: ADMIN.username });
  });

  it("refuses the maker's own approval with SELF_APPROVAL_FORBIDDEN (exit 5) and changes nothing", async () => {
    const before = await contents();
    const run = await paydesk(ADMIN, ['payouts', 'approve', String(batchId), '--json']);
    expect(run.code).toBe(5);
    expect(errorCode(run)).toBe('SELF_APPROVAL_FORBIDDEN');
    expect(await contents()).toEqual(before);
  });

  it('refuses a teller’s approval with FORBIDDEN (exit 5) and changes nothing', async () => {
    const before = await contents();
    const run = await paydesk(TELLER, ['payouts', 'approve', String(batchId), '--json']);
    expect(run.code).toBe(5);
    expect(errorCode(run)).toBe('FORBIDDEN');
    expect(await contents()).toEqual(before);
  });

  it('refuses to execute a batch not yet approved with PAYOUT_STATE_INVALID and pays nothing', async () => {
    const before = await contents();
    const run = await paydesk(FINANCE, ['payouts', 'execute', String(batchId), '--json']);
    expect(run.code).toBe(5);
    expect(errorCode(run)).toBe('PAYOUT_STATE_INVALID');
    expect(await contents()).toEqual(before);
  });

  it('is approved by a second person, which holds the total on the funding account', async () => {
    const run = await paydesk(FINANCE, ['payouts', 'approve', String(batchId), '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf<Batch>(run)).toMatchObject({ status: 'approved', approvals: [expect.objectContaining({ approver: FINANCE.username })] });
    expect((await contents()).funding).toMatchObject({ balance: 500_000, available: 500_000 - 112_050 });
  });

  it('executes with progress on stderr and completes; a second run pays nothing more', async () => {
    const run = await paydesk(FINANCE, ['payouts', 'execute', String(batchId), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^3\/3 items$/m);
    expect(jsonOf<Batch>(run)).toMatchObject({ status: 'completed' });
    const after = await contents();
    const again = await paydesk(FINANCE, ['payouts', 'execute', String(batchId)]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already been executed');
    expect((await contents()).transfers).toEqual(after.transfers);
  });

  it('shows the batch: status, counts and totals by item status, approvals, and every item', async () => {
    const run = await paydesk(ADMIN, ['payouts', 'show', String(batchId), '--json']);
    expect(run.code).toBe(0);
    const shown = jsonOf<ShowJson>(run);
    expect(shown).toMatchObject({ id: batchId, status: 'completed', currency: 'CNY', total: 112_050, itemCount: 3, approvals: [expect.objectContaining({ approver: FINANCE.username })] });
    expect(shown.counts).toMatchObject({ PAID: 1, SENT: 2, SKIPPED: 1, PENDING: 0, FAILED: 0 });
    expect(shown.totals).toMatchObject({ PAID: 10_050, SENT: 102_000 });
    expect(shown.items.map(({ line, reference, memberNo: no, amount, destination, status, code }) => [line, reference, no, amount, destination, status, code])).toEqual([
      [2, 'B-1', memberNo(0), 10_050, 'wallet', 'PAID', null],
      [3, 'B-2', memberNo(1), 100_000, 'bank_card', 'SENT', null],
      [4, 'B-3', memberNo(1), 2_000, 'bank_card', 'SENT', null],
      [5, 'B-4', '999999999', 100, 'wallet', 'SKIPPED', expect.any(String)],
    ]);
    expect(shown.items.slice(0, 3).every((item) => typeof item.transferId === 'number')).toBe(true);
  });

  it('settles one bank item and returns another with a reason; a wallet item can do neither', async () => {
    const { items } = jsonOf<ShowJson>(await paydesk(ADMIN, ['payouts', 'show', String(batchId), '--json']));
    const [paid, sent, other] = items;
    const settled = await paydesk(FINANCE, ['payouts', 'settle', String(batchId), String(sent!.id), '--json']);
    expect(settled.code).toBe(0);
    expect(jsonOf<PayoutItem>(settled)).toMatchObject({ id: sent!.id, status: 'SETTLED' });
    const returned = await paydesk(FINANCE, ['payouts', 'return', String(batchId), String(other!.id), '--reason', '账户已销户', '--json']);
    expect(returned.code).toBe(0);
    expect(jsonOf<PayoutItem>(returned)).toMatchObject({ id: other!.id, status: 'RETURNED' });

    const before = await contents();
    const refused = await paydesk(FINANCE, ['payouts', 'settle', String(batchId), String(paid!.id), '--json']);
    expect(refused.code).toBe(5);
    expect(errorCode(refused)).toBe('PAYOUT_ITEM_STATE_INVALID');
    const noReason = await paydesk(FINANCE, ['payouts', 'return', String(batchId), String(paid!.id)]);
    expect(noReason.code).toBe(2);
    expect(await contents()).toEqual(before);
  });

  it('exports the results as UTF-8 with a BOM, Chinese names intact and formulas neutralized', async () => {
    const rows: PayoutRow[] = [{ reference: 'X-1', member_no: memberNo(0), amount: '3.00', note: '=1+1 备注' }];
    const imported = jsonOf<{ id: number }>(await paydesk(ADMIN, ['payouts', 'import', fileOf(csvOf(rows)), '--json']));
    const out = join(root, 'results-zh.csv');
    const run = await paydesk(ADMIN, ['payouts', 'export', String(imported.id), '--out', out, '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('参考号');
    expect(text).toContain('李雷');
    expect(text).toContain(`"'=1+1 备注"`);
    expect(text).not.toMatch(/,=1\+1/);
  });

  it('writes a template with a BOM and the Chinese column names', async () => {
    const out = join(root, 'template-zh.csv');
    const run = await paydesk(FINANCE, ['payouts', 'template', '--out', out, '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFF参考号,会员号,金额,币种,去向,备注\r\n/);
  });
});

describe('paydesk payouts reject and cancel', () => {
  it('rejects a submitted batch with a reason, and refuses one without a reason with exit 2', async () => {
    const imported = jsonOf<{ id: number }>(await paydesk(ADMIN, ['payouts', 'import', fileOf(csvOf(cleanRows('R'))), '--json']));
    expect((await paydesk(ADMIN, ['payouts', 'submit', String(imported.id)])).code).toBe(0);
    const before = await contents();
    const noReason = await paydesk(FINANCE, ['payouts', 'reject', String(imported.id)]);
    expect(noReason.code).toBe(2);
    expect(await contents()).toEqual(before);
    const run = await paydesk(FINANCE, ['payouts', 'reject', String(imported.id), '--reason', 'Wrong month', '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf<Batch>(run)).toMatchObject({ status: 'rejected', rejectReason: 'Wrong month', decidedBy: FINANCE.username });
    const after = await contents();
    const approve = await paydesk(FINANCE, ['payouts', 'approve', String(imported.id), '--json']);
    expect(approve.code).toBe(5);
    expect(errorCode(approve)).toBe('PAYOUT_STATE_INVALID');
    expect(await contents()).toEqual(after);
  });

  it('cancels a draft, and refuses an unknown batch with PAYOUT_BATCH_NOT_FOUND', async () => {
    const imported = jsonOf<{ id: number }>(await paydesk(ADMIN, ['payouts', 'import', fileOf(csvOf(cleanRows('C'))), '--json']));
    const run = await paydesk(ADMIN, ['payouts', 'cancel', String(imported.id), '--reason', 'Duplicate upload', '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf<Batch>(run)).toMatchObject({ status: 'cancelled' });
    const unknown = await paydesk(ADMIN, ['payouts', 'show', '99999', '--json']);
    expect(unknown.code).toBe(5);
    expect(errorCode(unknown)).toBe('PAYOUT_BATCH_NOT_FOUND');
  });
});

/** `payouts execute` as a child process, SIGKILLed as soon as it prints its first progress line. */
function executeKilledAtFirstProgress(dir: string, batchId: number): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'payouts', 'execute', String(batchId), '--data', dir, '--user', FINANCE.username], {
    cwd: REPO_ROOT,
    env: { ...process.env, PAYDESK_PASSPHRASE: FINANCE.passphrase },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (/\d+\/\d+ items/.test(stderr)) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, stderr }));
  });
}

describe('paydesk payouts execute after a crash', () => {
  it('resumes a killed execution where it stopped, and pays every item exactly once', async () => {
    const { router, dataDir: dir, members: payees } = await payoutRouter();
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ reference: `K-${i}`, member_no: payees[i % 3]!.memberNumber, amount: `${1 + Math.floor(i / 100)}.${String(i % 100).padStart(2, '0')}` }));
    await fund(router, 300_000_000);
    const submitted = await importAndSubmit(router, csvOf(rows));
    await signInAs(router, 'finance');
    await ok(router, 'payouts.approve', { batchId: submitted.id, contentHash: submitted.contentHash });
    router.close();

    const killed = await executeKilledAtFirstProgress(dir, submitted.id);
    expect(killed.signal).toBe('SIGKILL');
    const again = await runCli(['payouts', 'execute', String(submitted.id), '--data', dir, '--user', FINANCE.username, '--json'], { PAYDESK_PASSPHRASE: FINANCE.passphrase });
    expect(again.code).toBe(0);
    expect(jsonOf<Batch>(again)).toMatchObject({ status: 'completed', byStatus: { PAID: { count: 20_000, amount: submitted.total } } });

    const reader = createRouter({ dataDir: dir, background: false });
    await ok(reader, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    // Paid twice, an item would take its amount from funding a second time.
    expect(await ok(reader, 'payouts.funding', {})).toMatchObject({ balance: 300_000_000 - submitted.total, available: 300_000_000 - submitted.total });
    expect((await ok(reader, 'system.verify', {})).ok).toBe(true);
    reader.close();
  }, 240_000);
});
