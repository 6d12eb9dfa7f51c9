import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatMemberNumber } from '../../src-shared/member-number';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { answer, expectText, lock, switchLanguage, TELLER, unlock, whollyInView } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 9 on the member page: a payment at the counter earns points (1 per 1.00 paid) and lifts
// the member to Gold (100 qualifying points) at once; the tier card and the Points tab show it;
// the redeem dialog previews the router's dry run as the points are typed, refuses more than can
// be spent and changes nothing, and redeems whole units only; a redemption is reversed from the
// history; refunding the payment takes its points back, records what was already spent as a
// shortfall, and leaves the downgrade to the daily run, which then makes the member Standard.

const SHOPPER = { name: '欧阳积分', phone: '13800138009' };
const FRIEND = { name: '李推荐', phone: '13900139009' };

let keys = 0;
const key = () => `points-e2e-${(keys += 1)}`;

async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#${target}`), path);
  await page.locator('main h1').first().waitFor();
}

function tierCard(page: Page): Locator {
  return page.getByTestId('tier-card');
}

/** The page scrolls inside its frame, so a picture of a part lower down first brings it to the top. */
async function bringToTop(locator: Locator): Promise<void> {
  await locator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** The points history's row whose movement is exactly `move`. */
function historyRow(page: Page, move: string): Locator {
  const grid = page.getByRole('grid', { name: 'Points history' });
  return grid.getByRole('row').filter({ has: page.locator('[data-field="move"]', { hasText: new RegExp(`^${move}$`) }) });
}

async function openPointsTab(page: Page, label: 'Points' | '积分' = 'Points'): Promise<void> {
  await page.getByRole('tab', { name: label, exact: true }).click();
  await page.getByTestId('points-tab').waitFor();
}

describe('member tiers and points on the member page', () => {
  let app: PaydeskPage;
  let shopper = 0;
  let friendNumber = '';

  const summary = () => answer(app.router.invoke('points.summary', { memberId: shopper }));
  const cnyBalance = async () => (await answer(app.router.invoke('wallets.summary', { memberId: shopper }))).wallets.find((wallet) => wallet.currency === 'CNY')!.balance;

  beforeAll(async () => {
    app = await openSignedIn(undefined, async (router) => {
      await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
      shopper = (await answer(router.invoke('members.create', SHOPPER))).id;
      friendNumber = (await answer(router.invoke('members.create', FRIEND))).memberNumber;
      await answer(router.invoke('wallets.deposit', { memberId: shopper, amount: 500_000, currency: 'CNY', idempotencyKey: key() }));
    });
    await app.page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows a new member as Standard, 100 points short of Gold, with an empty points tab', async () => {
    const { page } = app;
    await visit(page, `/members?member=${shopper}`);
    await expectText(tierCard(page).getByTestId('tier-chip'), 'Standard');
    await expectText(tierCard(page), '100 more points for Gold');
    await openPointsTab(page);
    await expectText(page.getByTestId('points-balance'), '0 PTS');
    await expectText(page.getByTestId('points-tab'), 'No points earned yet');
    await expectText(page.getByTestId('points-tab'), 'No points moved in the last 12 months');
    await expectText(page.getByTestId('points-tab'), 'No points have moved yet');
    await bringToTop(page.getByTestId('points-tab'));
    await screenshot(page, 'points-tab-empty-en');
  });

  it('earns 1 point per 1.00 of a payment at the counter and moves up to Gold at once', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open at the counter' }).click();
    await page.getByRole('heading', { level: 2, name: SHOPPER.name }).waitFor();
    await page.getByRole('tab', { name: 'Pay' }).click();
    await page.getByRole('textbox', { name: 'Merchant' }).fill('星巴克');
    await page.getByRole('textbox', { name: 'Amount' }).fill('250');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByTestId('operation-confirmation').waitFor();
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByTestId('receipt').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('link', { name: 'Member page' }).click();

    const card = tierCard(page);
    await expectText(card.getByTestId('tier-chip'), 'Gold');
    await expectText(card.getByTestId('tier-qualifying'), '250 qualifying points earned in the 12-month window');
    await expectText(card.getByTestId('tier-next'), '250 more points for Diamond');
    await expectText(card.getByTestId('tier-benefits'), 'Payment fee0.4%');
    await expectText(card.getByTestId('tier-benefits'), 'Points earned×1.25');
    const after = await summary();
    expect(after).toMatchObject({ balance: 250, spendable: 250, pending: 0, shortfall: 0, tier: { tier: 'gold', qualifying: 250 } });
    await screenshot(page, 'points-tier-card-en');

    await openPointsTab(page);
    await expectText(page.getByTestId('points-balance'), '250 PTS');
    await expectText(page.getByTestId('points-spendable'), '250 PTS');
    const lots = page.getByRole('grid', { name: 'Points lots' });
    await expectText(lots.locator('[role="gridcell"][data-field="remaining"]'), '250 PTS');
    await expectText(lots.locator('[role="gridcell"][data-field="state"]'), 'Live');
    const history = page.getByRole('grid', { name: 'Points history' });
    await expectText(history.locator('[role="gridcell"][data-field="move"]'), 'Earned · Payment');
    await expectText(history.locator('[role="gridcell"][data-field="points"]'), '+250 PTS');
    await page.getByRole('region', { name: 'Points per month' }).locator('svg').first().waitFor();
    await bringToTop(page.getByTestId('points-tab'));
    await screenshot(page, 'points-tab-en');
    await bringToTop(page.getByRole('heading', { name: 'Points lots' }));
    await screenshot(page, 'points-lots-history-en');
  });

  it('refuses to redeem more than can be spent, in the dialog, and changes nothing', async () => {
    const { page } = app;
    const walletBefore = await cnyBalance();
    await page.getByTestId('points-tab').getByRole('button', { name: 'Redeem' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Points' }).fill('1000');
    await expectText(dialog, 'The member does not have that many points they can spend now.');
    await dialog.getByRole('button', { name: 'Redeem' }).click();
    await expectText(dialog, 'The member does not have that many points they can spend now.');
    expect(await summary()).toMatchObject({ balance: 250, spendable: 250, redeemedCredit: [] });
    expect(await cnyBalance()).toBe(walletBefore);
  });

  it('previews a redemption as the points are typed and redeems whole units only, the rest staying as points', async () => {
    const { page } = app;
    const walletBefore = await cnyBalance();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Points' }).fill('150');
    const preview = dialog.getByTestId('redeem-preview');
    await expectText(preview, '150 PTS → CN¥1.00');
    await expectText(preview, '50 PTS stay as points');
    await expectText(preview, 'Points after150 PTS');
    await screenshot(page, 'points-redeem-dialog-en');
    await dialog.getByRole('button', { name: 'Redeem' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('points-balance'), '150 PTS');
    expect(await summary()).toMatchObject({ balance: 150, redeemedCredit: [{ currency: 'CNY', amount: 100 }], tier: { tier: 'gold', qualifying: 250 } });
    expect(await cnyBalance()).toBe(walletBefore + 100);
    const history = page.getByRole('grid', { name: 'Points history' });
    await expectText(history.getByTestId('lineage').first(), /^from lot #\d+ \(100\)$/);
  });

  it('reverses a redemption from the history: the points go back to their lot and the credit leaves the wallet', async () => {
    const { page } = app;
    const walletBefore = await cnyBalance();
    const history = page.getByRole('grid', { name: 'Points history' });
    await historyRow(page, 'Redeemed').getByRole('button', { name: 'Reverse' }).click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, '100 PTS go back to the lots they came from');
    await dialog.getByLabel('Reason').fill('Redeemed by mistake');
    await dialog.getByRole('button', { name: 'Reverse' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('points-balance'), '250 PTS');
    await expectText(history.locator('[role="gridcell"][data-field="move"]').first(), 'Redemption reversed');
    await expectText(historyRow(page, 'Redeemed'), 'Reversed');
    expect(await historyRow(page, 'Redeemed').getByRole('button', { name: 'Reverse' }).count()).toBe(0);
    expect(await summary()).toMatchObject({ balance: 250, redeemedCredit: [] });
    expect(await cnyBalance()).toBe(walletBefore - 100);
  });

  it('shows the tier card, the points tab and the redeem dialog in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await expectText(tierCard(page).getByTestId('tier-chip'), '金卡');
    await expectText(tierCard(page).getByTestId('tier-next'), '再得 250 积分可升至钻石卡');
    await expectText(page.getByTestId('points-balance'), '250 PTS');
    await bringToTop(page.getByTestId('points-tab'));
    await screenshot(page, 'points-tab-zh');
    await page.getByTestId('points-tab').getByRole('button', { name: '兑换' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '积分' }).fill('200');
    await expectText(dialog.getByTestId('redeem-preview'), '200 PTS → ¥2.00');
    await screenshot(page, 'points-redeem-dialog-zh');
    await dialog.getByRole('button', { name: '兑换' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('points-balance'), '50 PTS');
    await bringToTop(page.locator('main h1'));
    await screenshot(page, 'points-tier-card-zh');
    await switchLanguage(page, 'English');
  });

  it('takes a refunded payment\'s points back, records what was already spent as a shortfall, and leaves the downgrade to the daily run', async () => {
    const { page, router } = app;
    await page.getByRole('tab', { name: 'Wallets', exact: true }).click();
    await page.getByRole('grid', { name: 'Wallet history' }).getByRole('gridcell', { name: 'Payment 星巴克', exact: true }).click();
    await page.getByRole('button', { name: 'Reverse' }).click();
    const reversal = page.getByRole('dialog').filter({ hasText: 'A reversal posts the opposite' });
    await reversal.getByLabel('Reason').fill('Goods returned');
    await reversal.getByRole('button', { name: 'Reverse' }).click();
    const done = page.getByRole('dialog').filter({ hasText: 'Reversal posted' });
    await done.getByRole('button', { name: 'Close' }).click();
    // Back on the payment's receipt, which now shows its reversal.
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    expect(await summary()).toMatchObject({ balance: 0, shortfall: 200, tier: { tier: 'gold', due: 'standard', qualifying: 0 } });
    const card = tierCard(page);
    await expectText(card.getByTestId('tier-keeping'), 'The qualifying points now give Standard: Gold moves down to Standard at the next daily run.');
    await expectText(card.getByTestId('tier-qualifying'), '0 qualifying points');
    await bringToTop(page.locator('main h1'));
    await screenshot(page, 'points-tier-after-refund-en');
    await openPointsTab(page);
    await expectText(page.getByTestId('points-shortfall'), '200 PTS');
    await expectText(page.getByTestId('points-shortfall-alert'), '200 PTS could not be taken back');
    await expectText(page.getByRole('grid', { name: 'Points history' }).locator('[role="gridcell"][data-field="move"]').first(), 'Taken back by a refund');
    await bringToTop(page.getByTestId('points-tab'));
    await screenshot(page, 'points-after-refund-en');
    await switchLanguage(page, '简体中文');
    await expectText(page.getByTestId('points-shortfall-alert'), '200 PTS 未能扣回');
    await bringToTop(page.getByTestId('points-tab'));
    await screenshot(page, 'points-after-refund-zh');
    await bringToTop(page.locator('main h1'));
    await expectText(tierCard(page).getByTestId('tier-keeping'), '将在下一次每日任务时降为标准');
    await screenshot(page, 'points-tier-after-refund-zh');
    await switchLanguage(page, 'English');

    await answer(router.invoke('jobs.runDue', {}));
    await page.reload();
    await expectText(tierCard(page).getByTestId('tier-chip'), 'Standard');
    expect((await summary()).tier).toMatchObject({ tier: 'standard', due: 'standard' });
  });

  it('records a referral once per referred member: a second one is refused in the dialog and changes nothing', async () => {
    const { page } = app;
    await openPointsTab(page);
    await page.getByTestId('points-tab').getByRole('button', { name: 'Record referral' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Referred member' }).fill('推荐');
    await page.getByRole('option', { name: new RegExp(FRIEND.name) }).click();
    await screenshot(page, 'points-referral-dialog-en');
    await dialog.getByRole('button', { name: 'Record referral' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('points-balance'), '10 PTS');
    await expectText(historyRow(page, 'Earned · Referral'), '+10 PTS');
    await expectText(historyRow(page, 'Earned · Referral'), formatMemberNumber(friendNumber));

    await page.getByTestId('points-tab').getByRole('button', { name: 'Record referral' }).click();
    await dialog.getByRole('combobox', { name: 'Referred member' }).fill('推荐');
    await page.getByRole('option', { name: new RegExp(FRIEND.name) }).click();
    await dialog.getByRole('button', { name: 'Record referral' }).click();
    await expectText(dialog, 'This member was already referred by someone');
    expect(await summary()).toMatchObject({ balance: 10 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('records a review by its reference', async () => {
    const { page } = app;
    await page.getByTestId('points-tab').getByRole('button', { name: 'Record review' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Review reference' }).fill('大众点评 #88231');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('points-balance'), '11 PTS');
    await expectText(historyRow(page, 'Earned · Review'), '大众点评 #88231');
  });

  it('adjusts points by hand with a reason, refusing to take more than the member holds and changing nothing then', async () => {
    const { page } = app;
    await page.getByTestId('points-tab').getByRole('button', { name: 'Adjust points' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Points (+ or −)' }).fill('1.5');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Counted twice');
    await dialog.getByRole('button', { name: 'Adjust' }).click();
    await expectText(dialog, 'Points are whole numbers.');
    await dialog.getByRole('textbox', { name: 'Points (+ or −)' }).fill('-1000');
    await dialog.getByRole('button', { name: 'Adjust' }).click();
    await expectText(dialog, 'The member does not have that many points they can spend now.');
    await screenshot(page, 'points-adjust-refused-en');
    expect(await summary()).toMatchObject({ balance: 11 });
    await dialog.getByRole('textbox', { name: 'Points (+ or −)' }).fill('50');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Goodwill after a complaint');
    await dialog.getByRole('button', { name: 'Adjust' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('points-balance'), '61 PTS');
    await expectText(historyRow(page, 'Adjusted up'), 'Goodwill after a complaint');
  });

  it('lets an admin hold the member at Gold with a floor, whatever the points', async () => {
    const { page } = app;
    await tierCard(page).getByRole('button', { name: 'Set tier floor' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Lowest tier' }).click();
    await page.getByRole('option', { name: 'Gold' }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Corporate account');
    await screenshot(page, 'points-floor-dialog-en');
    await dialog.getByRole('button', { name: 'Set floor' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(tierCard(page).getByTestId('tier-chip'), 'Gold');
    await expectText(tierCard(page).getByTestId('tier-keeping'), 'Held at Gold by an admin, whatever the points.');
    expect((await summary()).tier).toMatchObject({ tier: 'gold', floor: 'gold' });
    await bringToTop(page.locator('main h1'));
    await screenshot(page, 'points-tier-floor-en');
    await switchLanguage(page, '简体中文');
    await expectText(tierCard(page).getByTestId('tier-keeping'), '管理员已将等级保底为金卡');
    await screenshot(page, 'points-tier-floor-zh');
    await switchLanguage(page, 'English');
  });

  it('keeps the tier card, the points tab and the redeem dialog readable in the dark theme', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await bringToTop(page.locator('main h1'));
    await screenshot(page, 'points-tier-card-dark');
    await bringToTop(page.getByTestId('points-tab'));
    await screenshot(page, 'points-tab-dark');
    await page.getByTestId('points-tab').getByRole('button', { name: 'Redeem' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Points' }).fill('61');
    await expectText(dialog, 'Points are redeemed in whole units only, and this is less than one unit.');
    await screenshot(page, 'points-redeem-below-unit-dark');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    expect(await summary()).toMatchObject({ balance: 61 });
  });

  it('keeps every column of the lots and the history in view at 1024×700, in both languages', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    for (const language of ['en', 'zh'] as const) {
      if (language === 'zh') await switchLanguage(page, '简体中文');
      const last = [
        page.getByRole('grid', { name: language === 'en' ? 'Points lots' : '积分批次' }).getByRole('columnheader', { name: language === 'en' ? 'State' : '状态', exact: true }),
        page.getByRole('grid', { name: language === 'en' ? 'Points history' : '积分明细' }).getByRole('columnheader', { name: language === 'en' ? 'Actions' : '操作', exact: true }),
      ];
      // The grids lay their columns out again after the resize and the language change: asked until they settle.
      for (const header of last) {
        await header.waitFor();
        await expect.poll(() => whollyInView(header)).toBe(true);
      }
      // Days and moments whole, never cut to "2026年12月…".
      const dates = page.getByTestId('points-tab').locator('[role="gridcell"] time');
      await expect.poll(() => dates.evaluateAll((times) => times.filter((time) => time.parentElement!.scrollWidth > time.parentElement!.clientWidth + 1).map((time) => time.textContent))).toEqual([]);
      await bringToTop(page.getByRole('heading', { name: language === 'en' ? 'Points lots' : '积分批次' }));
      await screenshot(page, `points-lots-history-1024-${language}`);
    }
    await switchLanguage(page, 'English');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('offers a teller redeeming and recording, but not adjusting, setting a floor or reversing', async () => {
    const { page } = app;
    await lock(page);
    await unlock(page, TELLER.username, TELLER.passphrase);
    await page.getByRole('heading', { name: `Welcome, ${TELLER.displayName}` }).waitFor();
    await visit(page, `/members?member=${shopper}&tab=points`);
    await page.getByRole('heading', { level: 1, name: SHOPPER.name }).waitFor();
    const tab = page.getByTestId('points-tab');
    await expectText(tab.getByTestId('points-balance'), '61 PTS');
    const buttons = await tab.getByRole('button').filter({ hasText: /^(Redeem|Record referral|Record review|Adjust points)$/ }).allTextContents();
    expect(buttons).toEqual(['Redeem', 'Record referral', 'Record review']);
    expect(await tierCard(page).getByRole('button', { name: 'Set tier floor' }).count()).toBe(0);
    await page.getByRole('grid', { name: 'Points history' }).getByRole('columnheader', { name: 'Balance after' }).waitFor();
    expect(await page.getByRole('grid', { name: 'Points history' }).getByRole('button', { name: 'Reverse' }).count()).toBe(0);
    await screenshot(page, 'points-tab-teller-en');
    expect(app.problems).toEqual([]);
  });
});
