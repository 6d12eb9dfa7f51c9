import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { csvOf, type PayoutRow } from '../integration/payouts-fixtures';
import { closeBrowser, screenshot, screenshotWhole, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, switchLanguage, type Person } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 11, the import side of the payout screens, as finance: the empty list says how to begin;
// the wizard reads a file with errors and warnings, shows its encoding, delimiter and row count,
// counts the rows of each code (a chip filters to them) and says why an amount was refused; the
// batch is created as a draft and its page opens; a file without a required column is stopped at
// the file check with the code's message; the list then shows the batch with its total. Settings
// has a Payouts section for the item limit and the second-approval threshold.

const FINANCE: Person = { username: 'fiona', displayName: '财务 Fiona', passphrase: 'finance passphrase 2026' };

let folder = '';
let keys = 0;
const key = () => `payouts-import-e2e-${(keys += 1)}`;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'paydesk-payout-files-'));
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await closeBrowser();
});

/** Writes a payout file where the file input can pick it. */
function payoutFile(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#${target}`), path);
  await page.locator('main h1').first().waitFor();
}

function codeChip(page: Page, code: string): Locator {
  return page.locator(`[data-testid="code-count"][data-code="${code}"]`);
}

/** At 1024×700 (the navigation folds to its rail) the grid shows every column without scrolling sideways. */
async function fitsSmallScreen(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.waitForTimeout(400);
  const overflow = await page.locator('.MuiDataGrid-virtualScroller').first().evaluate((scroller) => {
    const headers = [...document.querySelectorAll('.MuiDataGrid-columnHeader')];
    return Math.max(...headers.map((header) => header.getBoundingClientRect().right)) - scroller.getBoundingClientRect().right;
  });
  await screenshot(page, name);
  await page.setViewportSize(viewport);
  expect(overflow).toBeLessThanOrEqual(0.5);
}

async function gridRowCount(page: Page, expected: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let count = -1;
  while (Date.now() < deadline) {
    count = await page.locator('.MuiDataGrid-row').count();
    if (count === expected) return;
    await page.waitForTimeout(100);
  }
  expect(count).toBe(expected);
}

/** Picks the file in the wizard's first step and runs the check. */
async function pickAndCheck(page: Page, path: string, checkLabel: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole('button', { name: checkLabel, exact: true }).waitFor();
  await page.getByRole('button', { name: checkLabel, exact: true }).click();
  await page.getByTestId('file-rows').waitFor();
}

