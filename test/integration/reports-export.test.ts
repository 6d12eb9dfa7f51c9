import { existsSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { createAccount, postTransfer } from '../../src-main/ledger';
import { headOf } from '../../src-main/trust/chain-heads';
import type { ChannelInput } from '../../src-shared/contract';
import type { Job } from '../../src-shared/contract/jobs';
import type { ExportResult } from '../../src-shared/contract/reports';
import { toDecimalString } from '../../src-shared/money';
import type { Answer } from '../../src-shared/result';
import { ADMIN, ok, setUpRouter, signInAs, tempDataDir, TELLER } from '../support/temp-data';
import { addMember, depositTo, snapshot } from './members-fixtures';
import { runReport, sectionIn } from './reports-fixtures';

// reports.export writes a whole report to a file as a job; reports.download hands a finished
// export of this session back as base64. Both run through the real router on a real database.

type ExportInput = ChannelInput<'reports.export'>;

async function runExport(router: Router, input: ExportInput): Promise<Answer<Job>> {
  const started = await router.invoke('reports.export', input);
  if (!started.ok) return started;
  return { ok: true, value: await router.state.jobs.wait(started.value.jobId) };
}

async function exported(router: Router, input: ExportInput): Promise<ExportResult & { jobId: string }> {
  const started = await ok(router, 'reports.export', input);
  const job = await router.state.jobs.wait(started.jobId);
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.error?.code} ${job.error?.message}`);
  return { ...(job.result as ExportResult), jobId: started.jobId };
}

const HOSTILE_NAMES = ['=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', '\tTabbed', '\rCarriage', '-2 minus'];

/**
 * Members named to turn into formulas, and system accounts named the same (the trial balance
 * lists account names), one of them with a balance below zero in its normal direction.
 */
async function hostileBooks(router: Router) {
  const member = await addMember(router, { name: '王小明' });
  await depositTo(router, member.id, 123_456);
  for (const name of HOSTILE_NAMES) await addMember(router, { name });
  const store = router.state.requireStore();
  const accounts = HOSTILE_NAMES.map((name, i) =>
    createAccount(store, { code: `9${i}00-CNY`, name, kind: 'liability', currency: 'CNY', ownerType: 'system', ownerId: null, noOverdraft: false }),
  );
  // Names are trimmed when accounts are opened; a name stored with a tab or CR first (an older
  // import, an edit outside Paydesk) must still come out as text.
  const rename = store.sqlite.prepare('UPDATE accounts SET name = ? WHERE id = ?');
  for (const [i, account] of accounts.entries()) rename.run(HOSTILE_NAMES[i], account.id);
  // Debiting a liability leaves it below zero: −12.34.
  postTransfer(store, { idempotencyKey: 'hostile-1', debitAccountId: accounts[0]!.id, creditAccountId: accounts[1]!.id, amount: 1234, kind: 'adjustment', actor: 'admin' });
  return { member };
}

const exportFiles = (dataDir: string) => (existsSync(join(dataDir, 'exports')) ? readdirSync(join(dataDir, 'exports')) : []);

function heads(router: Router) {
  const { sqlite } = router.state.requireStore();
  return { journal: headOf(sqlite, 'journal'), audit: headOf(sqlite, 'audit') };
}

describe('reports.export as CSV', () => {
  it('writes BOM, CRLF lines, the header block with both chain heads, and every account with plain amounts and neutralized names', async () => {
    const { router, dataDir } = await setUpRouter();
    await hostileBooks(router);
    const preview = await runReport(router, 'trial-balance');
    const before = heads(router);
    const file = await exported(router, { report: 'trial-balance', params: { asOf: preview.header.parameters.asOf }, format: 'csv', language: 'en' });

    expect(file.fileName).toMatch(/^trial-balance-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/);
    expect(file.path).toBe(join(dataDir, 'exports', file.fileName));
    expect(file.mediaType).toBe('text/csv; charset=utf-8');
    const bytes = readFileSync(file.path);
    expect(file.bytes).toBe(bytes.length);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.match(/(?<!\r)\n/g)).toBeNull();
    expect(text.endsWith('\r\n')).toBe(true);

    const lines = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data;
    const asOf = preview.header.parameters.asOf!;
    expect(lines.slice(0, 8)).toEqual([
      ['Trial balance'],
      ['As of', asOf],
      ['Made at', expect.any(String)],
      ['Made by', 'admin'],
      ['Journal head', String(before.journal.id), before.journal.hash],
      ['Audit log head', String(before.audit.id), before.audit.hash],
      ['Trust fingerprint', preview.header.trustFingerprint],
      [''],
    ]);
    expect(before.journal.id).toBeGreaterThan(0);
    expect(lines[8]).toEqual(['Accounts']);
    expect(lines[9]).toEqual(['Code', 'Name', 'Kind', 'Currency', 'Debits', 'Credits', 'Balance']);
    const accounts = sectionIn(preview, 'accounts').rows;
    const expected = accounts.map((r) => {
      const name = String(r.name);
      return [r.code, /^[=+\-@\t\r]/.test(name) ? `'${name}` : name, r.kind, r.currency, ...(['debits', 'credits', 'balance'] as const).map((k) => toDecimalString(r[k] as number, String(r.currency)))];
    });
    expect(lines.slice(10, 10 + accounts.length)).toEqual(expected);
    expect(lines[10 + accounts.length]).toEqual(['']);
    expect(lines[11 + accounts.length]).toEqual(['Totals per currency']);
    expect(file.rows).toBe(accounts.length + sectionIn(preview, 'totals').totalRows);

    // Each name that would run as a formula is text, and quoted.
    expect(text).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    for (const name of ['+1', '@SUM(A1)', '\tTabbed', '\rCarriage', '-2 minus']) expect(text).toContain(`,"'${name}",`);
    // The debited liability: a plain negative number, neither prefixed nor quoted.
    expect(text).toContain(`9000-CNY,"'=HYPERLINK(""http://x"",""y"")",liability,CNY,12.34,0.00,-12.34\r\n`);
    expect(text).toContain('1234.56');

    // Recorded: who exported what, with the file's hash.
    const audit = router.state.requireStore().sqlite.prepare("SELECT actor, action, entity_id, after_json FROM audit_log WHERE action = 'report.export'").all() as { actor: string; entity_id: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'admin', entity_id: 'trial-balance' });
    expect(JSON.parse(audit[0]!.after_json)).toEqual({ report: 'trial-balance', format: 'csv', language: 'en', parameters: { asOf }, rows: file.rows, sha256: file.sha256, file: file.fileName });
    expect(heads(router).audit.id).toBe(before.audit.id + 1);
  });

  it('writes Chinese labels for zh-CN, and to the path asked for', async () => {
    const { router } = await setUpRouter();
    await hostileBooks(router);
    const path = join(tempDataDir(), 'tb-zh.csv');
    const file = await exported(router, { report: 'trial-balance', params: {}, format: 'csv', language: 'zh-CN', path });
    expect(file.path).toBe(path);
    const lines = Papa.parse<string[]>(readFileSync(path, 'utf8').slice(1), { newline: '\r\n' }).data;
    expect(lines[0]).toEqual(['试算平衡表']);
    expect(lines[1]![0]).toBe('截至');
    expect(lines).toContainEqual(['代码', '名称', '类别', '币种', '借方', '贷方', '余额']);
    expect(lines).toContainEqual(['各币种合计']);
  });
});

