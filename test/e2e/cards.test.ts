import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { isLuhnValid } from '../../src-shared/luhn';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { answer, expectText, lock, switchLanguage, TELLER, unlock, type Person } from './support/app-actions';
import { maskedGroups, visibleCardNumbers } from './support/card-numbers';
import { openSignedIn } from './support/signed-in';

// Issue 10 on the member page's Cards tab, as an admin: the issue dialog shows the new card's
// number, expiry and CVV once and nothing clear is left after it closes; the card is activated,
// frozen (a second freeze made elsewhere is refused with its code and changes nothing) and
// unfrozen; its limits are edited and the allowance follows; the activity lists an approved and a
// declined authorization; a replacement shows the new number once and links both cards; the
// reveal asks a reason, shows the number with a countdown and hides it again.

const HOLDER = { name: '王卡片', phone: '13800138010' };
const BIN = '62258800';
const AUDITOR: Person = { username: 'audrey', displayName: '审计员', passphrase: 'auditor passphrase 2026' };

let keys = 0;
const key = () => `cards-e2e-${(keys += 1)}`;

async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#${target}`), path);
  await page.locator('main h1').first().waitFor();
}

/** The page scrolls inside its frame below the app bar: a part lower down is brought up to just under the bar. */
async function bringToTop(locator: Locator): Promise<void> {
  await locator.evaluate((element) => {
    (element as HTMLElement).style.scrollMarginTop = '80px';
    element.scrollIntoView({ block: 'start' });
  });
}

function detail(page: Page): Locator {
  return page.getByTestId('card-detail');
}

/** Opens the card action `label` and confirms it in its dialog. */
async function changeCard(page: Page, label: string): Promise<void> {
  await detail(page).getByTestId('card-actions').getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: label, exact: true }).click();
}

/** Reads the once-shown number, expiry and CVV off the issue (or replacement) dialog. */
async function issuedValues(page: Page): Promise<{ pan: string; expiry: string; cvv: string }> {
  const dialog = page.getByRole('dialog');
  const read = async (id: string) => ((await dialog.getByTestId(id).textContent()) ?? '').replace(/\s/g, '');
  return { pan: await read('issued-pan'), expiry: await read('issued-expiry'), cvv: await read('issued-cvv') };
}

