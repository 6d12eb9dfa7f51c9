import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { createAccount } from '../../src-main/ledger';
import { PDF_ROW_LIMIT } from '../../src-main/reports/report-pdf';
import { headOf } from '../../src-main/trust/chain-heads';
import type { ChannelInput } from '../../src-shared/contract';
import type { ExportResult } from '../../src-shared/contract/reports';
import { ok, setUpRouter } from '../support/temp-data';
import { addMember, depositTo } from './members-fixtures';
import { runReport } from './reports-fixtures';

// Report PDFs are drawn in the main process (pdfkit, Noto Sans SC embedded). What a reader sees is
// checked with Debian's poppler-utils: pdftotext for the words, pdftoppm for a picture of page 1.

const SCREENS = join(process.cwd(), 'test-results', 'screens');

async function exported(router: Router, input: ChannelInput<'reports.export'>): Promise<ExportResult> {
  const started = await ok(router, 'reports.export', input);
  const job = await router.state.jobs.wait(started.jobId);
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.error?.code} ${job.error?.message}`);
  return job.result as ExportResult;
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const pdfPages = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);

function screenshotPageOne(path: string, name: string): void {
  mkdirSync(SCREENS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(SCREENS, name)]);
}

/** Members with Chinese names and money on their wallets, and an account whose name is far too long for its column. */
async function books(router: Router) {
  for (const [name, amount] of [['王小明', 123_456], ['李雷', 8_765_43], ['Hanna Meier', 5_000]] as const) {
    const member = await addMember(router, { name });
    await depositTo(router, member.id, amount);
  }
  createAccount(router.state.requireStore(), {
    code: '9990-CNY',
    name: '应付款项——一个非常长的账户名称，用来检查表格单元格在列宽不够时是否以省略号截断 and keeps going in English too',
    kind: 'liability',
    currency: 'CNY',
    ownerType: 'system',
    ownerId: null,
    noOverdraft: false,
  });
}

describe('reports.export as PDF', () => {
  it('writes the Chinese trial balance with the title, both chain heads in full, the fingerprint and page numbers', async () => {
    const { router } = await setUpRouter();
    await books(router);
    const { sqlite } = router.state.requireStore();
    const heads = { journal: headOf(sqlite, 'journal'), audit: headOf(sqlite, 'audit') };
    const preview = await runReport(router, 'trial-balance');
    const file = await exported(router, { report: 'trial-balance', params: { asOf: preview.header.parameters.asOf }, format: 'pdf', language: 'zh-CN' });
    expect(file.mediaType).toBe('application/pdf');
    expect(readFileSync(file.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdffonts', [file.path], { encoding: 'utf8' })).toContain('NotoSansSC');

    const words = pdfText(file.path);
    expect(words).toContain('试算平衡表');
    expect(words).toContain('交易日记账链头');
    expect(words).toContain('各币种合计');
    expect(words).toContain('第 1 页，共 1 页');
    expect(words).toContain(heads.journal.hash);
    expect(words).toContain(heads.audit.hash);
    expect(words).toContain(preview.header.trustFingerprint);
    expect(words).toContain(preview.header.parameters.asOf);
    // Amounts right-aligned in the locale, with the currency: 8,765.43 on 李雷's wallet.
    expect(words).toMatch(/¥8,765\.43/);
    expect(words).toContain('…');
    screenshotPageOne(file.path, 'report-pdf-trial-balance-zh');
  });

  it('writes the English trial balance with its own words', async () => {
    const { router } = await setUpRouter();
    await books(router);
    const file = await exported(router, { report: 'trial-balance', params: {}, format: 'pdf', language: 'en' });
    const words = pdfText(file.path);
    expect(words).toContain('Trial balance');
    expect(words).toContain('Journal head');
    expect(words).toContain('Page 1 of 1');
    expect(words).toMatch(/CN¥8,765\.43/);
    screenshotPageOne(file.path, 'report-pdf-trial-balance-en');
  });

  it(`shows at most ${PDF_ROW_LIMIT} rows a section, says so, and numbers every page`, async () => {
    const { router } = await setUpRouter();
    router.state.requireStore().sqlite.exec(`
      WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${PDF_ROW_LIMIT + 50})
      INSERT INTO accounts (code, name, kind, currency, owner_type, created_at)
      SELECT printf('8%07d-CNY', i), printf('批量账户 %d', i), 'liability', 'CNY', 'system', '2026-01-01T00:00:00.000Z' FROM seq`);
    const count = (sql: string) => (router.state.requireStore().sqlite.prepare(sql).get() as { n: number }).n;
    const accounts = count('SELECT count(*) AS n FROM accounts');
    const file = await exported(router, { report: 'trial-balance', params: {}, format: 'pdf', language: 'en' });
    // The accounts up to the cap, and a total per currency.
    expect(file.rows).toBe(PDF_ROW_LIMIT + count('SELECT count(DISTINCT currency) AS n FROM accounts'));
    const pages = pdfPages(file.path);
    expect(pages).toBeGreaterThan(PDF_ROW_LIMIT / 60);
    const words = pdfText(file.path);
    expect(words).toMatch(new RegExp(`Showing the first ${PDF_ROW_LIMIT} of ${accounts} rows; export CSV for all of them\\.`));
    expect(words).toContain(`Page ${pages} of ${pages}`);
    expect(words).not.toContain('批量账户 20001');
  }, 120_000);
});