describe('finance imports a payout file', () => {
  let app: PaydeskPage;
  const numbers: string[] = [];
  let mixedFile = '';

  beforeAll(async () => {
    app = await openSignedIn(FINANCE, async (router) => {
      await answer(router.invoke('staff.add', { ...FINANCE, role: 'finance' }));
      for (const [index, name] of ['李雷', '韩梅梅', 'Ada Lovelace'].entries()) {
        numbers.push((await answer(router.invoke('members.create', { name, phone: `1390013800${index}` }))).memberNumber);
      }
      await answer(router.invoke('payouts.fund', { amount: 100_000_000, idempotencyKey: key() }));
    });
    await app.page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    const [li, han, ada] = numbers as [string, string, string];
    const rows: PayoutRow[] = [
      { reference: 'PAY-001', member_no: li, amount: '100.00', note: '十二月佣金' },
      { reference: 'PAY-002', member_no: han, amount: '1,250.50', destination: 'wallet' },
      { reference: 'PAY-003', member_no: li, amount: '100.00', note: 'second December payment' },
      { reference: 'PAY-004', member_no: han, amount: '12.345' },
      { reference: 'PAY-005', member_no: '999999999', amount: '80.00' },
      { reference: 'PAY-006', member_no: ada, amount: '-5' },
      { reference: 'PAY-007', member_no: ada, amount: '30.00', note: '=SUM(A1:A9)' },
    ];
    mixedFile = payoutFile('december-payouts.csv', csvOf(rows));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows an empty list that says how to begin, in English and Chinese', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: 'Payouts' }).click();
    await expectText(page.locator('main'), 'No payout batches yet');
    await expectText(page.getByRole('region', { name: 'Payout funding · CNY' }), 'CN¥1,000,000.00');
    await screenshot(page, 'payouts-list-empty-en');
    await switchLanguage(page, '简体中文');
    await expectText(page.locator('main'), '还没有付款批次');
    await screenshot(page, 'payouts-list-empty-zh');
    await switchLanguage(page, 'English');
    await page.locator('main').getByRole('button', { name: 'Import a file' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Import a payout file' }).waitFor();
  });

  it('downloads the template with Chinese headers from the wizard', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Download template', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^Chinese headers/ }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toBe('payouts-template-zh.csv');
    expect(text.startsWith('\uFEFF参考号,会员号,金额,币种,去向,备注\r\n')).toBe(true);
    expect(text).toContain(',CNY,');
  });

  it('reads the file: its encoding, delimiter and rows, and a preview of them', async () => {
    const { page } = app;
    await page.locator('input[type="file"]').setInputFiles(mixedFile);
    await expectText(page.getByTestId('payout-drop-zone'), 'december-payouts.csv');
    await screenshot(page, 'payouts-import-file-en');
    await page.getByRole('button', { name: 'Check the file', exact: true }).click();
    await expectText(page.getByTestId('file-encoding'), 'UTF-8');
    await expectText(page.getByTestId('file-delimiter'), 'Comma');
    await expectText(page.getByTestId('file-rows'), '7');
    await expectText(page.getByTestId('file-sha256'), /^[0-9a-f]{16}…$/);
    await expectText(page.getByRole('table', { name: 'The first 7 rows, as read' }), '十二月佣金');
    await screenshot(page, 'payouts-import-check-en');
  });

  it('counts the rows of each code, filters by one, and says why an amount was refused', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'See the rows', exact: true }).click();
    await expectText(codeChip(page, 'INVALID_AMOUNT'), 'Invalid amount · 2');
    await expectText(codeChip(page, 'POSSIBLE_DUPLICATE'), 'Possible duplicate · 2');
    await expectText(codeChip(page, 'UNKNOWN_MEMBER'), 'Unknown member · 1');
    await expectText(codeChip(page, 'FORMULA_TEXT'), 'Formula-like text · 1');
    await expectText(page.getByTestId('payable-count'), '4');
    await expectText(page.getByTestId('results-totals'), 'CN¥1,480.50');
    await expectText(page.getByTestId('error-count'), '3');
    await gridRowCount(page, 7);
    await screenshotWhole(page, 'payouts-import-results-en');
    await fitsSmallScreen(page, 'payouts-import-results-1024-en');

    await codeChip(page, 'INVALID_AMOUNT').click();
    await gridRowCount(page, 2);
    await expectText(page.locator('.MuiDataGrid-row').filter({ hasText: 'PAY-006' }), 'This one is negative.');
    await expectText(page.locator('.MuiDataGrid-row').filter({ hasText: 'PAY-004' }), 'This one has more than the 2 decimal places CNY has.');
    await screenshotWhole(page, 'payouts-import-results-filtered-en');
    await codeChip(page, 'INVALID_AMOUNT').click();
    await gridRowCount(page, 7);
    await page.getByRole('button', { name: /^Warnings · 3$/ }).click();
    await gridRowCount(page, 3);
  });

  it('creates the draft batch and opens its page', async () => {
    const { page, router } = app;
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expectText(page.locator('main'), '3 rows with errors will be left out when the batch is submitted.');
    await page.getByRole('button', { name: 'Create batch', exact: true }).click();
    await page.waitForURL(/#\/payouts\/\d+$/);
    const batchId = Number(/\/payouts\/(\d+)$/.exec(page.url())?.[1]);
    const batch = await answer(router.invoke('payouts.get', { batchId }));
    expect(batch).toMatchObject({ fileName: 'december-payouts.csv', status: 'draft', rowCount: 7, itemCount: 4, total: 148_050, currency: 'CNY' });
  });

  it('stops a file without the amount column at the file check, with the code’s message', async () => {
    const { page, router } = app;
    const before = await answer(router.invoke('payouts.list', {}));
    await visit(page, '/payouts/import');
    const missing = payoutFile('no-amount.csv', csvOf([{ reference: 'PAY-100', member_no: numbers[0] ?? '' }], ['reference', 'member_no', 'note']));
    await pickAndCheck(page, missing, 'Check the file');
    await expectText(page.locator('[data-testid="file-problem"][data-code="MISSING_COLUMN"]'), 'The header row has no “amount” column, which is required.');
    expect(await page.getByRole('button', { name: 'See the rows', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'payouts-import-file-error-en');
    expect((await answer(router.invoke('payouts.list', {}))).total).toBe(before.total);
  });

  it('lists the new batch with its status, rows and total, in English and Chinese', async () => {
    const { page } = app;
    await visit(page, '/payouts');
    const row = page.locator('.MuiDataGrid-row').filter({ hasText: 'december-payouts.csv' });
    await expectText(row, 'Draft');
    await expectText(row, '4 of 7');
    await expectText(row, 'CN¥1,480.50');
    await screenshot(page, 'payouts-list-en');
    await fitsSmallScreen(page, 'payouts-list-1024-en');
    await switchLanguage(page, '简体中文');
    await expectText(row, '草稿');
    await screenshot(page, 'payouts-list-zh');
  });

  it('funds the payout account in major units, refusing an amount the currency cannot hold and moving nothing', async () => {
    const { page, router } = app;
    await switchLanguage(page, 'English');
    const card = page.getByRole('region', { name: 'Payout funding · CNY' });
    await card.getByRole('button', { name: 'Fund', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Amount').fill('12.345');
    await dialog.getByRole('button', { name: 'Fund', exact: true }).click();
    await expectText(dialog, 'CNY has at most 2 decimal places.');
    expect((await answer(router.invoke('payouts.funding', {}))).balance).toBe(100_000_000);
    await dialog.getByLabel('Amount').fill('5,000');
    await dialog.getByRole('button', { name: 'Fund', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(card, 'CN¥1,005,000.00');
    expect((await answer(router.invoke('payouts.funding', {}))).balance).toBe(100_500_000);
    await switchLanguage(page, '简体中文');
  });

  it('walks the wizard in Chinese', async () => {
    const { page } = app;
    await visit(page, '/payouts/import');
    await page.locator('input[type="file"]').setInputFiles(mixedFile);
    await expectText(page.getByTestId('payout-drop-zone'), 'december-payouts.csv');
    await screenshot(page, 'payouts-import-file-zh');
    await page.getByRole('button', { name: '检查文件', exact: true }).click();
    await expectText(page.getByTestId('file-delimiter'), '逗号');
    await page.getByRole('button', { name: '查看各行', exact: true }).click();
    await expectText(codeChip(page, 'INVALID_AMOUNT'), '金额无效 · 2');
    await codeChip(page, 'INVALID_AMOUNT').click();
    await gridRowCount(page, 2);
    await expectText(page.locator('.MuiDataGrid-row').filter({ hasText: 'PAY-006' }), '此金额为负数。');
    await screenshotWhole(page, 'payouts-import-results-zh');
    await switchLanguage(page, 'English');
    expect(app.problems.filter((problem) => problem.includes('i18n'))).toEqual([]);
  });
});

describe('a file of 100,000 rows', () => {
  let app: PaydeskPage;
  let bigFile = '';

  beforeAll(async () => {
    const numbers: string[] = [];
    app = await openSignedIn(FINANCE, async (router) => {
      await answer(router.invoke('staff.add', { ...FINANCE, role: 'finance' }));
      for (const [index, name] of ['王一', '王二', '王三'].entries()) numbers.push((await answer(router.invoke('members.create', { name, phone: `1390013801${index}` }))).memberNumber);
    });
    // Member and amount never repeat together (the pair recurs only every 120,000 rows), so no row is a possible duplicate.
    const rows = Array.from({ length: 100_000 }, (_, index) => ({ reference: `BIG-${index + 1}`, member_no: numbers[index % 3] ?? '', amount: `${(index % 40_000) + 1}.00` }));
    bigFile = payoutFile('hundred-thousand.csv', csvOf(rows));
    await app.page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is checked with a progress bar, and its grid draws only the rows on screen', async () => {
    const { page } = app;
    await visit(page, '/payouts/import');
    await page.locator('input[type="file"]').setInputFiles(bigFile);
    // The router runs in this test's own process, so the check of 100,000 rows blocks it (Playwright's own timers
    // included, hence the long timeouts): the page itself notes that the bar appeared.
    await page.evaluate(() => {
      const seen = window as unknown as { progressShown: boolean };
      seen.progressShown = false;
      new MutationObserver((_changes, observer) => {
        if (!document.querySelector('[role="progressbar"][aria-label="Reading and checking every row…"]')) return;
        seen.progressShown = true;
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Check the file', exact: true }).click({ timeout: 90_000 });
    await expectText(page.getByTestId('file-rows'), '100,000', 90_000);
    expect(await page.evaluate(() => (window as unknown as { progressShown: boolean }).progressShown)).toBe(true);
    await page.getByRole('button', { name: 'See the rows', exact: true }).click();
    await expectText(page.getByTestId('payable-count'), '100,000');
    await expectText(page.getByTestId('results-totals'), 'CN¥1,800,050,000.00');
    await page.locator('.MuiDataGrid-row').first().waitFor();
    expect(await page.locator('.MuiDataGrid-row').count()).toBeLessThan(40);
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await expectText(page.locator('.MuiDataGrid-row').first(), 'BIG-101');
  });
});

describe('the Payouts section of Settings', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openSignedIn(ADMIN);
    await app.page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('edits the item limit and the second-approval threshold in major units', async () => {
    const { page, router } = app;
    await visit(page, '/admin/settings');
    const section = page.getByRole('region', { name: 'Payouts', exact: true });
    expect(await section.getByLabel('Largest payout item, in CNY').inputValue()).toBe('50000.00');
    await section.getByLabel('Second approver above, in CNY').fill('200,000');
    await expectText(section, 'CN¥200,000.00');
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'settings-payouts-en');
    await section.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'saved' }), 'Payouts: saved.');
    expect(await answer(router.invoke('settings.get', {}))).toMatchObject({ payoutItemLimits: { CNY: 5_000_000 }, payoutSecondApprovalAbove: { CNY: 20_000_000 } });
    await switchLanguage(page, '简体中文');
    const zh = page.getByRole('region', { name: '批量付款', exact: true });
    await expectText(zh, '单笔付款上限');
    await zh.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'settings-payouts-zh');
    await switchLanguage(page, 'English');
  });
});
