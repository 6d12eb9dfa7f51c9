import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import type { ReportDocument } from '../../src-shared/contract/reports';
import { memberNumberFor } from '../../src-shared/member-number';
import { formatAmount } from '../../src-shared/money';
import { SCREENS_DIR, closeBrowser, openPaydesk, screenshot, screenshotWhole, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, fieldErrors, navigation, switchLanguage, unlock, type Person } from './support/app-actions';

// Issue 12, the Reports screen: an auditor picks the trial balance, runs it, reads the figures the
// router computed (formatted, never recomputed), the header every report states, and exports the
// whole report as CSV and PDF through the main process's export job, in both languages.

const AUDITOR: Person = { username: 'audrey', displayName: 'Audrey Auditor', passphrase: 'auditor passphrase 2026' };
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SMALL = { width: 1024, height: 700 };
const LARGE = { width: 1280, height: 800 };

let memberNumber = '';

/** A branch with two members and money moved, an auditor to read it; signed out. */
async function branch(router: Router): Promise<void> {
  await answer(router.invoke('setup.init', ADMIN));
  await answer(router.invoke('staff.add', { ...AUDITOR, role: 'auditor' }));
  await answer(router.invoke('settings.update', { approvalThresholds: {} }));
  const first = await answer(router.invoke('members.create', { name: '欧阳小明', phone: '13800138000' }));
  const second = await answer(router.invoke('members.create', { name: 'Wilhelmina Featherstonehaugh', phone: '13700137000' }));
  memberNumber = first.memberNumber;
  await answer(router.invoke('wallets.deposit', { memberId: first.id, amount: 6_095_759_150, currency: 'CNY', idempotencyKey: 'reports-e2e-1' }));
  await answer(router.invoke('wallets.deposit', { memberId: second.id, amount: 12_345, currency: 'CNY', idempotencyKey: 'reports-e2e-2' }));
  await answer(router.invoke('wallets.withdraw', { memberId: first.id, amount: 50_000, currency: 'CNY', idempotencyKey: 'reports-e2e-3' }));
  await answer(router.invoke('session.lock', {}));
}

/**
 * Opens a URL inside the app as Back or Forward would: a history entry with a key of its own (a
 * bare hash change has none, and the router would take two of them for the same place), then the
 * browser's popstate.
 */
async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    const state = { usr: null, key: Math.random().toString(36).slice(2, 10), idx: ((window.history.state as { idx?: number } | null)?.idx ?? 0) + 1 };
    window.history.pushState(state, '', hash);
    window.dispatchEvent(new PopStateEvent('popstate', { state }));
  }, `#${path}`);
}

async function runReport(page: Page, run = 'Run'): Promise<void> {
  await page.getByRole('button', { name: run, exact: true }).click();
  await page.getByTestId('report-header').waitFor();
}

async function download(page: Page, label: string): Promise<{ fileName: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: label }).click()]);
  return { fileName: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

function rowOf(page: Page, code: string) {
  return page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: code, exact: true }) });
}

afterAll(async () => {
  await closeBrowser();
});

