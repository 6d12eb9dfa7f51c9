import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import { placeHold, postHold, systemAccount } from '../../src-main/ledger';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, openScreen, switchLanguage, unlock } from './support/app-actions';

// Issue 8, the journal browser: an auditor's or finance person's view of every transfer, filtered,
// paged by the main process, kept in the URL, each transfer open to its legs, links, receipt and
// hash-chain link; the chart of accounts opens an account's journal; the filtered view downloads
// as a CSV file. The activity is loaded through the real router before the page opens.

const UTF8_BOM = [0xef, 0xbb, 0xbf];

interface Activity {
  memberNumber: string;
  paymentReceipt: string;
}

/**
 * Transfers 1–2 deposits, 3 a payment to 星巴克 and 4 its fee (linked), 5 a withdrawal and 6 its
 * reversal, 7 a card hold and 8 its capture.
 */
async function loadActivity(router: Router, into: Activity): Promise<void> {
  await answer(router.invoke('setup.init', ADMIN));
  // This journal holds money alone: payments earn no points here (α = 0), so no points transfer joins it.
  const { rules } = await answer(router.invoke('points.rules', {}));
  await answer(router.invoke('points.updateRules', { rules: { ...rules, pointsPerUnitPaid: 0 } }));
  const zhang = await answer(router.invoke('members.create', { name: '欧阳小明', phone: '13800138000' }));
  const li = await answer(router.invoke('members.create', { name: 'Li Wei', phone: '13800138001' }));
  const deposit = await answer(router.invoke('wallets.deposit', { memberId: zhang.id, amount: 925_000, currency: 'CNY', idempotencyKey: 'journal-e2e-1' }));
  await answer(router.invoke('wallets.deposit', { memberId: li.id, amount: 30_000, currency: 'CNY', idempotencyKey: 'journal-e2e-2' }));
  const payment = await answer(router.invoke('wallets.pay', { memberId: zhang.id, amount: 38_800, currency: 'CNY', merchant: '星巴克', idempotencyKey: 'journal-e2e-3' }));
  const withdrawal = await answer(router.invoke('wallets.withdraw', { memberId: zhang.id, amount: 20_000, currency: 'CNY', idempotencyKey: 'journal-e2e-4' }));
  await answer(router.invoke('wallets.reverse', { transferId: withdrawal.transferIds[0]!, reason: 'Keyed twice', idempotencyKey: 'journal-e2e-5' }));
  const store = router.state.requireStore();
  const wallet = (await answer(router.invoke('ledger.transfer', { id: deposit.transferIds[0]! }))).creditAccount.id;
  const hold = placeHold(store, { idempotencyKey: 'journal-e2e-hold', debitAccountId: wallet, creditAccountId: systemAccount(store, 'merchant_settlement', 'CNY').id, amount: 5_000, kind: 'card_auth', actor: ADMIN.username });
  postHold(store, { holdId: hold.id, amount: 4_500, idempotencyKey: 'journal-e2e-capture', actor: ADMIN.username });
  await answer(router.invoke('session.lock', {}));
  into.memberNumber = zhang.memberNumber;
  into.paymentReceipt = payment.receiptNumber;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The sequence numbers of the rows the grid shows, top to bottom. */
async function shownIds(page: Page): Promise<number[]> {
  const cells = await page.locator('[role="gridcell"][data-field="id"]').allTextContents();
  return cells.map(Number);
}

async function expectIds(page: Page, expected: number[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: number[] = [];
  while (Date.now() < deadline) {
    last = await shownIds(page);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  expect(last).toEqual(expected);
}

async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: field, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The route's query (the app routes in the URL's hash) once the screen has written its view into it. */
async function expectParams(page: Page, expected: Record<string, string>): Promise<void> {
  const read = () => {
    const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
    return Object.fromEntries(Object.keys(expected).map((key) => [key, params.get(key)]));
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && JSON.stringify(read()) !== JSON.stringify(expected)) await page.waitForTimeout(100);
  expect(read()).toEqual(expected);
}

function transferDrawer(page: Page) {
  return page.getByTestId('journal-transfer');
}

describe('the journal browser in browser mode', () => {
  let app: PaydeskPage;
  const activity: Activity = { memberNumber: '', paymentReceipt: '' };

  beforeAll(async () => {
    app = await openPaydesk({ prepare: (router) => loadActivity(router, activity) });
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
    await openScreen(app.page, 'Journal');
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('lists every transfer newest first, the accounts by name and the memos in the reader\'s words', async () => {
    const { page } = app;
    await expectIds(page, [8, 7, 6, 5, 4, 3, 2, 1]);
    const payment = page.getByRole('row').filter({ has: page.locator('[data-field="id"]', { hasText: /^3$/ }) });
    await expectText(payment, 'Payment');
    await expectText(payment, '欧阳小明’s wallet');
    await expectText(payment, 'Merchant settlement payable');
    await expectText(payment, 'CN¥388.00');
    await expectText(page.getByRole('row').filter({ has: page.locator('[data-field="id"]', { hasText: /^7$/ }) }), 'Hold');
    await screenshot(page, 'journal-browser-en');
  });

  it('filters by kind, member and amount, keeping the filters in the URL', async () => {
    const { page } = app;
    await choose(page, 'Kind', 'Fee');
    await expectIds(page, [4]);
    await expectParams(page, { kind: 'fee' });
    await choose(page, 'Kind', 'Any');

    await page.getByLabel('Member number').fill(activity.memberNumber);
    await expectIds(page, [8, 7, 6, 5, 4, 3, 1]);

    await choose(page, 'Currency', 'CNY');
    await page.getByLabel('Smallest amount').fill('200');
    await page.getByLabel('Largest amount').fill('100');
    await expectText(page.locator('.MuiFormHelperText-root.Mui-error'), 'Below the smallest amount');
    await page.getByLabel('Largest amount').fill('400');
    await expectIds(page, [6, 5, 3]);
    await expectParams(page, { member: activity.memberNumber, currency: 'CNY', min: '200', max: '400' });

    await page.reload();
    await expectIds(page, [6, 5, 3]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectIds(page, [8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('opens a payment: its legs, the fee committed with it, its receipt and its hash-chain link; a linked transfer opens in turn and Back returns', async () => {
    const { page } = app;
    await page.locator('[role="gridcell"][data-field="id"]', { hasText: /^3$/ }).click();
    const drawer = transferDrawer(page);
    await expectText(drawer, 'Transfer #3');
    await expectText(drawer.getByRole('table', { name: 'Legs' }), '欧阳小明’s wallet');
    await expectText(drawer, 'Committed with: #4 · Fee');
    await expectText(drawer, activity.paymentReceipt);
    await expectText(drawer, 'Payment to 星巴克');
    await expectText(drawer.getByTestId('chain-status'), 'The link holds');
    await screenshot(page, 'journal-transfer-en');

    await drawer.getByRole('button', { name: /Committed with: #4/ }).click();
    await expectText(drawer, 'Transfer #4');
    await expectText(drawer, 'Fee on payment to 星巴克');
    await page.goBack();
    await expectText(transferDrawer(page), 'Transfer #3');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await transferDrawer(page).waitFor({ state: 'detached' });
  });

  it('shows a reversal with what it undid, and a hold capture with its hold', async () => {
    const { page } = app;
    // Enter on a focused cell opens its row, as a click does.
    await page.locator('[role="gridcell"][data-field="kind"]', { hasText: 'Reversal' }).click();
    await transferDrawer(page).getByRole('button', { name: 'Close' }).click();
    await transferDrawer(page).waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await expectText(transferDrawer(page), 'Reverses: #5 · Withdrawal');
    await transferDrawer(page).getByRole('button', { name: 'Close' }).click();
    await transferDrawer(page).waitFor({ state: 'detached' });
    await page.locator('[role="gridcell"][data-field="id"]', { hasText: /^8$/ }).click();
    await expectText(transferDrawer(page), 'Resolves hold: #7 · Card authorization');
    await expectText(transferDrawer(page), 'None (not a counter operation)');
    await transferDrawer(page).getByRole('button', { name: 'Close' }).click();
  });

  it('downloads the filtered journal as a CSV file: BOM, plain major-unit amounts, a dated file name', async () => {
    const { page } = app;
    await choose(page, 'Kind', 'Payment');
    await expectIds(page, [3]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`journal-${today()}.csv`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['#', 'Time', 'Kind', 'State', 'Debit account', 'Debit', 'Credit account', 'Credit', 'Amount', 'Currency', 'Posted by', 'Memo', 'Hash']);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[6], row[8], row[11]])).toEqual([['3', 'Payment', '2200-CNY', '388.00', 'Payment to 星巴克']]);
    await choose(page, 'Kind', 'Any');
  });

  it('opens an account\'s journal from its row in the chart of accounts', async () => {
    const { page } = app;
    await openScreen(page, 'Chart of accounts');
    await page.getByRole('link', { name: '1000-CNY' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    await expectIds(page, [6, 5, 2, 1]);
    await expectText(page.getByRole('combobox', { name: 'Account', exact: true }), '1000-CNY · Branch cash');
  });

  it('reads in Chinese, the memos included', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '日记账' }).waitFor();
    await expectIds(page, [8, 7, 6, 5, 4, 3, 2, 1]);
    await expectText(page.getByRole('row').filter({ has: page.locator('[data-field="id"]', { hasText: /^4$/ }) }), '手续费');
    await screenshot(page, 'journal-browser-zh');
    await page.locator('[role="gridcell"][data-field="id"]', { hasText: /^3$/ }).click();
    await expectText(transferDrawer(page), '第 3 笔转账');
    await expectText(transferDrawer(page), '同批提交');
    await expectText(transferDrawer(page).getByTestId('chain-status'), '链接完好');
    await screenshot(page, 'journal-transfer-zh');
    await transferDrawer(page).getByRole('button', { name: '关闭' }).click();
    await switchLanguage(page, 'English');
  });

  it('fits 1024×700 with every amount whole', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await expectIds(page, [8, 7, 6, 5, 4, 3, 2, 1]);
    const amount = page.locator('[role="gridcell"][data-field="amount"]').first();
    const fits = await amount.evaluate((cell) => {
      const text = cell.querySelector('span') ?? cell;
      return text.scrollWidth <= cell.clientWidth;
    });
    expect(fits).toBe(true);
    await screenshot(page, 'journal-browser-1024');
    expect(app.problems).toEqual([]);
  });
});
