import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, expectText, navigation, openScreen, setUpFirstAdmin, switchLanguage } from './support/app-actions';

// Members and their wallets as the counter meets them (issue 3, section 4): registering a member
// with a Chinese name, finding them by a piece of it, a deposit posted with the keyboard alone, a
// refused withdrawal, the member's page, a reversal and the chart of accounts, on a real encrypted
// data folder behind the real router.

const MEMBER_NAME = '欧阳小明';
const OTHER_NAME = '李四';

async function walletBalance(app: PaydeskPage, memberId: number): Promise<number> {
  const answer = await app.router.invoke('wallets.summary', { memberId });
  if (!answer.ok) throw new Error(`wallets.summary refused: ${answer.error.code}`);
  return answer.value.wallets.find((wallet) => wallet.currency === 'CNY')?.balance ?? Number.NaN;
}

async function memberByName(app: PaydeskPage, name: string) {
  const answer = await app.router.invoke('members.search', { query: name });
  if (!answer.ok || answer.value.rows.length !== 1) throw new Error(`members.search: expected one ${name}`);
  return answer.value.rows[0]!;
}

/** The grid's visible rows, as the text of their name cells. */
async function listedNames(page: Page): Promise<string[]> {
  return page.locator('[role="gridcell"][data-field="name"]').allTextContents();
}

async function waitForListedNames(page: Page, expected: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && JSON.stringify(await listedNames(page)) !== JSON.stringify(expected)) await page.waitForTimeout(100);
  expect(await listedNames(page)).toEqual(expected);
}