describe('reports.export of a member statement', () => {
  it('neutralizes a member name made to run as a formula where the header states it, and writes moments in local time', async () => {
    const { router } = await setUpRouter();
    let neutralized = 0;
    for (const name of HOSTILE_NAMES) {
      const member = await addMember(router, { name });
      await depositTo(router, member.id, 1_000);
      const file = await exported(router, { report: 'statement', params: { member: member.memberNumber }, format: 'csv' });
      const lines = Papa.parse<string[]>(readFileSync(file.path, 'utf8').slice(1), { newline: '\r\n' }).data;
      const stated = lines.find((line) => line[1] === member.name || line[1] === `'${member.name}`);
      expect(stated?.[1], name).toBe(/^[=+\-@\t\r]/.test(member.name) ? `'${member.name}` : member.name);
      if (stated?.[1]?.startsWith("'")) neutralized += 1;
      const movement = lines.find((line) => line.includes('deposit'))!;
      expect(movement[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(movement).toContain('10.00');
    }
    // "=…", "+1", "@…" and "-2 minus" at least (members.create may trim a leading tab or CR away).
    expect(neutralized).toBeGreaterThanOrEqual(4);
    const [first] = HOSTILE_NAMES;
    const member = await addMember(router, { name: first });
    await depositTo(router, member.id, 2_500);
    const file = await exported(router, { report: 'statement', params: { member: member.memberNumber }, format: 'json' });
    const document = JSON.parse(readFileSync(file.path, 'utf8'));
    expect(document).toMatchObject({ report: 'statement', member: member.memberNumber, memberName: first });
    expect(document.movements).toEqual([expect.objectContaining({ kind: 'deposit', currency: 'CNY', amount: '25.00', balance: '25.00', transferId: expect.any(Number), at: expect.stringMatching(/Z$/) })]);
  });
});

describe('reports.export as JSON', () => {
  it('writes asOf, accounts and totals with decimal strings, both heads and the trust fingerprint', async () => {
    const { router } = await setUpRouter();
    await hostileBooks(router);
    const preview = await runReport(router, 'trial-balance');
    const before = heads(router);
    const file = await exported(router, { report: 'trial-balance', params: { asOf: preview.header.parameters.asOf }, format: 'json' });
    expect(file.mediaType).toBe('application/json');
    const document = JSON.parse(readFileSync(file.path, 'utf8'));
    const decimals = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, toDecimalString(row[k] as number, String(row.currency))]));
    expect(document).toEqual({
      report: 'trial-balance',
      asOf: preview.header.parameters.asOf,
      parameters: { asOf: preview.header.parameters.asOf },
      madeAt: expect.any(String),
      madeBy: 'admin',
      heads: before,
      trustFingerprint: preview.header.trustFingerprint,
      accounts: sectionIn(preview, 'accounts').rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, currency: r.currency, ...decimals(r, ['debits', 'credits', 'balance']) })),
      totals: sectionIn(preview, 'totals').rows.map((r) => ({ currency: r.currency, ...decimals(r, ['debits', 'credits', 'difference']) })),
    });
    expect(document.accounts.find((a: { code: string }) => a.code === '9000-CNY').balance).toBe('-12.34');
    expect(document.totals.every((t: { difference: string }) => /^-?0(\.0+)?$/.test(t.difference))).toBe(true);
  });
});