describe('the Reports screen in browser mode', () => {
  let app: PaydeskPage;
  let trialBalance: ReportDocument;

  beforeAll(async () => {
    app = await openPaydesk({ prepare: branch });
    await unlock(app.page, AUDITOR.username, AUDITOR.passphrase);
    // The sidebar's entry (the home screen may link to Reports as well).
    await navigation(app.page).getByRole('list', { name: 'Oversight' }).getByRole('link', { name: 'Reports' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('offers the auditor every report the router says they may run, each with what it answers', async () => {
    const { page } = app;
    const available = await answer(app.router.invoke('reports.available', {}));
    await page.locator('[data-report]').first().waitFor();
    const shown = await page.locator('[data-report]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-report')));
    expect(shown).toEqual(available);
    await expectText(page.locator('[data-report="trial-balance"]'), 'Every account with its posted debits, credits and balance');
    await screenshot(page, 'reports-choose');
  });

  it('runs the trial balance and shows the figures the router answers, formatted in the locale', async () => {
    const { page } = app;
    await page.locator('[data-report="trial-balance"]').getByRole('button').click();
    await runReport(page);
    trialBalance = await answer(app.router.invoke('reports.run', { report: 'trial-balance', params: {} }));
    const accounts = trialBalance.sections.find((section) => section.id === 'accounts')!;
    expect(accounts.rows.length).toBeGreaterThan(3);
    // Every account is in the grid (a header row and one per account); the first ones are drawn and read.
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(accounts.rows.length + 1));
    for (const account of accounts.rows.slice(0, 5)) {
      const row = rowOf(page, String(account.code));
      const currency = String(account.currency);
      for (const key of ['debits', 'credits', 'balance']) {
        await expectText(row.locator(`[data-field="${key}"]`), formatAmount(Number(account[key]), currency, 'en'));
      }
    }
    await expectText(rowOf(page, '1000-CNY').locator('[data-field="kind"]'), 'Asset');
    // The header: the moment, who made it, both chain heads and the fingerprint, as the router states them.
    const header = page.getByTestId('report-header');
    await expectText(header, AUDITOR.username);
    await expectText(header, 'Journal head');
    expect(await header.locator(`[data-hash="${trialBalance.header.heads.journal.hash}"]`).count()).toBe(1);
    expect(await header.locator(`[data-hash="${trialBalance.header.heads.audit.hash}"]`).count()).toBe(1);
    await expectText(header.getByTestId('trust-fingerprint'), trialBalance.header.trustFingerprint);
    // The URL holds the report, so a reload or Back shows it again.
    expect(await page.evaluate(() => window.location.hash)).toContain('report=trial-balance');
    await screenshot(page, 'reports-trial-balance-en');
  });

  it('shows the totals per currency, which net to zero', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: /Totals per currency/ }).click();
    const totals = trialBalance.sections.find((section) => section.id === 'totals')!;
    for (const total of totals.rows) {
      const row = rowOf(page, String(total.currency));
      expect(total.difference).toBe(0);
      await expectText(row.locator('[data-field="debits"]'), formatAmount(Number(total.debits), String(total.currency), 'en'));
      await expectText(row.locator('[data-field="difference"]'), formatAmount(0, String(total.currency), 'en'));
    }
    await page.getByRole('tab', { name: /Accounts/ }).click();
  });

  it('exports the trial balance as CSV with a BOM, every account in it', async () => {
    const { page } = app;
    const csv = await download(page, 'Export CSV');
    expect(csv.fileName).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    const text = csv.bytes.subarray(3).toString('utf8');
    expect(text).toContain('1000-CNY');
    expect(text).toContain('60957591.50');
    await page.getByTestId('report-saved').waitFor();
    await screenshot(page, 'reports-export-saved');
  });

  it('exports the trial balance as PDF', async () => {
    const { page } = app;
    const pdf = await download(page, 'Export PDF');
    expect(pdf.fileName).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectText(page.getByTestId('report-saved'), pdf.fileName);
  });

  it('refuses a moment in the future on its field, in words', async () => {
    const { page } = app;
    await goTo(page, '/reports?report=trial-balance&asOf=2099-01-01T00%3A00&run=1');
    await expectText(fieldErrors(page), 'This moment is still in the future');
    expect(app.problems).toEqual([]);
  });

  it('fits 1024×700 without scrolling sideways, in Chinese with the same figures', async () => {
    const { page } = app;
    await goTo(page, '/reports?report=trial-balance&run=1');
    await page.getByTestId('report-header').waitFor();
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '报表' }).waitFor();
    await expectText(page.getByTestId('report-header'), '交易日记账链头');
    await expectText(rowOf(page, '1000-CNY').locator('[data-field="kind"]'), '资产');
    const cash = trialBalance.sections[0]!.rows.find((row) => row.code === '1000-CNY')!;
    await expectText(rowOf(page, '1000-CNY').locator('[data-field="balance"]'), formatAmount(Number(cash.balance), 'CNY', 'zh-CN'));
    await screenshot(page, 'reports-trial-balance-zh');
    await page.setViewportSize(SMALL);
    await page.waitForTimeout(300);
    expect(await pageScrollsSideways(page)).toBe(false);
    await screenshot(page, 'reports-trial-balance-zh-1024');
    await page.setViewportSize(LARGE);
    await switchLanguage(page, 'English');
  });

  it("runs a member's statement for the member in the URL, and says when nobody has the number", async () => {
    const { page } = app;
    await goTo(page, `/reports?report=statement&member=${memberNumber}&run=1`);
    await expectText(page.getByTestId('report-header').locator('[data-parameter="member"]'), memberNumber);
    const statement = await answer(app.router.invoke('reports.run', { report: 'statement', params: { member: memberNumber } }));
    for (const section of statement.sections) await page.getByRole('tab', { name: new RegExp(`\\(${section.totalRows}\\)$`) }).first().waitFor();
    await screenshot(page, 'reports-statement-en');
    await switchLanguage(page, '简体中文');
    await page.getByRole('tab', { name: /^资金变动/ }).click();
    await expectText(page.getByTestId('report-header'), '生成人');
    await screenshot(page, 'reports-statement-zh');
    await switchLanguage(page, 'English');
    await goTo(page, `/reports?report=statement&member=${memberNumberFor(50)}&run=1`);
    await expectText(fieldErrors(page), 'No member has this number.');
    expect(app.problems).toEqual([]);
  });

  it('runs every report the auditor may run and exports each as CSV with a BOM', async () => {
    const { page } = app;
    const available = await answer(app.router.invoke('reports.available', {}));
    for (const report of available) {
      const member = report === 'statement' ? `&member=${memberNumber}` : '';
      await goTo(page, `/reports?report=${report}${member}&run=1`);
      await page.locator(`[data-testid="report-header"][data-report="${report}"]`).waitFor({ timeout: 30_000 });
      const answered = await answer(app.router.invoke('reports.run', { report, params: report === 'statement' ? { member: memberNumber } : {} }));
      if (answered.sections.length > 1) expect(await page.getByRole('tab').count()).toBe(answered.sections.length);
      // The biggest section open, for the picture: the one a reader of this report came for.
      const biggest = [...answered.sections].sort((a, b) => b.totalRows - a.totalRows)[0]!;
      if (answered.sections.length > 1) await page.getByRole('tab').nth(answered.sections.indexOf(biggest)).click();
      await screenshot(page, `reports-${report}-en`);
      const csv = await download(page, 'Export CSV');
      expect(csv.fileName, report).toMatch(new RegExp(`^${report}-.*\\.csv$`));
      expect([...csv.bytes.subarray(0, 3)], report).toEqual(UTF8_BOM);
      await page.getByTestId('report-saved').waitFor();
    }
    expect(app.problems).toEqual([]);
  });
});

