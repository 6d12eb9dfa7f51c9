import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { expectText, fieldErrors, openScreen, switchLanguage, unlock, type Person } from './support/app-actions';

// Every validation message a form shows is ours, in the reader's language (issue 8, defects 2 and
// 5): zod's own text ("Too small: expected string to have >=1 characters", "数值过小…", "Invalid
// input: expected int") never reaches the screen, and a text field with a limit in the contract
// states it and refuses more before anything is sent.

const ADMIN: Person = { username: 'admin', displayName: 'Ada Admin', passphrase: 'correct horse battery 42' };
const MEMBER_NAME = '欧阳小明';
const ZOD_WORDS = /expected|Too small|Too big|Invalid input|received|数值过小|数值过大|无效输入|期望/;

afterAll(async () => {
  await closeBrowser();
});

/** The whole field (label, input and the line under it) around the input labelled `label`. */
function fieldAround(page: Page, scope: Page | Locator, label: string): Locator {
  // A filter's inner locator is queried from each outer match, so it starts from the page.
  return scope.locator('.MuiFormControl-root').filter({ has: page.getByLabel(label) });
}

async function expectNoZodWords(scope: Locator): Promise<void> {
  expect((await scope.first().textContent()) ?? '').not.toMatch(ZOD_WORDS);
}

describe('validation messages on the setup form', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('asks for the empty fields in our words, states the name limit and refuses 81 characters, in English and in Chinese', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up Paydesk' }).waitFor();
    await expectText(fieldAround(page, page, 'Full name'), 'At most 80 characters.0/80');
    await page.getByRole('button', { name: 'Create admin and encrypt data' }).click();
    await expectText(fieldErrors(page), 'Fill in this field.');
    // The name's line also counts its characters against the limit.
    expect(await fieldErrors(page).allTextContents()).toEqual(['Fill in this field.0/80', 'Fill in this field.']);
    await expectNoZodWords(page.locator('body'));
    await screenshot(page, 'validation-setup-empty-en');

    await page.getByLabel('Full name').fill('名'.repeat(81));
    await page.getByRole('button', { name: 'Create admin and encrypt data' }).click();
    await expectText(fieldAround(page, page, 'Full name'), 'At most 80 characters.81/80');

    await switchLanguage(page, '简体中文');
    await page.getByLabel('姓名').fill('');
    await page.getByRole('button', { name: '创建管理员并加密数据' }).click();
    await expectText(fieldErrors(page), '请填写此项。');
    expect(await fieldErrors(page).allTextContents()).toEqual(['请填写此项。0/80', '请填写此项。']);
    await expectNoZodWords(page.locator('body'));
    await screenshot(page, 'validation-setup-empty-zh');
    const status = await app.router.invoke('app.status', {});
    expect(status.ok && status.value.initialized).toBe(false);
  });
});

