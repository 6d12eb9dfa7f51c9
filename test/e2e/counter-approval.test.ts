import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, fieldErrors, lock, openScreen, switchLanguage, TELLER, unlock } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 8, limits at the counter: a teller's deposit above CN¥10,000.00 is approved by a second
// person (an admin here) in the confirmation dialog, and the receipt names them; above the
// teller's CN¥50,000.00 limit the review refuses and states the limit.

const MEMBER_NAME = '欧阳批准';
const FINANCE = { username: 'fiona', displayName: 'Fiona Finance', passphrase: 'finance passphrase 2026' };

afterAll(async () => {
  await closeBrowser();
});

async function reviewDeposit(page: Page, amount: string): Promise<void> {
  await page.getByRole('textbox', { name: /^(Amount|金额)$/ }).fill(amount);
  await page.getByRole('button', { name: /^(Review|核对)$/ }).click();
}

describe('second-person approval at the counter', () => {
  let app: PaydeskPage;
  let memberId = 0;

  beforeAll(async () => {
    app = await openSignedIn(TELLER, async (router) => {
      await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
      await answer(router.invoke('staff.add', { ...FINANCE, role: 'finance' }));
      memberId = (await answer(router.invoke('members.create', { name: MEMBER_NAME, phone: '13800000077' }))).id;
    });
    const { page } = app;
    await openScreen(page, 'Teller counter');
    await page.keyboard.type('批准');
    await page.getByRole('option', { name: new RegExp(MEMBER_NAME) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: MEMBER_NAME }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('asks for a second person above CN¥10,000.00, refuses the teller herself and a wrong passphrase on the field, and posts with the admin\'s approval', async () => {
    const { page, router } = app;
    await reviewDeposit(page, '20000');
    const dialog = page.getByRole('dialog');
    const section = page.getByTestId('approval-section');
    await expectText(section, 'Approval by a second person');
    await expectText(page.getByTestId('operation-confirmation'), 'Balance afterCN¥20,000.00');
    // The second person types straight away: the approver's name has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    // Nothing typed: our own words under each field.
    await dialog.getByRole('button', { name: 'Approve and post' }).click();
    await expectText(fieldErrors(section), 'Fill in this field.');

    await section.getByLabel("Approver's staff name").fill(TELLER.username);
    await section.getByLabel("Approver's passphrase").fill(TELLER.passphrase);
    await dialog.getByRole('button', { name: 'Approve and post' }).click();
    await expectText(fieldErrors(section), 'you cannot approve your own operation');

    await section.getByLabel("Approver's staff name").fill(ADMIN.username);
    await section.getByLabel("Approver's passphrase").fill('not the passphrase');
    await page.keyboard.press('Enter');
    await expectText(fieldErrors(section), 'The name or passphrase is not right.');
    expect(await section.getByLabel("Approver's passphrase").inputValue()).toBe('');
    expect((await answer(router.invoke('wallets.summary', { memberId }))).wallets[0]!.balance).toBe(0);

    await section.getByLabel("Approver's passphrase").fill(ADMIN.passphrase);
    await screenshot(page, 'counter-approval-en');
    await page.keyboard.press('Enter');
    const receipt = page.getByTestId('receipt');
    await expectText(receipt, `Approved by${ADMIN.displayName}`);
    await expectText(receipt, `Teller${TELLER.displayName}`);
    await screenshot(page, 'counter-approval-receipt-en');
    expect((await answer(router.invoke('wallets.summary', { memberId }))).wallets[0]!.balance).toBe(2_000_000);
    await page.getByRole('button', { name: 'Close' }).click();
    await receipt.waitFor({ state: 'detached' });
  });

  it('states the teller\'s limit in the currency\'s format when the review refuses an amount above it', async () => {
    const { page } = app;
    await reviewDeposit(page, '60000');
    await expectText(fieldErrors(page), 'Your limit is CN¥50,000.00 per operation.');
    expect(await page.getByTestId('operation-confirmation').count()).toBe(0);
    await screenshot(page, 'counter-over-limit-en');
  });

  it('does the same in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await reviewDeposit(page, '60000');
    await expectText(fieldErrors(page), '您的单笔限额为 ¥50,000.00。');
    await screenshot(page, 'counter-over-limit-zh');
    await reviewDeposit(page, '15000');
    const section = page.getByTestId('approval-section');
    await expectText(section, '第二人批准');
    await section.getByLabel('批准人用户名').fill(ADMIN.username);
    await section.getByLabel('批准人口令').fill(ADMIN.passphrase);
    await screenshot(page, 'counter-approval-zh');
    await page.getByRole('dialog').getByRole('button', { name: '批准并入账' }).click();
    await expectText(page.getByTestId('receipt'), `批准人${ADMIN.displayName}`);
    await screenshot(page, 'counter-approval-receipt-zh');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('receipt').waitFor({ state: 'detached' });
    await switchLanguage(page, 'English');
    expect(app.problems).toEqual([]);
  });

  it('lets finance reverse the approved deposit only with a second person\'s approval, named on the reversal\'s receipt', async () => {
    const { page, router } = app;
    await lock(page);
    await unlock(page, FINANCE.username, FINANCE.passphrase);
    await openScreen(page, 'Members');
    await page.getByRole('gridcell', { name: MEMBER_NAME }).click();
    await page.getByRole('heading', { level: 1, name: MEMBER_NAME }).waitFor();
    await page.getByRole('row').filter({ hasText: '+CN¥20,000.00' }).getByRole('gridcell', { name: 'Deposit' }).click();
    await page.getByRole('button', { name: 'Reverse' }).click();
    const reversal = page.getByRole('dialog').filter({ hasText: 'A reversal posts the opposite' });
    await reversal.getByLabel('Reason').fill('Counted twice');
    await reversal.getByRole('button', { name: 'Reverse' }).click();
    const section = reversal.getByTestId('approval-section');
    await expectText(section, 'Approval by a second person');
    expect((await answer(router.invoke('wallets.summary', { memberId }))).wallets[0]!.balance).toBe(3_500_000);
    await section.getByLabel("Approver's staff name").fill(ADMIN.username);
    await section.getByLabel("Approver's passphrase").fill(ADMIN.passphrase);
    await screenshot(page, 'counter-approval-reversal-en');
    await reversal.getByRole('button', { name: 'Approve and reverse' }).click();
    const done = page.getByRole('dialog').filter({ hasText: 'Reversal posted' });
    await expectText(done.getByTestId('receipt'), `Approved by${ADMIN.displayName}`);
    expect((await answer(router.invoke('wallets.summary', { memberId }))).wallets[0]!.balance).toBe(1_500_000);
    await done.getByRole('button', { name: 'Close' }).click();
    expect(app.problems).toEqual([]);
  });
});
