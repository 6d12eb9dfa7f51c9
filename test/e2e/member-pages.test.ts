import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import { formatMemberNumber } from '../../src-shared/member-number';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, fieldErrors, switchLanguage, unlock } from './support/app-actions';

// The member pages and the members list as issue 8 asks for them ("Member pages", "Members
// list"): the wallet history with the balance after each row and who was on the other side,
// filling the window; the ID document revealed for a reason, counted down and hidden after its
// 30 seconds on a fake clock; the notes limit; the balance column, sorted on the server; the CSV
// of every matching member; a number found by its end typed with spaces.

const SHOPPER = { name: '欧阳小明', phone: '13800138000', idDocumentNumber: '110101199003078515' };
const FRIEND = { name: '李四', phone: '13900139000' };
const QUIET = { name: 'Quinn Quiet', phone: '13700137000' };
const UTF8_BOM = [0xef, 0xbb, 0xbf];

interface Cast {
  shopper: number;
  shopperNumber: string;
  friend: number;
  friendNumber: string;
  quiet: number;
}

let keys = 0;
const key = () => `member-pages-${(keys += 1)}`;

/** Three members and the shopper's money: a deposit, a payment with its fee, a transfer to a friend, a withdrawal. */
async function prepareMembers(router: Router): Promise<Cast> {
  await answer(router.invoke('setup.init', ADMIN));
  const shopper = await answer(router.invoke('members.create', SHOPPER));
  const friend = await answer(router.invoke('members.create', FRIEND));
  const quiet = await answer(router.invoke('members.create', QUIET));
  const money = { currency: 'CNY' } as const;
  await answer(router.invoke('wallets.deposit', { ...money, memberId: shopper.id, amount: 800_000, idempotencyKey: key() }));
  await answer(router.invoke('wallets.deposit', { ...money, memberId: friend.id, amount: 5_000, idempotencyKey: key() }));
  await answer(router.invoke('wallets.pay', { ...money, memberId: shopper.id, amount: 12_800, merchant: '星巴克', idempotencyKey: key() }));
  await answer(router.invoke('wallets.transfer', { ...money, fromMemberId: shopper.id, toMemberId: friend.id, amount: 20_000, idempotencyKey: key() }));
  await answer(router.invoke('wallets.withdraw', { ...money, memberId: shopper.id, amount: 50_000, idempotencyKey: key() }));
  await answer(router.invoke('session.lock', {}));
  return { shopper: shopper.id, shopperNumber: shopper.memberNumber, friend: friend.id, friendNumber: friend.memberNumber, quiet: quiet.id };
}

async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#${target}`), path);
  await page.locator('main h1').first().waitFor();
}

function cells(grid: Locator, field: string): Locator {
  return grid.locator(`[role="gridcell"][data-field="${field}"]`);
}

/** The counterparty line under each row's kind in the wallet history. */
function counterparties(grid: Locator): Locator {
  return grid.getByTestId('counterparty');
}

async function waitForCells(grid: Locator, field: string, expected: string[]): Promise<void> {
  await waitForTexts(cells(grid, field), expected);
}

