import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, expectText, navigation, switchLanguage, unlock, whollyInView } from './support/app-actions';

// Issue 8, defect 3: at 1024×700 every screen fits. The navigation folds to an icon rail (by
// default below 1100 px, by keyboard, and it stays as left across a reload), amounts are never
// cut off, long text is cut with its full text on hover, and the wallet history's Receipt and
// Reverse stay in view, all on demo data with a wallet of tens of millions.

const DEMO = { members: 300, transfers: 3_000, seed: 8 };
const RICH_MEMBER = { name: 'Wilhelmina Featherstonehaugh-Worthington', phone: '13700137000', email: 'wilhelmina.featherstonehaugh-worthington@example-cooperative.org' };
/** CN¥60,957,591.50, the balance the walk saw cut to "CN¥60,957,591…." in the chart of accounts. */
const LARGE_DEPOSIT = 6_095_759_150;

const SMALL = { width: 1024, height: 700 };
const LARGE = { width: 1280, height: 800 };

const SCREENS = [
  { path: '/', name: 'home', nav: { en: 'Home', zh: '首页' } },
  { path: '/members', name: 'members', nav: { en: 'Members', zh: '会员' } },
  { path: '/teller', name: 'teller', nav: { en: 'Teller counter', zh: '柜台' } },
  { path: '/ledger/accounts', name: 'chart-of-accounts', nav: { en: 'Chart of accounts', zh: '会计科目' } },
  { path: '/ledger/journal', name: 'journal', nav: { en: 'Journal', zh: '日记账' } },
  { path: '/audit', name: 'audit-log', nav: { en: 'Audit log', zh: '审计日志' } },
  { path: '/verify', name: 'verify', nav: { en: 'Integrity', zh: '完整性校验' } },
  { path: '/admin/staff', name: 'staff', nav: { en: 'Staff', zh: '员工' } },
  { path: '/admin/backup', name: 'backup', nav: { en: 'Backup & keys', zh: '备份与密钥' } },
  { path: '/admin/settings', name: 'settings', nav: { en: 'Settings', zh: '设置' } },
  { path: '/cards', name: 'card-register', nav: { en: 'Cards', zh: '卡片' } },
  { path: '/cards/terminal', name: 'card-terminal', nav: { en: 'Card terminal', zh: '刷卡终端' } },
  { path: '/admin/card-programs', name: 'card-programs', nav: { en: 'Card programs', zh: '卡计划' } },
  { path: '/payouts', name: 'payouts', nav: { en: 'Payouts', zh: '批量付款' } },
  { path: '/reports', name: 'reports', nav: { en: 'Reports', zh: '报表' } },
] as const;

/**
 * The cells of `fields` whose text reaches past the cell's edges or past the grid's visible area
 * (cut off, hidden behind an ellipsis, or scrolled out of view), as "field: text".
 */
async function cutCells(grid: Locator, fields: readonly string[]): Promise<string[]> {
  const selector = fields.map((field) => `[role="gridcell"][data-field="${field}"]`).join(', ');
  return grid.locator(selector).evaluateAll((cells) => {
    const scroller = cells[0]?.closest('.MuiDataGrid-virtualScroller')?.getBoundingClientRect();
    return cells
      .filter((cell) => {
        const box = cell.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(cell);
        const text = range.getBoundingClientRect();
        const inCell = text.left >= box.left - 0.5 && text.right <= box.right + 0.5;
        const inView = !scroller || (box.left >= scroller.left - 0.5 && box.right <= scroller.right + 0.5);
        return !inCell || !inView;
      })
      .map((cell) => `${(cell as HTMLElement).dataset.field}: ${cell.textContent}`);
  });
}

/** Text cells that are cut short without their whole text in a title to read on hover. */
async function cutWithoutTitle(grid: Locator, fields: readonly string[]): Promise<string[]> {
  const selector = fields.map((field) => `[role="gridcell"][data-field="${field}"]`).join(', ');
  return grid.locator(selector).evaluateAll((cells) =>
    cells
      .filter((cell) => {
        const cut = [cell, ...cell.querySelectorAll('*')].some((element) => element.scrollWidth > element.clientWidth + 0.5);
        const titled = [cell, ...cell.querySelectorAll('[title]')].some((element) => element.getAttribute('title') === cell.textContent);
        return cut && !titled;
      })
      .map((cell) => `${(cell as HTMLElement).dataset.field}: ${cell.textContent}`),
  );
}