describe('reports.export refusals', () => {
  it('refuses a teller the trial balance with FORBIDDEN, writing nothing and recording nothing', async () => {
    const { router, dataDir } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    await signInAs(router, TELLER);
    const before = { rows: snapshot(router), heads: heads(router) };
    const answer = await runExport(router, { report: 'trial-balance', params: {}, format: 'csv' });
    expect(answer.ok ? null : answer.error.code).toBe('FORBIDDEN');
    expect(exportFiles(dataDir)).toEqual([]);
    expect({ rows: snapshot(router), heads: heads(router) }).toEqual(before);
  });

  it('refuses a future asOf with INVALID_INPUT before any job starts, writing nothing', async () => {
    const { router, dataDir } = await setUpRouter();
    const before = { rows: snapshot(router), heads: heads(router) };
    const answer = await runExport(router, { report: 'trial-balance', params: { asOf: '2999-01-01T00:00:00.000Z' }, format: 'json' });
    expect(answer.ok ? null : answer.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'asOf', reason: 'future' } });
    expect(exportFiles(dataDir)).toEqual([]);
    expect({ rows: snapshot(router), heads: heads(router) }).toEqual(before);
  });

  it('refuses a path in a folder that is not there with INVALID_INPUT naming the path', async () => {
    const { router } = await setUpRouter();
    const elsewhere = tempDataDir();
    const before = { rows: snapshot(router), heads: heads(router) };
    const answer = await runExport(router, { report: 'trial-balance', params: {}, format: 'csv', path: join(elsewhere, 'nowhere', 'tb.csv') });
    expect(answer.ok ? null : answer.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'path', reason: 'no_folder' } });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect({ rows: snapshot(router), heads: heads(router) }).toEqual(before);
  });
  it('refuses to write over the data folder’s own files with INVALID_INPUT in_data_folder', async () => {
    const { router, dataDir } = await setUpRouter();
    const database = join(dataDir, 'paydesk.db');
    const before = { rows: snapshot(router), heads: heads(router), bytes: readFileSync(database).length };
    for (const path of [database, join(dataDir, 'keyslots.json'), join(dataDir, 'backups', 'tb.csv')]) {
      const answer = await runExport(router, { report: 'trial-balance', params: {}, format: 'csv', path });
      expect(answer.ok ? null : answer.error, path).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'path', reason: 'in_data_folder' } });
    }
    expect({ rows: snapshot(router), heads: heads(router), bytes: readFileSync(database).length }).toEqual(before);
  });
});