async function waitForTexts(locator: Locator, expected: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = (await locator.allTextContents()).slice(0, expected.length);
    if (JSON.stringify(seen) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(seen).toEqual(expected);
}

describe('member pages and the members list in browser mode', () => {
  let app: PaydeskPage;
  let cast: Cast;

  beforeAll(async () => {
    // Playwright's clock, so the test can move the page past a revealed value's 30 seconds.
    app = await openPaydesk({ fakeClock: true, prepare: async (router) => void (cast = await prepareMembers(router)) });
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
    await app.page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows the wallet history with the balance after each row and who was on the other side', async () => {
    const { page } = app;
    await visit(page, `/members?member=${cast.shopper}`);
    const history = page.getByRole('grid', { name: 'Wallet history' });
    // Newest first: withdrawal, transfer to 李四, the fee, the payment to 星巴克, the deposit.
    await waitForTexts(counterparties(history), ['Cash', `李四 · ${formatMemberNumber(cast.friendNumber)}`, 'Fee income', '星巴克', 'Cash']);
    await waitForCells(history, 'balanceAfter', ['CN¥7,171.36', 'CN¥7,671.36', 'CN¥7,871.36', 'CN¥7,872.00', 'CN¥8,000.00']);
    const summary = await answer(app.router.invoke('wallets.summary', { memberId: cast.shopper }));
    expect(summary.wallets[0]!.balance).toBe(717_136);
    await screenshot(page, 'member-detail-en');
  });

  it('lets the wallet history fill the window instead of a few rows', async () => {
    const { page } = app;
    const history = page.getByRole('grid', { name: 'Wallet history' });
    const viewport = page.viewportSize()!;
    const box = (await history.boundingBox())!;
    expect(box.height).toBeGreaterThan(viewport.height * 0.6);
  });

  it('reveals the ID document for a reason only, counts down its 30 seconds, hides it, and audits it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Reveal' }).click();
    const reasonStep = page.getByRole('dialog').filter({ hasText: `ID document of ${SHOPPER.name}` });
    const confirm = reasonStep.getByRole('button', { name: 'Reveal' });
    expect(await confirm.isDisabled()).toBe(true);
    await reasonStep.getByLabel('Reason').fill('   ');
    expect(await confirm.isDisabled()).toBe(true);
    await reasonStep.getByLabel('Reason').fill('Checking the passport at the counter');
    await confirm.click();
    const revealed = page.getByTestId('revealed-values');
    await expectText(revealed, SHOPPER.idDocumentNumber);
    await expectText(page.getByRole('dialog'), 'Hidden again in 30 seconds.');
    await page.clock.fastForward(12_000);
    await expectText(page.getByRole('dialog'), 'Hidden again in 18 seconds.');
    await screenshot(page, 'member-id-reveal-en');
    await page.clock.fastForward(18_000);
    await revealed.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(SHOPPER.idDocumentNumber);
    await expectText(page.locator('main'), '••••8515');
    const audit = await answer(app.router.invoke('members.history', { id: cast.shopper }));
    expect(audit.rows[0]).toMatchObject({ action: 'member.revealIdDocument', actor: ADMIN.username, after: { reason: 'Checking the passport at the counter', idDocument: '••••8515' } });
  });

  it('states the notes limit, counts it, turns red above it and saves nothing', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    const notes = dialog.getByLabel('Notes');
    await expectText(dialog, /At most 2,?000 characters\./);
    await notes.fill('x'.repeat(2_001));
    await expectText(dialog.getByTestId('character-count').last(), /^2,?001\/2,?000$/);
    expect(await fieldErrors(dialog).count()).toBeGreaterThan(0);
    await dialog.getByTestId('character-count').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'member-notes-limit-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectText(fieldErrors(dialog), 'Notes can be at most 2,000 characters.');
    expect((await answer(app.router.invoke('members.get', { id: cast.shopper }))).notes).toBeNull();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the balance column in CNY and sorts it on the server, both ways', async () => {
    const { page } = app;
    await visit(page, '/members');
    const grid = page.getByRole('grid', { name: 'Members' });
    await waitForCells(grid, 'name', [SHOPPER.name, FRIEND.name, QUIET.name]);
    await waitForCells(grid, 'balance', ['CN¥7,171.36', 'CN¥250.00', 'CN¥0.00']);
    const header = grid.getByRole('columnheader', { name: 'Balance (CNY)' });
    await header.click();
    await waitForCells(grid, 'name', [QUIET.name, FRIEND.name, SHOPPER.name]);
    await header.click();
    await waitForCells(grid, 'name', [SHOPPER.name, FRIEND.name, QUIET.name]);
    expect(page.url()).toContain('sort=balance');
    await screenshot(page, 'members-list-balance-en');
  });

  it('exports every matching member as CSV with balances as plain decimals', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    expect(download.suggestedFilename()).toMatch(/^members-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['Member no.', 'Name', 'Phone', 'Email', 'Status', 'Registered', 'Balance (CNY)', 'Tier']);
    expect(rows.slice(1).map((row) => [row[1], row[6]])).toEqual([
      [SHOPPER.name, '7171.36'],
      [FRIEND.name, '250.00'],
      [QUIET.name, '0.00'],
    ]);
  });

  it('finds a member by the end of the number typed with spaces', async () => {
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Members' });
    const typed = `${cast.shopperNumber.slice(4, 8)} ${cast.shopperNumber.slice(8)}`;
    await page.getByRole('textbox', { name: 'Search members' }).fill(typed);
    await waitForCells(grid, 'name', [SHOPPER.name]);
    await page.getByRole('textbox', { name: 'Search members' }).fill('');
  });

  it('shows the list and the member page in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    const grid = page.getByRole('grid', { name: '会员' });
    await grid.getByRole('columnheader', { name: '余额（CNY）' }).waitFor();
    await screenshot(page, 'members-list-zh');
    await visit(page, `/members?member=${cast.shopper}`);
    const history = page.getByRole('grid', { name: '钱包明细' });
    await waitForTexts(counterparties(history), ['现金', `李四 · ${formatMemberNumber(cast.friendNumber)}`, '手续费收入', '星巴克', '现金']);
    await screenshot(page, 'member-detail-zh');
    await switchLanguage(page, 'English');
  });

  it('keeps the member page whole at 1024×700', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await visit(page, `/members?member=${cast.shopper}`);
    const history = page.getByRole('grid', { name: 'Wallet history' });
    await waitForTexts(counterparties(history), ['Cash']);
    await screenshot(page, 'member-detail-1024');
    const sideways = await page.evaluate(() =>
      [...document.querySelectorAll('main, main *')].some((element) => {
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
        return scrolls && !element.closest('.MuiDataGrid-root') && element.scrollWidth > element.clientWidth + 1;
      }),
    );
    expect(sideways).toBe(false);
    // The amount, the balance after it, the receipt and the row's actions stay inside the grid, whole.
    const gridBox = (await history.boundingBox())!;
    for (const name of ['Amount', 'Balance', 'Receipt', 'Actions']) {
      const box = (await history.getByRole('columnheader', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(gridBox.x + gridBox.width + 1);
    }
    const cut = await history.locator('[role="gridcell"]:is([data-field="amount"], [data-field="balanceAfter"], [data-field="receiptNumber"])').evaluateAll((found) =>
      found.filter((cell) => [cell, ...cell.querySelectorAll('*')].some((element) => element.scrollWidth > element.clientWidth + 0.5)).map((cell) => cell.textContent),
    );
    expect(cut).toEqual([]);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'member-detail-1024-wallet-history');
    await visit(page, '/members');
    const list = page.getByRole('grid', { name: 'Members' });
    await waitForCells(list, 'name', [SHOPPER.name]);
    const listBox = (await list.boundingBox())!;
    for (const name of ['Balance (CNY)', 'Registered']) {
      const box = (await list.getByRole('columnheader', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(listBox.x + listBox.width + 1);
    }
    await screenshot(page, 'members-list-1024');
    expect(app.problems).toEqual([]);
  });
});