describe('a report larger than its preview, in dark mode', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk({
      prepare: async (router) => {
        await answer(router.invoke('setup.init', ADMIN));
        await answer(router.invoke('staff.add', { ...AUDITOR, role: 'auditor' }));
        await answer(router.invoke('demo.load', { members: 10_000, transfers: 10_000, seed: 12 }));
        await answer(router.invoke('session.lock', {}));
      },
    });
    await unlock(app.page, AUDITOR.username, AUDITOR.passphrase);
    await app.page.getByRole('heading', { level: 1 }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('previews the first 1,000 accounts, says how many there are, and exports them all with progress', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /dark/i }).click();
    await goTo(page, '/reports?report=trial-balance&run=1');
    await page.getByTestId('report-header').waitFor();
    const answered = await answer(app.router.invoke('reports.run', { report: 'trial-balance', params: {} }));
    const accounts = answered.sections.find((section) => section.id === 'accounts')!;
    expect(accounts.totalRows).toBeGreaterThan(1_000);
    expect(accounts.rows.length).toBe(1_000);
    await expectText(page.getByTestId('report-partial'), `Showing the first 1,000 of ${accounts.totalRows.toLocaleString('en')} rows`);
    await screenshotWhole(page, 'reports-trial-balance-dark');
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      (async () => {
        await page.getByRole('button', { name: 'Export PDF' }).click();
        // The job's progress while the PDF is written (it may finish before the picture is taken).
        const progress = page.getByTestId('job-progress');
        if (await progress.waitFor({ timeout: 5_000 }).then(() => true, () => false)) await page.screenshot({ path: join(SCREENS_DIR, 'reports-export-progress.png') });
      })(),
    ]);
    expect(readFileSync(await file.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectText(page.getByTestId('report-saved'), `with ${(accounts.totalRows + answered.sections[1]!.totalRows).toLocaleString('en')} rows`);
    expect(app.problems).toEqual([]);
  });
});
