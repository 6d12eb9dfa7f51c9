import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { luhnCheckDigit } from '../../src-shared/luhn';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { answer, expectText, switchLanguage } from './support/app-actions';
import { visibleCardNumbers } from './support/card-numbers';
import { openSignedIn } from './support/signed-in';

// Issue 10, section 6, on the member page's Bank cards tab: the Link dialog checks the number's
// check digit as it is typed and names the network; a linked card shows only its last four, the
// first one is the default payout card, and a card another member also has is flagged with a
// link to them; linking it twice is refused in words and changes nothing; the default moves; an
// unlinked card leaves the list and comes back, marked, with the unlinked ones shown.

const OWNER = { name: '李银行', phone: '13800138011' };
const OTHER = { name: '赵共享', phone: '13800138012' };
const SHARED_BODY = '622202123456789';
const SHARED = `${SHARED_BODY}${luhnCheckDigit(SHARED_BODY)}`;
const MISTYPED = `${SHARED_BODY}${(luhnCheckDigit(SHARED_BODY) + 1) % 10}`;
const VISA = '4111111111111111';

async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#${target}`), path);
  await page.locator('main h1').first().waitFor();
}

function row(page: Page, pan: string): Locator {
  return page.getByTestId('bank-card-row').filter({ hasText: `••••${pan.slice(-4)}` });
}

async function fillLink(page: Page, pan: string, expiry: string): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Card number' }).fill(pan);
  await dialog.getByRole('textbox', { name: 'Expiry (MM/YY)' }).fill(expiry);
  return dialog;
}

describe('a member’s own bank cards on the Bank cards tab', () => {
  let app: PaydeskPage;
  let owner = 0;
  const linked = async () => answer(app.router.invoke('bankCards.list', { memberId: owner, includeUnlinked: true }));

  beforeAll(async () => {
    app = await openSignedIn(undefined, async (router) => {
      owner = (await answer(router.invoke('members.create', OWNER))).id;
      const other = (await answer(router.invoke('members.create', OTHER))).id;
      await answer(router.invoke('bankCards.link', { memberId: other, pan: SHARED, holderName: OTHER.name, expiry: '08/29', makeDefault: false }));
    });
    await app.page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('checks the check digit as the number is typed, then links the card masked, as the default, flagging the other member who has it', async () => {
    const { page } = app;
    await visit(page, `/members?member=${owner}&tab=bankCards`);
    await expectText(page.getByTestId('bank-cards-tab'), 'No bank cards linked');
    await page.getByRole('button', { name: 'Link bank card' }).click();
    const dialog = await fillLink(page, MISTYPED, '08/29');
    await expectText(dialog, 'The check digit does not match: a digit is mistyped.');
    await dialog.getByRole('button', { name: 'Link card' }).click();
    await expectText(dialog, 'The check digit does not match: a digit is mistyped.');
    expect(await dialog.getByRole('textbox', { name: 'Card number' }).getAttribute('aria-invalid')).toBe('true');
    expect(await linked()).toEqual([]);

    await dialog.getByRole('textbox', { name: 'Card number' }).fill(SHARED.replace(/(\d{4})(?=\d)/g, '$1 '));
    await expectText(dialog, 'Check digit correct · UnionPay');
    await dialog.getByRole('textbox', { name: 'Bank' }).fill('招商银行');
    expect(await dialog.getByRole('textbox', { name: 'Holder name' }).inputValue()).toBe(OWNER.name);
    await page.mouse.move(0, 0);
    await screenshot(page, 'bank-cards-link-en');
    await dialog.getByRole('button', { name: 'Link card' }).click();
    await dialog.waitFor({ state: 'detached' });

    const shared = row(page, SHARED);
    await expectText(shared, `••••${SHARED.slice(-4)}`);
    await expectText(shared, 'UnionPay');
    await expectText(shared, '08/29');
    await expectText(shared, '招商银行');
    await expectText(shared.getByTestId('bank-default'), 'Default for payouts');
    await expectText(page.getByTestId('also-linked'), `This card is also linked to 1 other member: ${OTHER.name}`);
    expect(await visibleCardNumbers(page)).toEqual([]);
    await screenshot(page, 'bank-cards-also-linked-en');
  });

  it('refuses the same card twice for the member with BANK_CARD_EXISTS, in words, and changes nothing', async () => {
    const { page } = app;
    const before = await linked();
    await page.getByRole('button', { name: 'Link bank card' }).click();
    const dialog = await fillLink(page, SHARED, '08/29');
    await dialog.getByRole('button', { name: 'Link card' }).click();
    await expectText(dialog, 'This bank card is already linked to the member.');
    expect(await linked()).toEqual(before);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  it('links a second card, makes it the default, and unlinks the first with a reason, kept in the history', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Link bank card' }).click();
    const dialog = await fillLink(page, VISA, '12/30');
    await expectText(dialog, 'Check digit correct · Visa');
    await dialog.getByRole('button', { name: 'Link card' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(row(page, VISA), 'Linked');

    await row(page, VISA).getByRole('button', { name: 'Make default' }).click();
    await row(page, VISA).getByTestId('bank-default').waitFor();
    expect((await linked()).map((card) => [card.last4, card.isDefault])).toEqual(expect.arrayContaining([[VISA.slice(-4), true], [SHARED.slice(-4), false]]));

    await row(page, SHARED).getByRole('button', { name: 'Unlink' }).click();
    const reason = page.getByRole('dialog');
    await reason.getByRole('textbox', { name: 'Reason' }).fill('The member closed this account');
    await reason.getByRole('button', { name: 'Unlink' }).click();
    await reason.waitFor({ state: 'detached' });
    await row(page, SHARED).waitFor({ state: 'detached' });
    await page.getByLabel('Show unlinked cards').check();
    await expectText(row(page, SHARED), 'Unlinked by admin,');
    expect((await linked()).find((card) => card.last4 === SHARED.slice(-4))?.unlinkedAt).not.toBeNull();
    await screenshot(page, 'bank-cards-tab-en');
  });

  it('says it all in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await expectText(row(page, VISA).getByTestId('bank-default'), '默认收款卡');
    await expectText(row(page, SHARED), '银联');
    await screenshot(page, 'bank-cards-tab-zh-CN');
    await page.getByRole('button', { name: '绑定银行卡' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '卡号' }).fill('5555 5555 5555 4444');
    await expectText(dialog, '校验位正确 · 万事达卡');
    await page.mouse.move(0, 0);
    await screenshot(page, 'bank-cards-link-zh-CN');
    await dialog.getByRole('button', { name: '取消', exact: true }).click();
    await switchLanguage(page, 'English');
    expect(app.problems).toEqual([]);
  });
});
