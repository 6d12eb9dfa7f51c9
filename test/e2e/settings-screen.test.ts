import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, openPaydesk, screenshot, screenshotWhole, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, fieldErrors, lock, openScreen, switchLanguage, unlock, type Person } from './support/app-actions';

// Issue 8: Settings shows every setting by section, each with a label and a description: the idle
// lock, the enabled currencies, the payment fee per currency as a percentage with what it
// charges, and the counter's limits in major units. Saving sends what the admin changed; a value
// the section refuses is named in our words (1.5 minutes: "Enter a whole number.") and nothing is
// saved; an auditor reads the same screen but cannot change it.

const AUDITOR: Person = { username: 'audrey', displayName: 'Audrey Auditor', passphrase: 'auditor passphrase 2026' };

afterAll(async () => {
  await closeBrowser();
});

function section(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

describe('the Settings screen', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk({
      prepare: async (router) => {
        await answer(router.invoke('setup.init', ADMIN));
        await answer(router.invoke('staff.add', { ...AUDITOR, role: 'auditor' }));
        await answer(router.invoke('session.lock', {}));
      },
    });
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
    await openScreen(app.page, 'Settings');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows every section with its settings, the general fee as a percentage with what it charges', async () => {
    const { page } = app;
    for (const title of ['Session', 'Currencies & fees', 'Counter limits', 'Trust fingerprint']) await section(page, title).waitFor();
    const fees = section(page, 'Currencies & fees');
    expect(await fees.getByLabel('Payment fee, general rate').inputValue()).toBe('0.50');
    await expectText(fees, 'Fee on CN¥100.00 = CN¥0.50');
    const limits = section(page, 'Counter limits');
    expect(await limits.getByLabel('Teller: largest single operation in CNY').inputValue()).toBe('50000.00');
    expect(await limits.getByLabel('Second approval above, in CNY').inputValue()).toBe('10000.00');
    await expectText(limits, 'CN¥50,000.00');
    for (const save of await page.getByRole('button', { name: 'Save', exact: true }).all()) expect(await save.isDisabled()).toBe(true);
    await screenshotWhole(page, 'settings-en');
  });

  it('enables US dollars with a fee of its own, saves only that section, and says so', async () => {
    const { page, router } = app;
    const fees = section(page, 'Currencies & fees');
    await fees.getByLabel('Enabled currencies').fill('dollar');
    await page.getByRole('option', { name: 'USD — US Dollar' }).click();
    await page.keyboard.press('Escape');
    await fees.getByLabel('Payment fee in USD (%)').fill('0.3');
    await expectText(fees, 'Fee on $100.00 = $0.30');
    await expectText(fees, 'Unsaved changes');
    await fees.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'saved' }), 'Currencies & fees: saved.');
    const settings = await answer(router.invoke('settings.get', {}));
    expect(settings).toMatchObject({ enabledCurrencies: ['CNY', 'USD'], paymentFeeBps: 50, paymentFeeBpsByCurrency: { USD: 30 } });
    const { rows } = await answer(router.invoke('audit.list', { action: 'settings.update' }));
    expect(rows[0]).toMatchObject({ after: { enabledCurrencies: ['CNY', 'USD'], paymentFeeBpsByCurrency: { USD: 30 } } });
    expect(Object.keys(rows[0]?.after ?? {}).sort()).toEqual(['enabledCurrencies', 'paymentFeeBpsByCurrency']);
    expect(await fees.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
  });

  it('changes the general fee rate, and the currency without its own rate charges it', async () => {
    const { page, router } = app;
    const fees = section(page, 'Currencies & fees');
    await fees.getByLabel('Payment fee, general rate').fill('1.25');
    await expectText(fees.getByRole('row').filter({ hasText: 'CNY' }), 'Fee on CN¥100.00 = CN¥1.25');
    await fees.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'saved' }), 'Currencies & fees: saved.');
    expect(await answer(router.invoke('settings.get', {}))).toMatchObject({ paymentFeeBps: 125, paymentFeeBpsByCurrency: { USD: 30 } });
  });

  it('sets a teller limit in dollars in major units, and no limit for a blank one', async () => {
    const { page, router } = app;
    const limits = section(page, 'Counter limits');
    await limits.getByLabel('Teller: largest single operation in USD').fill('2500.50');
    await expectText(limits, '$2,500.50');
    await limits.getByLabel('Teller: largest single operation in CNY').fill('');
    await limits.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'saved' }), 'Counter limits: saved.');
    expect((await answer(router.invoke('settings.get', {}))).operationLimits).toEqual({ teller: { USD: 250_050 } });
  });

  it('refuses 1.5 idle-lock minutes in our words on the field, saves nothing, and Reset brings back what is saved', async () => {
    const { page, router } = app;
    const session = section(page, 'Session');
    const minutes = session.getByLabel('Lock after (minutes without input)');
    await minutes.fill('1.5');
    await session.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(fieldErrors(session), 'Enter a whole number.');
    expect(await page.locator('main').textContent()).not.toMatch(/expected|Invalid input|received/);
    await screenshotWhole(page, 'settings-invalid-en');
    expect((await answer(router.invoke('settings.get', {}))).idleLockMinutes).toBe(10);
    await session.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => minutes.inputValue()).toBe('10');
    expect(await fieldErrors(session).count()).toBe(0);
  });

  it('refuses a fee with three decimals and a limit the currency cannot hold, each on its field', async () => {
    const { page, router } = app;
    const before = await answer(router.invoke('settings.get', {}));
    const fees = section(page, 'Currencies & fees');
    await fees.getByLabel('Payment fee in USD (%)').fill('0.333');
    await fees.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(fieldErrors(fees), 'At most 2 decimal places.');
    const limits = section(page, 'Counter limits');
    await limits.getByLabel('Second approval above, in USD').fill('10.001');
    await limits.getByRole('button', { name: 'Save', exact: true }).click();
    await expectText(fieldErrors(limits), 'USD has at most 2 decimal places.');
    expect(await answer(router.invoke('settings.get', {}))).toEqual(before);
    await fees.getByRole('button', { name: 'Reset' }).click();
    await limits.getByRole('button', { name: 'Reset' }).click();
  });

  it('reads in Chinese, with amounts and names in the Chinese formats', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    await expectText(section(page, '币种与手续费'), '¥100.00 的手续费 = ¥1.25');
    await expectText(section(page, '币种与手续费'), '美元');
    await screenshotWhole(page, 'settings-zh');
    await section(page, '会话').getByLabel('无操作多少分钟后锁定').fill('1.5');
    await section(page, '会话').getByRole('button', { name: '保存', exact: true }).click();
    await expectText(fieldErrors(section(page, '会话')), '请输入整数。');
    await screenshotWhole(page, 'settings-invalid-zh');
    await section(page, '会话').getByRole('button', { name: '还原' }).click();
    await switchLanguage(page, 'English');
  });

  it('fits 1024×700, in the dark theme too', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(page, 'settings-1024');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await screenshotWhole(page, 'settings-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows an auditor every setting read-only, with no Save, and the router refuses them a save', async () => {
    const { page, router } = app;
    await lock(page);
    await unlock(page, AUDITOR.username, AUDITOR.passphrase);
    await openScreen(page, 'Settings');
    await expectText(page.getByRole('alert').filter({ hasText: 'admin' }), 'Only an admin can change them.');
    const fees = section(page, 'Currencies & fees');
    expect(await fees.getByLabel('Payment fee, general rate').inputValue()).toBe('1.25');
    expect(await fees.getByLabel('Payment fee, general rate').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await screenshotWhole(page, 'settings-read-only-en');
    expect(await router.invoke('settings.update', { paymentFeeBps: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await answer(router.invoke('settings.get', {}))).paymentFeeBps).toBe(125);
    expect(app.problems).toEqual([]);
  });
});