describe('validation messages after set-up', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk({
      prepare: async (router) => {
        await router.invoke('setup.init', ADMIN);
        await router.invoke('members.create', { name: MEMBER_NAME, phone: '13800138000', idDocumentNumber: '110101199003078515' });
        await router.invoke('session.lock', {});
      },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('asks for the user name and passphrase on an empty unlock, in English and in Chinese', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    expect(await fieldErrors(page).allTextContents()).toEqual(['Fill in this field.', 'Fill in this field.']);
    await expectNoZodWords(page.locator('body'));
    await screenshot(page, 'validation-unlock-empty-en');
    await switchLanguage(page, '简体中文');
    await page.getByRole('button', { name: '解锁', exact: true }).click();
    await expectText(fieldErrors(page), '请填写此项。');
    expect(await fieldErrors(page).allTextContents()).toEqual(['请填写此项。', '请填写此项。']);
    await expectNoZodWords(page.locator('body'));
    await screenshot(page, 'validation-unlock-empty-zh');
    // A user name that breaks the contract's pattern is told by our description, not the contract's English.
    await page.locator('input[name="username"]').fill('Ada');
    await page.getByRole('button', { name: '解锁', exact: true }).click();
    await expectText(fieldErrors(page), '2–32 个字符：小写字母、数字、点、短横线或下划线。');
    await switchLanguage(page, 'English');
    await unlock(page, ADMIN.username, ADMIN.passphrase);
    await page.getByTestId('user-menu').waitFor();
  });

  it('asks for both passphrases in an empty change-passphrase dialog, in English and in Chinese', async () => {
    const { page } = app;
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Change my passphrase' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Change passphrase' }).click();
    await expectText(fieldErrors(dialog), 'Fill in this field.');
    expect(await fieldErrors(dialog).allTextContents()).toEqual(['Fill in this field.', 'Fill in this field.']);
    await expectNoZodWords(dialog);
    await screenshot(page, 'validation-change-passphrase-empty-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await switchLanguage(page, '简体中文');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '修改我的口令' }).click();
    dialog = page.getByRole('dialog');
    await dialog.locator('button[type="submit"]').click();
    await expectText(fieldErrors(dialog), '请填写此项。');
    expect(await fieldErrors(dialog).allTextContents()).toEqual(['请填写此项。', '请填写此项。']);
    await expectNoZodWords(dialog);
    await screenshot(page, 'validation-change-passphrase-empty-zh');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(page, 'English');
  });

  it('asks for a whole number of idle-lock minutes when 1.5 is typed, in English and in Chinese, and saves nothing', async () => {
    const { page, router } = app;
    await openScreen(page, 'Settings');
    const session = page.getByRole('region', { name: /^(Session|会话)$/ });
    await session.getByLabel('Lock after (minutes without input)').fill('1.5');
    await session.getByRole('button', { name: 'Save' }).click();
    await expectText(fieldErrors(page), 'Enter a whole number.');
    await expectNoZodWords(page.locator('main'));
    await screenshot(page, 'validation-idle-lock-en');
    await switchLanguage(page, '简体中文');
    await session.getByRole('button', { name: '保存', exact: true }).click();
    await expectText(fieldErrors(page), '请输入整数。');
    await expectNoZodWords(page.locator('main'));
    await screenshot(page, 'validation-idle-lock-zh');
    const settings = await router.invoke('settings.get', {});
    expect(settings.ok && settings.value.idleLockMinutes).toBe(10);
    await switchLanguage(page, 'English');
  });

  it('states the 80-character limit of a member\'s name and refuses 81 characters, in English and in Chinese, registering nobody', async () => {
    const { page, router } = app;
    await openScreen(page, 'Members');
    await page.getByRole('button', { name: 'New member' }).first().click();
    const dialog = page.getByRole('dialog');
    await expectText(fieldAround(page, dialog, 'Name'), 'At most 80 characters.0/80');
    await expectText(fieldAround(page, dialog, 'Notes'), 'At most 2000 characters.0/2000');
    await dialog.getByLabel('Name').fill('n'.repeat(81));
    await dialog.getByLabel('Phone').fill('13900139000');
    await dialog.getByRole('button', { name: 'Register member' }).click();
    await expectText(fieldAround(page, dialog, 'Name'), 'at most 80 characters');
    await expectText(fieldAround(page, dialog, 'Name'), '81/80');
    await expectNoZodWords(dialog);
    await screenshot(page, 'validation-member-name-en');
    // The language menu is behind the modal dialog: close it, switch, and type the name again.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(page, '简体中文');
    await page.getByRole('button', { name: '新建会员' }).first().click();
    await expectText(fieldAround(page, dialog, '姓名'), '最多 80 个字符。0/80');
    await dialog.getByLabel('姓名').fill('n'.repeat(81));
    await dialog.getByLabel('手机号').fill('13900139000');
    await dialog.locator('button[type="submit"]').click();
    await expectText(fieldAround(page, dialog, '姓名'), '最多 80 个字符');
    await expectText(fieldAround(page, dialog, '姓名'), '81/80');
    await expectNoZodWords(dialog);
    await screenshot(page, 'validation-member-name-zh');
    const search = await router.invoke('members.search', {});
    expect(search.ok && search.value.total).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(page, 'English');
  });

  it('states the memo\'s 200-character limit at the counter and refuses 201 characters on the field before any review, in English and in Chinese', async () => {
    const { page } = app;
    await openScreen(page, 'Teller counter');
    await page.keyboard.type('小明');
    await page.getByRole('option', { name: new RegExp(MEMBER_NAME) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: MEMBER_NAME }).waitFor();
    const memo = fieldAround(page, page, 'Memo');
    await expectText(memo, 'Optional; printed on the receipt. At most 200 characters.0/200');
    await page.getByRole('textbox', { name: 'Amount' }).fill('10');
    await page.getByRole('textbox', { name: 'Memo' }).fill('m'.repeat(201));
    await page.getByRole('button', { name: 'Review' }).click();
    await expectText(fieldErrors(memo), 'At most 200 characters.');
    await expectText(memo, '201/200');
    expect(await page.getByTestId('operation-confirmation').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectNoZodWords(page.locator('main'));
    await screenshot(page, 'validation-memo-en');

    await switchLanguage(page, '简体中文');
    await page.getByRole('button', { name: '核对', exact: true }).click();
    const memoZh = fieldAround(page, page, '附言');
    await expectText(fieldErrors(memoZh), '最多 200 个字符。');
    await expectText(memoZh, '201/200');
    await expectNoZodWords(page.locator('main'));
    await screenshot(page, 'validation-memo-zh');
    await page.getByRole('textbox', { name: '附言' }).fill('m'.repeat(200));
    await page.getByRole('button', { name: '核对', exact: true }).click();
    await page.getByTestId('operation-confirmation').waitFor();
  });

  it('states the 500-character limit of a freeze reason, and does not send 501 characters', async () => {
    const { page, router } = app;
    await page.keyboard.press('Escape');
    await page.getByTestId('operation-confirmation').waitFor({ state: 'detached' });
    await switchLanguage(page, 'English');
    await openScreen(page, 'Members');
    await page.locator('[role="gridcell"][data-field="name"]', { hasText: MEMBER_NAME }).click();
    await page.getByRole('heading', { level: 1, name: MEMBER_NAME }).waitFor();
    await page.getByRole('button', { name: 'Freeze' }).click();
    const dialog = page.getByRole('dialog');
    await expectText(fieldAround(page, dialog, 'Reason'), 'At most 500 characters.0/500');
    await dialog.getByLabel('Reason').fill('r'.repeat(501));
    await expectText(fieldErrors(dialog), 'At most 500 characters.501/500');
    expect(await dialog.getByRole('button', { name: 'Freeze' }).isDisabled()).toBe(true);
    await screenshot(page, 'validation-freeze-reason-en');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const member = await router.invoke('members.search', { query: MEMBER_NAME });
    expect(member.ok && member.value.rows[0]?.status).toBe('active');
  });

  it('states the reveal channel\'s 500-character limit on the reason for showing an ID document', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Reveal' }).click();
    const dialog = page.getByRole('dialog');
    await expectText(fieldAround(page, dialog, 'Reason'), 'At most 500 characters.0/500');
    await dialog.getByLabel('Reason').fill('r'.repeat(501));
    await expectText(fieldErrors(dialog), 'At most 500 characters.501/500');
    expect(await dialog.locator('button[type="submit"]').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(app.problems).toEqual([]);
  });
});