describe('reports.download', () => {
  it('hands back the finished file of this session as base64, and no other', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    const file = await exported(router, { report: 'trial-balance', params: {}, format: 'csv' });
    const download = await ok(router, 'reports.download', { jobId: file.jobId });
    expect(download).toEqual({ fileName: file.fileName, mediaType: file.mediaType, base64: readFileSync(file.path).toString('base64') });

    const unknown = await router.invoke('reports.download', { jobId: 'no-such-job' });
    expect(unknown.ok ? null : unknown.error.code).toBe('JOB_NOT_FOUND');
    await signInAs(router, TELLER);
    const others = await router.invoke('reports.download', { jobId: file.jobId });
    expect(others.ok ? null : others.error.code).toBe('JOB_NOT_FOUND');
  });

  it('refuses a file above 64 MB with INVALID_INPUT too_large, naming where it is', async () => {
    const { router } = await setUpRouter();
    const file = await exported(router, { report: 'trial-balance', params: {}, format: 'json' });
    truncateSync(file.path, 64 * 1024 * 1024 + 1);
    const answer = await router.invoke('reports.download', { jobId: file.jobId });
    expect(answer.ok ? null : answer.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'jobId', reason: 'too_large', path: file.path } });
  });
});

/** 200,000 more accounts, written straight into the table: a data set, not a ledger operation under test. */
function manyAccounts(router: Router, n: number) {
  router.state.requireStore().sqlite.exec(`
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
    INSERT INTO accounts (code, name, kind, currency, owner_type, debits_posted, credits_posted, created_at)
    SELECT printf('8%07d-CNY', i), printf('Bulk account %d 批量账户', i), 'liability', 'CNY', 'system', i * 3, i * 7, '2026-01-01T00:00:00.000Z' FROM seq`);
}

describe('an export when Paydesk is locked', () => {
  it('stops with LOCKED and keeps no file: an export must be in the audit log of the session that made it', async () => {
    const { router, dataDir } = await setUpRouter();
    manyAccounts(router, 20_000);
    const started = await ok(router, 'reports.export', { report: 'trial-balance', params: {}, format: 'json' });
    await ok(router, 'session.lock', {});
    const job = await router.state.jobs.wait(started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('LOCKED');
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const recorded = router.state.requireStore().sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.export'").get() as { n: number };
    expect(recorded.n).toBe(0);
  });
});

describe('a 200,000-row export', () => {
  it('stops when cancelled, leaving no file; then runs whole with rows done of all and bounded memory', async () => {
    const { router, dataDir } = await setUpRouter();
    manyAccounts(router, 200_000);
    const before = heads(router);

    const cancelled = await ok(router, 'reports.export', { report: 'trial-balance', params: {}, format: 'csv' });
    for (;;) {
      const job = await ok(router, 'jobs.get', { id: cancelled.jobId });
      if (job.done > 0) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    await ok(router, 'jobs.cancel', { id: cancelled.jobId });
    const stopped = await router.state.jobs.wait(cancelled.jobId);
    expect(stopped.state).toBe('cancelled');
    expect(stopped.error?.code).toBe('JOB_CANCELLED');
    expect(exportFiles(dataDir)).toEqual([]);
    expect(heads(router)).toEqual(before);

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const seen: { done: number; total: number | null }[] = [];
    const started = await ok(router, 'reports.export', { report: 'trial-balance', params: {}, format: 'csv' });
    let job = await ok(router, 'jobs.get', { id: started.jobId });
    const early = await router.invoke('reports.download', { jobId: started.jobId });
    expect(early.ok ? null : early.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'jobId', reason: 'not_finished' } });
    while (job.state === 'running') {
      seen.push({ done: job.done, total: job.total });
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 5));
      job = await ok(router, 'jobs.get', { id: started.jobId });
    }
    expect(job.state).toBe('done');
    const result = job.result as ExportResult;
    const count = (sql: string) => (router.state.requireStore().sqlite.prepare(sql).get() as { n: number }).n;
    const total = count('SELECT count(*) AS n FROM accounts') + count('SELECT count(DISTINCT currency) AS n FROM accounts');
    expect(result.rows).toBe(total);
    expect(job).toMatchObject({ done: total, total });
    const partway = seen.filter((s) => s.total === total && s.done > 0 && s.done < total);
    expect(partway.length).toBeGreaterThan(1);
    expect(rssPeak - rssBefore).toBeLessThan(150 * 1024 * 1024);
    expect(result.bytes).toBeGreaterThan(200_000 * 40);
    expect(exportFiles(dataDir)).toEqual([result.fileName]);
  }, 120_000);
});
