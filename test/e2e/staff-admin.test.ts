import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, answer, chooseRowAction, expectText, openScreen, switchLanguage, TELLER, unlock } from './support/app-actions';

// Issue 8, "Staff": change a person's role (an admin signs a new certificate) and enable a
// disabled person again; every row action is chosen by its visible label, by keyboard too.

afterAll(async () => {
  await closeBrowser();
});

describe('staff administration', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk({
      prepare: async (router) => {
        await answer(router.invoke('setup.init', ADMIN));
        await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
        await answer(router.invoke('session.lock', {}));
      },
    });
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
    await openScreen(app.page, 'Staff');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('changes a teller to finance from the row menu, and the certificate says so', async () => {
    const { page, router } = app;
    await chooseRowAction(page, TELLER.username, 'Change role');
    const dialog = page.getByRole('dialog');
    await expectText(dialog, 'an admin signs a new staff certificate');
    await dialog.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Finance' }).click();
    await screenshot(page, 'staff-change-role');
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expectText(page.getByRole('row').filter({ hasText: TELLER.username }), 'Finance');
    const member = (await answer(router.invoke('staff.list', {}))).find((m) => m.username === TELLER.username);
    expect(member?.role).toBe('finance');
  });

  it('refuses to demote the last active admin on the dialog, changing nothing', async () => {
    const { page, router } = app;
    await chooseRowAction(page, ADMIN.displayName, 'Change role');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Auditor' }).click();
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expectText(dialog, 'The last active admin cannot be disabled or demoted.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await answer(router.invoke('staff.list', {}))).find((m) => m.username === ADMIN.username)?.role).toBe('admin');
  });

  it('disables the teller, then enables her again with a new passphrase chosen by keyboard from the row menu', async () => {
    const { page, router } = app;
    await chooseRowAction(page, TELLER.username, 'Disable');
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await expectText(page.getByRole('row').filter({ hasText: TELLER.username }), 'Disabled');

    const more = page.getByRole('row').filter({ hasText: TELLER.username }).getByRole('button', { name: /^more$/i });
    await more.focus();
    await page.keyboard.press('Enter');
    await expectText(page.getByRole('menu'), 'Enable again');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New passphrase', { exact: true }).fill('a fresh teller passphrase 7');
    await dialog.getByLabel('New passphrase again').fill('a fresh teller passphrase 7');
    await dialog.getByRole('button', { name: 'Enable' }).click();
    await expectText(page.getByRole('row').filter({ hasText: TELLER.username }), 'Active');
    expect((await answer(router.invoke('staff.list', {}))).find((m) => m.username === TELLER.username)?.status).toBe('active');
  });

  it('labels the row actions in 简体中文 too', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('row').filter({ hasText: TELLER.username }).getByRole('button', { name: /^(more|更多)$/i }).click();
    await expectText(page.getByRole('menu'), '更改角色');
    await screenshot(page, 'staff-row-actions-zh');
    await page.keyboard.press('Escape');
    await switchLanguage(page, 'English');
  });
});
