import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { answer, expectText, fieldErrors, navigation, openScreen, switchLanguage, TELLER } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 9, Admin → Loyalty: the tiers and points scheme on one screen. Changing a threshold shows,
// from the router's own dry run, how many members would move up and down and who they are;
// Save names those counts before it saves a new version and moves the members. Thresholds that do
// not rise are refused on the field in our words, and nothing is saved. A teller never sees it.

let keys = 0;
const key = () => `loyalty-e2e-${(keys += 1)}`;

/** Members whose payments earned 1 point per 1.00: 120 (Gold), 95 (Standard, Gold from 90), 600 (Diamond, Gold from 650). */
const SHOPPERS = [
  { name: '王金卡', phone: '13800138101', paid: 12_000 },
  { name: '李将升', phone: '13800138102', paid: 9_500 },
  { name: '赵将降', phone: '13800138103', paid: 60_000 },
  { name: 'Olive Small', phone: '13800138104', paid: 3_000 },
];

async function seedShoppers(router: Router, ids: Record<string, number>): Promise<void> {
  for (const shopper of SHOPPERS) {
    const { id } = await answer(router.invoke('members.create', { name: shopper.name, phone: shopper.phone }));
    ids[shopper.name] = id;
    await answer(router.invoke('wallets.deposit', { memberId: id, amount: 100_000, currency: 'CNY', idempotencyKey: key() }));
    await answer(router.invoke('wallets.pay', { memberId: id, amount: shopper.paid, currency: 'CNY', merchant: 'Tea House', idempotencyKey: key() }));
  }
}

function threshold(page: Page, tier: string, column = 'From (qualifying points)'): Locator {
  return page.getByLabel(`${column} of ${tier}`, { exact: true });
}

function preview(page: Page): Locator {
  return page.getByTestId('tier-change-preview');
}

describe('the Loyalty settings screen', () => {
  let app: PaydeskPage;
  const ids: Record<string, number> = {};
  const version = async () => (await answer(app.router.invoke('points.rules', {}))).version;
  const tierOf = async (name: string) => (await answer(app.router.invoke('points.summary', { memberId: ids[name]! }))).tier.tier;

  beforeAll(async () => {
    app = await openSignedIn(undefined, (router) => seedShoppers(router, ids));
    await openScreen(app.page, 'Loyalty');
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows the default tiers with their fee as a percent (the currency\'s rate when none) and multiplier, as version defaults', async () => {
    const { page } = app;
    await expectText(page.getByTestId('loyalty-version'), 'Defaults (never changed)');
    await expectText(page.locator('main'), 'Each save is a new version, kept in the audit log');
    expect(await threshold(page, 'Gold').inputValue()).toBe('100');
    expect(await threshold(page, 'Gold', 'Payment fee').inputValue()).toBe('0.40');
    expect(await threshold(page, 'Gold', 'Points multiplier').inputValue()).toBe('1.25');
    expect(await threshold(page, 'Standard', 'Payment fee').inputValue()).toBe('');
    await expectText(page.getByRole('region', { name: 'Tiers', exact: true }), "The currency's rate: CNY 0.5%");
    await expectText(preview(page), 'Change a rule to see who it would move.');
    expect(await page.getByRole('button', { name: 'Save rules' }).isDisabled()).toBe(true);
  });

  it('previews who a change of the Gold and Diamond thresholds would move, by name, without saving', async () => {
    const { page } = app;
    await threshold(page, 'Gold').fill('90');
    await threshold(page, 'Diamond').fill('650');
    await expectText(page.getByTestId('tier-move-counts'), '1 member would move up');
    await expectText(page.getByTestId('tier-move-counts'), '1 member would move down');
    const grid = page.getByRole('grid', { name: 'Members who would change tier' });
    await expectText(grid, '赵将降');
    const rows = await grid.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual([expect.stringMatching(/赵将降.*Diamond.*Gold.*600 PTS/), expect.stringMatching(/李将升.*Standard.*Gold.*95 PTS/)]);
    expect(await version()).toBe(0);
    expect([await tierOf('李将升'), await tierOf('赵将降')]).toEqual(['standard', 'diamond']);
    await preview(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'loyalty-settings-preview-en');
  });

  it('says the same in Chinese, in the locale\'s words', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await expectText(page.getByTestId('tier-move-counts'), '1 位会员将升级');
    await expectText(page.getByRole('grid', { name: '将调整等级的会员' }), '金卡');
    await preview(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'loyalty-settings-preview-zh');
    await switchLanguage(page, 'English');
    await expectText(page.getByTestId('tier-move-counts'), '1 member would move up');
  });

  it('asks before saving, naming the counts, then saves version 1 and moves both members', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Save rules' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the loyalty rules as version 1?' });
    await expectText(dialog.getByTestId('save-rules-moves'), '1 member would move up and 1 member would move down, at once.');
    await screenshot(page, 'loyalty-settings-confirm-en');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'Saved as' }), 'Saved as version 1: 1 moved up, 1 moved down.');
    await expectText(page.getByTestId('loyalty-version'), 'Version 1');
    expect(await version()).toBe(1);
    expect([await tierOf('李将升'), await tierOf('赵将降'), await tierOf('王金卡')]).toEqual(['gold', 'gold', 'gold']);
    await expectText(preview(page), 'Change a rule to see who it would move.');
    expect(await threshold(page, 'Gold').inputValue()).toBe('90');
  });

  it('refuses thresholds that do not rise on the field, in our words in both languages, and saves nothing', async () => {
    const { page } = app;
    await threshold(page, 'Diamond').fill('80');
    await expectText(fieldErrors(page), 'Each threshold must be above the one before.');
    await expectText(preview(page), 'Correct the marked fields to see who would move.');
    await page.getByRole('button', { name: 'Save rules' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await screenshot(page, 'loyalty-settings-refused-en');
    await switchLanguage(page, '简体中文');
    await expectText(fieldErrors(page), '每个门槛都要高于前一个。');
    await screenshot(page, 'loyalty-settings-refused-zh');
    await switchLanguage(page, 'English');
    expect(await version()).toBe(1);
    expect((await answer(app.router.invoke('points.rules', {}))).rules.tiers.map((tier) => tier.threshold)).toEqual([0, 90, 650, 1000]);
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await threshold(page, 'Diamond').inputValue()).toBe('650');
  });

  it('says so when a change moves nobody: a review weight, or a new tier above everyone', async () => {
    const { page } = app;
    await page.getByLabel('Points per review (γ)').fill('2');
    await expectText(preview(page), 'No member would change tier.');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expectText(preview(page), 'Change a rule to see who it would move.');
    await page.getByRole('button', { name: 'Add tier' }).click();
    await page.getByLabel('Id of new tier', { exact: true }).fill('platinum');
    await threshold(page, 'platinum').fill('5000');
    await expectText(preview(page), 'No member would change tier.');
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await page.getByRole('button', { name: /^Remove tier / }).count()).toBe(4);
  });

  it('shows each member\'s tier on the members list and filters by it, the filter kept in the address', async () => {
    const { page } = app;
    await openScreen(page, 'Members');
    const grid = page.getByRole('grid', { name: 'Members' });
    await expectText(grid.getByRole('row').filter({ hasText: 'Olive Small' }).getByTestId('tier-chip'), 'Standard');
    await page.getByLabel('Tier', { exact: true }).click();
    await page.getByRole('option', { name: 'Gold', exact: true }).click();
    await expectText(page.getByRole('grid', { name: 'Members' }), '李将升');
    expect(page.url()).toContain('tier=gold');
    expect(await grid.locator('.MuiDataGrid-cell[data-field="name"]').allTextContents()).toEqual(['王金卡', '李将升', '赵将降']);
    await screenshot(page, 'members-list-tier-en');
    await switchLanguage(page, '简体中文');
    await expectText(page.getByRole('grid', { name: '会员' }).getByTestId('tier-chip'), '金卡');
    await screenshot(page, 'members-list-tier-zh');
    await switchLanguage(page, 'English');
  });
});

