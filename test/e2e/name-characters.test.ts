import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { expectText, fieldErrors, switchLanguage } from './support/app-actions';

// A name holding a text-direction control is refused on the form in the reader's language, before
// anything is written. Here U+202E makes "Ada <U+202E>nimda" display as "Ada admin".

afterAll(async () => {
  await closeBrowser();
});

describe('names with control characters in browser mode', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a text-direction control in the first admin\'s name, in English and in Chinese, and sets nothing up', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up Paydesk' }).waitFor();
    await page.getByLabel('Full name').fill('Ada \u202Enimda');
    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery 42');
    await page.getByLabel('Passphrase again').fill('correct horse battery 42');
    await page.getByRole('button', { name: 'Create admin and encrypt data' }).click();
    await expectText(fieldErrors(page), 'Names cannot contain control characters or hidden text-direction marks.');
    await screenshot(page, 'setup-name-control-characters');
    await switchLanguage(page, '简体中文');
    await page.getByRole('button', { name: '创建管理员并加密数据' }).click();
    await expectText(fieldErrors(page), '名称不能包含控制字符或隐藏的文字方向标记。');
    const status = await app.router.invoke('app.status', {});
    expect(status.ok && status.value.initialized).toBe(false);
  });
});
