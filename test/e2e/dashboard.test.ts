import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import { closeBrowser, screenshotWhole, type PaydeskPage } from './harness';
import { answer, expectText, navigation, switchLanguage, TELLER } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 12, the dashboard: the home screen of every role, its figures, charts and links, in both
// languages, dark mode, at 1024×700, and on a fresh install.

const DAY = 86_400_000;

afterAll(async () => {
  await closeBrowser();
});

/**
 * Demo data, with its members' and batches' dates moved into the last twelve weeks: the demo's
 * story lies more than a year back, and a trend of those weeks is what the chart draws. A fixture
 * of the test, written to the folder before anyone signs in.
 */
async function demoOfRecentWeeks(router: Router, members: number): Promise<void> {
  await answer(router.invoke('demo.load', { members, transfers: members * 4, seed: 12 }));
  const { sqlite } = router.state.requireStore();
  const now = Date.now();
  const ids = sqlite.prepare('SELECT id FROM members ORDER BY id').pluck().all() as number[];
  const move = sqlite.prepare('UPDATE members SET created_at = ? WHERE id = ?');
  // More members joining each week than the one before, with a dip, as a branch that is growing.
  ids.forEach((id, index) => move.run(new Date(now - Math.floor(84 * DAY * (1 - Math.sqrt((index + 1) / ids.length)) + 3_600_000)).toISOString(), id));
  sqlite.prepare('UPDATE payout_batches SET created_at = ?').run(new Date(now - 3_600_000).toISOString());
}

async function dashboardDrawn(page: Page): Promise<void> {
  await page.getByTestId('dashboard').waitFor();
  await page.waitForLoadState('networkidle');
}

/** The page has no horizontal scroll of its own. */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main, main *')].some((element) => {
      const style = getComputedStyle(element);
      return (style.overflowX === 'auto' || style.overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1;
    }),
  );
}

describe('dashboard as an admin', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openSignedIn(undefined, (router) => demoOfRecentWeeks(router, 300));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('draws every figure and chart, the cards link to their screens, in English, Chinese and dark', async () => {
    const { page } = app;
    await dashboardDrawn(page);
    for (const figure of ['Owed to members', 'Points outstanding', 'Waiting for approval', 'Members', 'Cards']) await page.getByRole('region', { name: figure, exact: true }).waitFor();
    await expectText(page.getByRole('region', { name: 'Owed to members' }), /CN¥[\d,]+\.\d\d/);
    await expectText(page.getByRole('region', { name: 'Members', exact: true }), '300');
    for (const chart of ['New members per week', 'Members by tier', 'Payouts this month']) {
      await page.getByRole('region', { name: chart }).locator('svg').first().waitFor();
    }
    expect(await page.getByRole('region', { name: 'New members per week' }).locator('.MuiBarElement-root, [class*="MuiBarChart"] rect').count()).toBeGreaterThan(5);
    await page.getByRole('region', { name: 'Batches waiting for approval' }).waitFor();
    await screenshotWhole(page, 'dashboard-admin-en');

    await page.setViewportSize({ width: 1024, height: 700 });
    await dashboardDrawn(page);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshotWhole(page, 'dashboard-admin-1024-en');
    await page.setViewportSize({ width: 1280, height: 800 });

    await switchLanguage(page, '简体中文');
    await page.getByRole('region', { name: '应付会员款项' }).waitFor();
    await page.getByRole('region', { name: '会员等级分布' }).locator('svg').first().waitFor();
    await screenshotWhole(page, 'dashboard-admin-zh');
    await switchLanguage(page, 'English');

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.mouse.move(5, 5);
    await screenshotWhole(page, 'dashboard-admin-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();

    await page.getByRole('region', { name: 'Waiting for approval', exact: true }).getByRole('link').click();
    await page.waitForURL(/#\/payouts\?status=submitted$/);
    await page.getByRole('heading', { level: 1, name: 'Payouts' }).waitFor();
    await navigation(page).getByRole('link', { name: 'Home' }).click();
    await dashboardDrawn(page);
    await page.getByRole('region', { name: 'Members by tier' }).getByRole('link', { name: 'Gold' }).click();
    await page.waitForURL(/#\/members\?tier=gold$/);
    await navigation(page).getByRole('link', { name: 'Home' }).click();
    await dashboardDrawn(page);
    await page.getByRole('region', { name: 'Go on to' }).getByRole('link', { name: 'Verify the ledger' }).click();
    await page.waitForURL(/#\/verify$/);
    expect(app.problems).toEqual([]);
  });
});

describe('dashboard as a teller', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openSignedIn(TELLER, async (router) => {
      await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
      await demoOfRecentWeeks(router, 120);
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows her counter today, members, tiers and cards, and no money or payouts', async () => {
    const { page } = app;
    await dashboardDrawn(page);
    await page.getByRole('region', { name: 'Your counter today' }).waitFor();
    for (const figure of ['Members', 'Cards']) await page.getByRole('region', { name: figure, exact: true }).waitFor();
    await page.getByRole('region', { name: 'Members by tier' }).locator('svg').first().waitFor();
    await page.getByRole('region', { name: 'New members per week' }).locator('svg').first().waitFor();
    for (const hidden of ['Owed to members', 'Points outstanding', 'Waiting for approval', 'Payouts this month']) expect(await page.getByRole('region', { name: hidden }).count(), hidden).toBe(0);
    await screenshotWhole(page, 'dashboard-teller-en');
    await page.getByRole('region', { name: 'Members', exact: true }).getByRole('link').click();
    await page.waitForURL(/#\/members$/);
    expect(app.problems).toEqual([]);
  });
});

describe('dashboard on a fresh install', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openSignedIn();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('says there is nothing yet and what to do first, every chart empty', async () => {
    const { page } = app;
    await dashboardDrawn(page);
    await expectText(page.locator('main'), 'Nothing to show yet');
    await expectText(page.getByRole('region', { name: 'New members per week' }), 'No new members in the last 12 weeks');
    await expectText(page.getByRole('region', { name: 'Payouts this month' }), 'No payout batches this month');
    await expectText(page.getByRole('region', { name: 'Owed to members' }), 'Nothing yet');
    await screenshotWhole(page, 'dashboard-empty-en');
    expect(app.problems).toEqual([]);
  });
});