async function navigationWidth(page: Page): Promise<number> {
  return (await navigation(page).boundingBox())?.width ?? 0;
}

async function waitForNavigationWidth(page: Page, test: (width: number) => boolean): Promise<number> {
  const deadline = Date.now() + 5_000;
  let width = await navigationWidth(page);
  while (!test(width) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    width = await navigationWidth(page);
  }
  return width;
}

/** The page has no horizontal scroll of its own: whatever is wider scrolls inside its grid. */
async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => [...document.querySelectorAll('main, main *')].some((element) => {
    const style = getComputedStyle(element);
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    return scrolls && !element.closest('.MuiDataGrid-root') && element.scrollWidth > element.clientWidth + 1;
  }));
}

async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#${target}`), path);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

async function gridRows(grid: Locator): Promise<void> {
  await grid.locator('[role="gridcell"]').first().waitFor();
}

describe('the screens at 1024×700', () => {
  let app: PaydeskPage;
  let richMemberId = 0;

  beforeAll(async () => {
    app = await openPaydesk({
      prepare: async (router) => {
        await router.invoke('setup.init', ADMIN);
        const demo = await router.invoke('demo.load', DEMO);
        if (!demo.ok) throw new Error(`demo.load refused: ${demo.error.code}`);
        const member = await router.invoke('members.create', RICH_MEMBER);
        if (!member.ok) throw new Error(`members.create refused: ${member.error.code}`);
        richMemberId = member.value.id;
        // A deposit this large needs a second person's approval at the counter; here only its width matters.
        await router.invoke('settings.update', { approvalThresholds: {} });
        const deposit = await router.invoke('wallets.deposit', { memberId: richMemberId, amount: LARGE_DEPOSIT, currency: 'CNY', idempotencyKey: 'layout-1024-large-deposit', memo: 'Merchant settlement for the whole of the autumn trade fair' });
        if (!deposit.ok) throw new Error(`wallets.deposit refused: ${deposit.error.code}`);
        await router.invoke('session.lock', {});
      },
    });
    await app.page.setViewportSize(SMALL);
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
    await app.page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('starts with the navigation folded to an icon rail below 1100 px, each icon named', async () => {
    const { page } = app;
    expect(await waitForNavigationWidth(page, (width) => width < 80)).toBeLessThan(80);
    for (const screen of SCREENS) await navigation(page).getByRole('link', { name: screen.nav.en, exact: true }).waitFor();
    await navigation(page).getByRole('link', { name: 'Members', exact: true }).hover();
    await expectText(page.getByRole('tooltip'), 'Members');
    await page.mouse.move(600, 400);
  });

  it('unfolds and folds the navigation from the keyboard, and a reload keeps the choice', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Expand navigation' }).focus();
    await page.keyboard.press('Enter');
    expect(await waitForNavigationWidth(page, (width) => width > 200)).toBeGreaterThan(200);
    await page.reload();
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` }).waitFor();
    expect(await waitForNavigationWidth(page, (width) => width > 200)).toBeGreaterThan(200);

    await page.getByRole('button', { name: 'Collapse navigation' }).focus();
    await page.keyboard.press('Space');
    expect(await waitForNavigationWidth(page, (width) => width < 80)).toBeLessThan(80);
    await page.reload();
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` }).waitFor();
    await page.waitForTimeout(300);
    expect(await navigationWidth(page)).toBeLessThan(80);
    await page.getByRole('button', { name: 'Expand navigation' }).waitFor();
  });

  it('shows every amount of the chart of accounts whole, at 1280 px with the navigation open and at 1024 px', async () => {
    const { page } = app;
    const amounts = ['debitsPosted', 'creditsPosted', 'balance'];
    await visit(page, '/ledger/accounts');
    const grid = page.getByRole('grid', { name: 'Accounts' });
    await gridRows(grid);
    await expectText(grid, 'Branch cash');
    expect(await cutCells(grid, amounts)).toEqual([]);
    expect(await cutWithoutTitle(grid, ['code', 'name'])).toEqual([]);
    await grid.scrollIntoViewIfNeeded();
    await screenshot(page, 'layout-1024-en-chart-of-accounts-grid');

    await page.setViewportSize(LARGE);
    await page.getByRole('button', { name: 'Expand navigation' }).click();
    await page.waitForTimeout(400);
    expect(await cutCells(grid, amounts)).toEqual([]);
    expect(await cutWithoutTitle(grid, ['code', 'name'])).toEqual([]);
    await page.mouse.move(600, 600);
    await screenshot(page, 'layout-1280-en-chart-of-accounts');
    await page.getByRole('button', { name: 'Collapse navigation' }).click();
    await page.setViewportSize(SMALL);
  });

  it('shows the journal\'s sequence numbers and amounts whole at 1024 px', async () => {
    const { page } = app;
    await visit(page, '/ledger/journal');
    const grid = page.getByRole('grid', { name: 'Journal' });
    await gridRows(grid);
    expect(await cutCells(grid, ['id', 'amount'])).toEqual([]);
  });

  it('keeps the members list in its columns: long email cut with a title, Registered in view', async () => {
    const { page } = app;
    await visit(page, '/members');
    const grid = page.getByRole('grid', { name: 'Members' });
    await gridRows(grid);
    expect(await cutWithoutTitle(grid, ['name', 'phone', 'email'])).toEqual([]);
    expect(await whollyInView(grid.getByRole('columnheader', { name: 'Registered' }))).toBe(true);
    await page.getByRole('textbox', { name: 'Search' }).fill('Featherstonehaugh');
    await expectText(grid, RICH_MEMBER.email.slice(0, 12));
    expect(await cutWithoutTitle(grid, ['name', 'email'])).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
    await page.getByRole('textbox', { name: 'Search' }).fill('');
  });

  it('keeps the wallet history\'s amount, Receipt and Reverse in view on the member page', async () => {
    const { page } = app;
    await visit(page, `/members?member=${richMemberId}`);
    const grid = page.getByRole('grid', { name: 'Wallet history' });
    await gridRows(grid);
    expect(await cutCells(grid, ['amount', 'receiptNumber'])).toEqual([]);
    expect(await whollyInView(grid.getByRole('columnheader', { name: 'Receipt' }))).toBe(true);
    expect(await whollyInView(grid.getByRole('button', { name: 'Reverse' }).first())).toBe(true);
    expect(await pageScrollsSideways(page)).toBe(false);
  });

  for (const language of ['en', 'zh'] as const) {
    it(`fits every screen at 1024×700 in ${language === 'en' ? 'English, light' : 'Chinese, dark'}`, async () => {
      const { page } = app;
      if (language === 'zh') {
        await switchLanguage(page, '简体中文');
        await page.getByRole('button', { name: '切换到深色主题' }).click();
        await page.mouse.move(600, 600);
      }
      for (const screen of SCREENS) {
        await visit(page, screen.path);
        expect(await pageScrollsSideways(page), screen.name).toBe(false);
        await screenshot(page, `layout-1024-${language}-${screen.name}`);
      }
      await visit(page, `/members?member=${richMemberId}`);
      const history = page.getByRole('grid', { name: language === 'en' ? 'Wallet history' : '钱包明细' });
      await gridRows(history);
      expect(await cutCells(history, ['amount', 'receiptNumber'])).toEqual([]);
      await screenshot(page, `layout-1024-${language}-member-detail`);
      await history.scrollIntoViewIfNeeded();
      await screenshot(page, `layout-1024-${language}-member-detail-wallet-history`);
      await visit(page, `/teller?member=${richMemberId}`);
      await page.getByText(RICH_MEMBER.name).first().waitFor();
      expect(await pageScrollsSideways(page)).toBe(false);
      await screenshot(page, `layout-1024-${language}-teller-member`);
      await page.getByRole('button', { name: language === 'en' ? 'Expand navigation' : '展开导航' }).click();
      await page.mouse.move(600, 600);
      await screenshot(page, `layout-1024-${language}-teller-member-navigation-open`);
      await page.getByRole('button', { name: language === 'en' ? 'Collapse navigation' : '收起导航' }).click();
    });
  }
});