describe('members, the teller counter and the chart of accounts in browser mode', () => {
  let app: PaydeskPage;
  let memberId = 0;

  beforeAll(async () => {
    // Playwright's clock, so the test can move the page past a revealed value's time on screen.
    app = await openPaydesk({ fakeClock: true });
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up Paydesk' }).waitFor();
    await setUpFirstAdmin(page, ADMIN);
    await page.getByLabel('I have stored the recovery key somewhere safe.').check();
    await page.getByRole('button', { name: 'Continue to Paydesk' }).click();
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows an empty members list that says how to add the first member', async () => {
    const { page } = app;
    await openScreen(page, 'Members');
    await page.getByText('No members yet').waitFor();
    await expectText(page.getByRole('grid'), 'Use “New member” to register the first one.');
    await screenshot(page, 'members-empty');
  });

  it('refuses a malformed phone number on its field and registers nobody', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New member' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(MEMBER_NAME);
    await dialog.getByLabel('Phone').fill('12-34');
    await dialog.getByRole('button', { name: 'Register member' }).click();
    await expectText(dialog.locator('.MuiFormHelperText-root.Mui-error'), '5 to 15 digits; spaces and dashes are fine.');
    const search = await app.router.invoke('members.search', {});
    expect(search.ok && search.value.total).toBe(0);
  });

  it('registers a member with a Chinese name through the form and opens their page', async () => {
    const { page } = app;
    // Someone else registered meanwhile (the list refreshes when this form saves).
    expect((await app.router.invoke('members.create', { name: OTHER_NAME, phone: '13900139000' })).ok).toBe(true);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Phone').fill('138 0013 8000');
    await dialog.getByLabel('Email').fill('xiaoming@example.com');
    await dialog.getByLabel('ID document no.').fill('110101199003078515');
    await dialog.getByRole('button', { name: 'Register member' }).click();
    await page.getByRole('heading', { level: 1, name: MEMBER_NAME }).waitFor();
    const member = await memberByName(app, MEMBER_NAME);
    memberId = member.id;
    expect(member).toMatchObject({ name: MEMBER_NAME, phone: '13800138000', email: 'xiaoming@example.com', status: 'active' });
    await expectText(page.locator('main'), '••••8515');
  });

  it('reveals the ID document number for a reason, audits it, and hides it again after its 30 seconds', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Reveal' }).click();
    const reasonStep = page.getByRole('dialog').filter({ hasText: `ID document of ${MEMBER_NAME}` });
    await reasonStep.getByLabel('Reason').fill('Checking the passport at the counter');
    await reasonStep.getByRole('button', { name: 'Reveal' }).click();
    const revealed = page.getByTestId('revealed-values');
    await expectText(revealed, 'ID document no.110101199003078515');
    await expectText(page.getByRole('dialog'), 'Hidden again in 30 seconds.');
    await screenshot(page, 'member-id-document-revealed');
    await page.clock.fastForward(29_000);
    await expectText(page.getByRole('dialog'), 'Hidden again in 1 second.');
    await page.clock.fastForward(1_000);
    await revealed.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain('110101199003078515');
    await expectText(page.locator('main'), '••••8515');
    await expectText(page.getByRole('grid', { name: 'Change history' }), 'Revealed an ID document number');
    const history = await app.router.invoke('members.history', { id: memberId });
    expect(history.ok && history.value.rows[0]).toMatchObject({
      action: 'member.revealIdDocument',
      actor: ADMIN.username,
      after: { reason: 'Checking the passport at the counter', idDocument: '••••8515' },
    });
  });

  it('finds the member by a CJK substring of the name as the teller types', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'All members' }).click();
    await waitForListedNames(page, [OTHER_NAME, MEMBER_NAME]);
    await page.getByRole('textbox', { name: 'Search members' }).fill('阳小明');
    await waitForListedNames(page, [MEMBER_NAME]);
    await screenshot(page, 'members-list');
  });

  it('posts a deposit with the keyboard alone: search, pick, amount, confirm, receipt', async () => {
    const { page } = app;
    await openScreen(page, 'Teller counter');
    // From here on, only the keyboard: the search box has the focus when the counter opens.
    await page.keyboard.type('小明');
    await page.getByRole('option', { name: new RegExp(MEMBER_NAME) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: MEMBER_NAME }).waitFor();
    await page.keyboard.type('1,234.50');
    await expectText(page.locator('form'), 'CN¥1,234.50');
    await screenshot(page, 'teller-counter');
    await page.keyboard.press('Enter');
    const confirmation = page.getByTestId('operation-confirmation');
    await confirmation.waitFor();
    await expectText(confirmation, 'Balance afterCN¥1,234.50');
    await screenshot(page, 'teller-confirm');
    expect(await walletBalance(app, memberId)).toBe(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await expectText(receipt, 'Deposit');
    await expectText(receipt, 'Total into the walletCN¥1,234.50');
    await expectText(receipt, `Teller${ADMIN.displayName}`);
    await screenshot(page, 'receipt');
    expect(await walletBalance(app, memberId)).toBe(123_450);
    await page.keyboard.press('Enter');
    await receipt.waitFor({ state: 'detached' });
  });

  it('refuses a withdrawal beyond the balance with the translated INSUFFICIENT_FUNDS message, moving nothing', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('tab', { name: '取款' }).click();
    await page.getByRole('textbox', { name: '金额' }).fill('5000');
    await page.getByRole('button', { name: '核对' }).click();
    await expectText(page.getByRole('alert'), '可用余额不足。');
    await expectText(page.getByTestId('wallet-CNY'), '¥1,234.50');
    await screenshot(page, 'teller-insufficient-zh');
    expect(await walletBalance(app, memberId)).toBe(123_450);
    await switchLanguage(page, 'English');
  });

  it("shows the member's wallet balance and history, and a history row opens its receipt", async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Member page' }).click();
    await page.getByRole('heading', { level: 1, name: MEMBER_NAME }).waitFor();
    await expectText(page.getByTestId('wallet-CNY'), 'CN¥1,234.50');
    const depositRow = page.getByRole('row').filter({ hasText: '+CN¥1,234.50' });
    await expectText(depositRow, 'Deposit');
    await expectText(page.getByRole('grid', { name: 'Change history' }), 'Registered a member');
    await screenshot(page, 'member-detail');
    await page.getByRole('heading', { level: 2, name: 'Change history' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'member-detail-history');
    await depositRow.getByRole('gridcell', { name: 'Deposit' }).click();
    await expectText(page.getByTestId('receipt'), 'Balance afterCN¥1,234.50');
    // What Print puts on paper: the receipt alone, without the app bar, navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    for (const chrome of [page.locator('header'), page.locator('nav'), page.locator('button', { hasText: 'Print' })]) {
      expect(await chrome.evaluate((element) => getComputedStyle(element).visibility)).toBe('hidden');
    }
    expect(await page.getByTestId('receipt').evaluate((element) => getComputedStyle(element).visibility)).toBe('visible');
    await screenshot(page, 'receipt-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('shows the chart of accounts with every account and a balanced trial balance with the journal head', async () => {
    const { page } = app;
    await openScreen(page, 'Chart of accounts');
    const trial = await app.router.invoke('ledger.trialBalance', {});
    if (!trial.ok) throw new Error('ledger.trialBalance refused');
    await expectText(page.getByTestId('trial-balance-CNY'), 'Balanced');
    await expectText(page.getByTestId('journal-head'), trial.value.head);
    await page.getByRole('gridcell', { name: 'Branch cash' }).first().waitFor();
    const member = await memberByName(app, MEMBER_NAME);
    await expectText(page.getByRole('row').filter({ hasText: `2100-${member.memberNumber}-CNY` }), 'CN¥1,234.50');
    await screenshot(page, 'chart-of-accounts');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.mouse.move(640, 400);
    await screenshot(page, 'chart-of-accounts-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    expect(trial.value.currencies.every((totals) => totals.balanced)).toBe(true);
  });

  it('reverses the deposit from its receipt with a reason, and the balance returns to zero', async () => {
    const { page } = app;
    await openScreen(page, 'Members');
    await page.getByRole('gridcell', { name: MEMBER_NAME }).click();
    await page.getByRole('heading', { level: 1, name: MEMBER_NAME }).waitFor();
    await page.getByRole('row').filter({ hasText: '+CN¥1,234.50' }).getByRole('gridcell', { name: 'Deposit' }).click();
    await page.getByRole('button', { name: 'Reverse' }).click();
    const reversal = page.getByRole('dialog').filter({ hasText: 'A reversal posts the opposite' });
    await reversal.getByLabel('Reason').fill('Deposit keyed to the wrong member');
    await reversal.getByRole('button', { name: 'Reverse' }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'Reversal posted' }), 'Reversal posted with receipt');
    await screenshot(page, 'reversal');
    expect(await walletBalance(app, memberId)).toBe(0);
    await page.getByRole('dialog').filter({ hasText: 'Reversal posted' }).getByRole('button', { name: 'Close' }).click();
    await expectText(page.getByTestId('receipt'), 'Reversed by R');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('receipt').waitFor({ state: 'detached' });
  });

  it('pays a merchant showing the fee the main process works out, then transfers to another member', async () => {
    const { page } = app;
    expect((await app.router.invoke('wallets.deposit', { memberId, amount: 100_000, currency: 'CNY', idempotencyKey: 'e2e-seed' })).ok).toBe(true);
    await openScreen(page, 'Teller counter');
    await page.keyboard.type('小明');
    await page.getByRole('option', { name: new RegExp(MEMBER_NAME) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Pay' }).click();
    await page.getByRole('textbox', { name: 'Merchant' }).fill('全家便利店');
    await page.getByRole('textbox', { name: 'Amount' }).fill('200');
    await page.getByRole('button', { name: 'Review' }).click();
    const confirmation = page.getByTestId('operation-confirmation');
    // The fee setting is 50 basis points: 0.5 % of 200.00 is 1.00.
    await expectText(confirmation, 'FeeCN¥1.00');
    await expectText(confirmation, 'Total out of the walletCN¥201.00');
    await expectText(confirmation, 'Balance afterCN¥799.00');
    await screenshot(page, 'teller-payment-confirm');
    await page.getByRole('button', { name: 'Post' }).click();
    await expectText(page.getByTestId('receipt'), 'Merchant全家便利店');
    await page.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('tab', { name: 'Transfer' }).click();
    await page.getByRole('combobox', { name: 'Transfer to' }).fill(OTHER_NAME);
    await page.getByRole('option', { name: new RegExp(OTHER_NAME) }).click();
    await page.getByRole('textbox', { name: 'Amount' }).fill('99');
    await page.getByRole('button', { name: 'Review' }).click();
    await expectText(confirmation, `To member${OTHER_NAME}`);
    await expectText(confirmation, 'Balance afterCN¥700.00');
    await page.getByRole('button', { name: 'Post' }).click();
    await expectText(page.getByTestId('receipt'), 'Transfer');
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await walletBalance(app, memberId)).toBe(70_000);
    expect(await walletBalance(app, (await memberByName(app, OTHER_NAME)).id)).toBe(9_900);
  });

  it('freezes and unfreezes the member with a reason, and refuses to close them while money is in the wallet', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Member page' }).click();
    await page.getByRole('heading', { level: 1, name: MEMBER_NAME }).waitFor();
    await page.getByRole('button', { name: 'Freeze' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Card reported stolen');
    await page.getByRole('dialog').getByRole('button', { name: 'Freeze' }).click();
    await expectText(page.getByRole('main').getByRole('alert').filter({ hasText: 'Frozen:' }), 'Frozen: Card reported stolen');
    await expectText(page.getByRole('grid', { name: 'Change history' }), 'Froze a member');
    await screenshot(page, 'member-frozen');
    expect((await memberByName(app, MEMBER_NAME)).status).toBe('frozen');

    await page.getByRole('button', { name: 'Unfreeze' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Card found');
    await page.getByRole('dialog').getByRole('button', { name: 'Unfreeze' }).click();
    await page.getByRole('button', { name: 'Freeze' }).waitFor();
    expect((await memberByName(app, MEMBER_NAME)).status).toBe('active');

    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Moving abroad');
    await page.getByRole('dialog').getByRole('button', { name: 'Close member' }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'balance' }), 'A member with a balance cannot be closed.');
    expect((await memberByName(app, MEMBER_NAME)).status).toBe('active');
    expect(await walletBalance(app, memberId)).toBe(70_000);
  });

  it('speaks Chinese throughout: the list, and the form with its validation messages', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await navigation(page).getByRole('link', { name: '会员' }).click();
    await page.getByRole('heading', { level: 1, name: '会员' }).waitFor();
    await waitForListedNames(page, [OTHER_NAME, MEMBER_NAME]);
    await screenshot(page, 'members-list-zh');
    await page.getByRole('button', { name: '新建会员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('电子邮箱').fill('not-an-address');
    await dialog.getByRole('button', { name: '登记会员' }).click();
    await expectText(dialog.locator('.MuiFormHelperText-root.Mui-error'), '请输入姓名');
    const errors = (await dialog.locator('.MuiFormHelperText-root.Mui-error').allTextContents()).join(' ');
    expect(errors).toContain('请输入电子邮箱地址');
    expect(errors).not.toMatch(/Invalid|expected|Too (small|big)/i);
    await screenshot(page, 'member-form-zh');
    await dialog.getByRole('button', { name: '取消' }).click();
    await switchLanguage(page, 'English');
    expect(app.problems).toEqual([]);
  });
});