describe('a member’s virtual cards on the Cards tab', () => {
  let app: PaydeskPage;
  let memberId = 0;
  let first = { pan: '', expiry: '', cvv: '' };
  let firstId = 0;

  const card = async (cardId: number) => answer(app.router.invoke('cards.get', { cardId }));

  beforeAll(async () => {
    app = await openSignedIn(undefined, async (router) => {
      await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
      await answer(router.invoke('staff.add', { ...AUDITOR, role: 'auditor' }));
      memberId = (await answer(router.invoke('members.create', HOLDER))).id;
      await answer(router.invoke('wallets.deposit', { memberId, amount: 500_000, currency: 'CNY', idempotencyKey: key() }));
      await answer(router.invoke('cards.createProgram', { name: 'Paydesk Debit', bin: BIN, currency: 'CNY', panLength: 16, validityMonths: 36, mode: 'test', defaultLimits: {} }));
    });
    await app.page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows an empty tab, then issues a card whose number, expiry and CVV are shown once', async () => {
    const { page } = app;
    await visit(page, `/members?member=${memberId}&tab=cards`);
    await expectText(page.getByTestId('cards-tab'), 'No cards yet');
    await screenshot(page, 'cards-tab-empty-en');

    await page.getByRole('button', { name: 'Issue card' }).click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog.getByRole('combobox', { name: 'Card program' }), 'Paydesk Debit · CNY · test');
    expect(await dialog.getByRole('textbox', { name: 'Holder name' }).inputValue()).toBe(HOLDER.name);
    await screenshot(page, 'cards-issue-form-en');
    await dialog.getByRole('button', { name: 'Issue', exact: true }).click();
    await dialog.getByTestId('issued-card').waitFor();
    first = await issuedValues(page);
    expect(first.pan).toMatch(new RegExp(`^${BIN}\\d{8}$`));
    expect(isLuhnValid(first.pan)).toBe(true);
    expect(first.expiry).toMatch(/^(0[1-9]|1[0-2])\/\d{2}$/);
    expect(first.cvv).toMatch(/^\d{3}$/);
    await expectText(dialog.getByTestId('issued-once'), 'This is the only time the full card number and CVV are shown');
    await expectText(dialog.getByTestId('card-visual-number'), first.pan.replace(/(\d{4})(?=\d)/g, '$1 '));
    await page.mouse.move(0, 0);
    await screenshot(page, 'cards-issue-once-en');

    await dialog.getByRole('button', { name: 'Done, hide the number' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await visibleCardNumbers(page)).toEqual([]);
    const tile = page.getByTestId('card-tile');
    await expectText(tile.getByTestId('card-visual-number'), maskedGroups(first.pan));
    await expectText(tile.getByTestId('card-state'), 'Not activated');
    await expectText(detail(page).getByTestId('card-detail-number'), maskedGroups(first.pan));
    firstId = (await answer(app.router.invoke('cards.memberCards', { memberId })))[0]!.id;
    expect((await card(firstId)).card.state).toBe('inactive');
  });

  it('activates, freezes and unfreezes the card, each change in its history', async () => {
    const { page } = app;
    await changeCard(page, 'Activate');
    await expectText(detail(page).getByTestId('card-state'), 'Active');
    await changeCard(page, 'Freeze');
    await expectText(detail(page).getByTestId('card-state'), 'Frozen');
    await changeCard(page, 'Unfreeze');
    await expectText(detail(page).getByTestId('card-state'), 'Active');
    const history = detail(page).getByTestId('card-history');
    await expectText(history, 'Issued');
    await expectText(history, 'Unfrozen');
    expect((await card(firstId)).events.map((event) => event.toState)).toEqual(['inactive', 'active', 'frozen', 'active']);
  });

  it('refuses a freeze someone else made first with CARD_STATE_INVALID, in words, and changes nothing', async () => {
    const { page } = app;
    await detail(page).getByTestId('card-actions').getByRole('button', { name: 'Freeze', exact: true }).click();
    await answer(app.router.invoke('cards.freeze', { cardId: firstId }));
    const before = await card(firstId);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Freeze', exact: true }).click();
    await expectText(dialog.getByRole('alert'), 'The card cannot make this change from its current state.');
    expect(await card(firstId)).toEqual(before);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.reload();
    await expectText(detail(page).getByTestId('card-state'), 'Frozen');
    await changeCard(page, 'Unfreeze');
    await expectText(detail(page).getByTestId('card-state'), 'Active');
  });

  it('edits the card’s limits from the keyboard and shows what is left of each', async () => {
    const { page } = app;
    const limits = page.getByRole('form', { name: 'Card limits' });
    await limits.getByLabel('Amount limit · Day').fill('12.345');
    await limits.getByRole('button', { name: 'Save limits' }).click();
    await expectText(limits, 'CNY has at most 2 decimal places.');
    expect((await card(firstId)).card.limits).toEqual({});

    await limits.getByLabel('Amount limit · Day').fill('300');
    await limits.getByLabel('Count limit · Day').fill('2');
    await limits.getByLabel('Amount limit · Month').fill('1,000');
    await limits.getByLabel('Amount limit · Month').press('Enter');
    await expectText(limits.getByRole('status'), 'Limits saved.');
    expect((await card(firstId)).card.limits).toEqual({ day: { amount: 30_000, count: 2 }, month: { amount: 100_000, count: null } });
    await expectText(limits.getByTestId('allowance-day'), 'CN¥300.00 left of CN¥300.00');
    await expectText(limits.getByTestId('allowance-day'), '2 of 2 payments left');
    await expectText(limits.getByTestId('allowance-month'), 'card limit');
    await bringToTop(page.getByRole('heading', { name: 'Spending limits' }));
    await screenshot(page, 'cards-limits-en');
  });

  it('lists an approved and a declined authorization in the activity, the decline in words with its interval', async () => {
    const { page } = app;
    const attempt = { pan: first.pan, expiry: first.expiry, cvv: first.cvv };
    await answer(app.router.invoke('cards.authorize', { ...attempt, amount: 12_000, merchant: '星巴克', idempotencyKey: key() }));
    const declined = await app.router.invoke('cards.authorize', { ...attempt, amount: 25_000, merchant: 'Apple Store', idempotencyKey: key() });
    expect(declined).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
    await page.reload();
    const grid = page.getByRole('grid', { name: 'Activity' });
    await expectText(grid.locator('[role="gridcell"][data-field="status"]').first(), 'Declined');
    await expectText(grid, 'This amount would pass a spending limit of the card or the member. Limit: Day.');
    await expectText(grid, 'Held');
    await expectText(grid, 'CN¥120.00');
    await expectText(page.getByRole('form', { name: 'Card limits' }).getByTestId('allowance-day'), 'CN¥180.00 left of CN¥300.00');
    await bringToTop(page.getByRole('heading', { name: 'Activity' }));
    await screenshot(page, 'cards-activity-en');
    expect(await visibleCardNumbers(page)).toEqual([]);
  });

  it('takes the member’s own limit where it is the stricter, and says so beside the card’s allowance', async () => {
    const { page } = app;
    const member = page.getByRole('form', { name: 'Member limits CNY' });
    await member.getByLabel('Amount limit · Day').fill('200');
    await member.getByRole('button', { name: 'Save limits' }).click();
    await expectText(member.getByRole('status'), 'Limits saved.');
    expect(await answer(app.router.invoke('cards.memberLimits', { memberId }))).toMatchObject([{ currency: 'CNY', limits: { day: { amount: 20_000, count: null } } }]);
    const day = page.getByRole('form', { name: 'Card limits' }).getByTestId('allowance-day');
    await expectText(day, 'CN¥80.00 left of CN¥200.00');
    await expectText(day, 'member limit');
  });

  it('replaces the card: the new number is shown once, both cards link to each other', async () => {
    const { page } = app;
    await detail(page).getByTestId('card-actions').getByRole('button', { name: 'Replace', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
    await expectText(dialog, 'Pick why the card is cancelled.');
    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Lost' }).click();
    await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
    await expectText(dialog, 'Replacement card issued');
    const second = await issuedValues(page);
    expect(second.pan).not.toBe(first.pan);
    expect(isLuhnValid(second.pan)).toBe(true);
    await page.mouse.move(0, 0);
    await screenshot(page, 'cards-replace-once-en');
    await dialog.getByRole('button', { name: 'Done, hide the number' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await visibleCardNumbers(page)).toEqual([]);

    await expectText(detail(page).getByTestId('card-detail-number'), maskedGroups(second.pan));
    const old = page.locator(`[data-testid="card-tile"][data-masked="${maskedGroups(first.pan).replace(/ /g, '')}"]`);
    await expectText(old.getByTestId('card-state'), 'Cancelled · lost');
    await expectText(old, `Replaced by ${maskedGroups(second.pan)}`);
    await expectText(page.locator(`[data-testid="card-tile"][data-masked="${maskedGroups(second.pan).replace(/ /g, '')}"]`), `Replaces ${maskedGroups(first.pan)}`);
    await bringToTop(page.getByTestId('cards-tab'));
    await screenshot(page, 'cards-tab-en');
  });

  it('reveals the number for a reason, counts down and hides it again', async () => {
    const { page } = app;
    await detail(page).getByTestId('card-actions').getByRole('button', { name: 'Reveal number' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Member at the counter asked for the number');
    await dialog.getByRole('button', { name: 'Reveal', exact: true }).click();
    const values = page.getByTestId('revealed-values');
    await values.waitFor();
    const shown = await visibleCardNumbers(page);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(new RegExp(`^${BIN}`));
    await expectText(page.getByRole('dialog'), /Hidden again in (29|30) seconds/);
    await expectText(page.getByRole('dialog'), /Hidden again in 2\d seconds/, 5_000);
    await screenshot(page, 'cards-reveal-en');
    await page.getByRole('button', { name: 'Hide now' }).click();
    await values.waitFor({ state: 'detached' });
    expect(await visibleCardNumbers(page)).toEqual([]);
  });

  it('says it all in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await expectText(detail(page).getByTestId('card-state'), '未激活');
    await bringToTop(page.getByTestId('cards-tab'));
    await screenshot(page, 'cards-tab-zh-CN');
    await bringToTop(page.getByRole('heading', { name: '消费限额' }));
    await screenshot(page, 'cards-limits-zh-CN');
    const oldTile = page.getByTestId('card-tile').filter({ hasText: '已注销' }).first();
    await oldTile.getByRole('button', { name: /^打开卡片/ }).click();
    await expectText(detail(page).getByTestId('card-state'), '已注销 · 遗失');
    await bringToTop(page.getByRole('heading', { name: '交易记录' }));
    await screenshot(page, 'cards-activity-zh-CN');

    await page.getByRole('button', { name: '发卡' }).click();
    const dialog = page.getByRole('dialog');
    await screenshot(page, 'cards-issue-form-zh-CN');
    await dialog.getByRole('button', { name: '发卡', exact: true }).click();
    await dialog.getByTestId('issued-card').waitFor();
    await expectText(dialog.getByTestId('issued-once'), '完整卡号和安全码只显示这一次');
    await page.mouse.move(0, 0);
    await screenshot(page, 'cards-issue-once-zh-CN');
    await dialog.getByRole('button', { name: '完成，隐藏卡号' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await visibleCardNumbers(page)).toEqual([]);
    await switchLanguage(page, 'English');
    expect(app.problems).toEqual([]);
  });

  it('reads in the dark theme, the card fronts and their states legible', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await bringToTop(page.getByTestId('cards-tab'));
    await screenshot(page, 'cards-tab-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  it('offers a teller every change but the reveal, and an auditor none: they read the cards, limits and bank cards only', async () => {
    const { page } = app;
    await lock(page);
    await unlock(page, TELLER.username, TELLER.passphrase);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await visit(page, `/members?member=${memberId}&tab=cards`);
    const actions = detail(page).getByTestId('card-actions');
    await expectText(actions, 'Activate');
    expect(await actions.getByRole('button', { name: 'Reveal number' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Issue card' }).waitFor();

    await lock(page);
    await unlock(page, AUDITOR.username, AUDITOR.passphrase);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await visit(page, `/members?member=${memberId}&tab=cards`);
    await detail(page).waitFor();
    await expectText(page.getByRole('form', { name: 'Card limits' }), 'Per authorization');
    expect(await page.getByRole('button', { name: 'Issue card' }).count()).toBe(0);
    expect(await detail(page).getByTestId('card-actions').count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Card limits' }).getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save limits' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Bank cards' }).click();
    await expectText(page.getByTestId('bank-cards-tab'), 'This member has linked no bank card. Tellers and admins link them.');
    expect(await page.getByRole('button', { name: 'Link bank card' }).count()).toBe(0);
  });
});