describe('the Loyalty screen for an auditor', () => {
  it('shows the rules to read, with nothing to change, save or preview', async () => {
    const auditor = { username: 'audrey', displayName: 'Audrey Auditor', passphrase: 'auditor passphrase 2026' };
    const app = await openSignedIn(auditor, async (router) => {
      await answer(router.invoke('staff.add', { ...auditor, role: 'auditor' }));
    });
    try {
      const { page } = app;
      await openScreen(page, 'Loyalty');
      await expectText(page.getByRole('alert'), 'You can read these rules; only an admin can change them.');
      expect(await threshold(page, 'Gold').inputValue()).toBe('100');
      expect(await threshold(page, 'Gold').getAttribute('readonly')).not.toBeNull();
      expect(await page.getByRole('button', { name: 'Save rules' }).count()).toBe(0);
      expect(await preview(page).count()).toBe(0);
      await screenshot(page, 'loyalty-settings-read-only-en');
      await switchLanguage(page, '简体中文');
      await expectText(page.getByRole('alert'), '只有管理员可以修改');
      await screenshot(page, 'loyalty-settings-read-only-zh');
    } finally {
      await app.close();
      await closeBrowser();
    }
  });
});

describe('the Loyalty screen and a teller', () => {
  it('is not in a teller\'s navigation, and its address leads home', async () => {
    const teller = await openSignedIn(TELLER, async (router) => {
      await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
    });
    try {
      const { page } = teller;
      await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
      expect(await navigation(page).getByRole('link').allTextContents()).not.toContain('Loyalty');
      await page.evaluate(() => (window.location.hash = '#/admin/loyalty'));
      await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
      expect(await page.getByRole('heading', { level: 1, name: 'Loyalty' }).count()).toBe(0);
    } finally {
      await teller.close();
      await closeBrowser();
    }
  });
});
