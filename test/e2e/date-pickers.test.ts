import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { expectText, fillDate, openScreen, switchLanguage } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 8, smaller defects: date fields showed "mm/dd/yyyy" in Chinese. The pickers follow the
// interface language: 年/月/日 order and Chinese month names in zh-CN, MM/DD/YYYY in English,
// typed from the keyboard in both.

afterAll(async () => {
  await closeBrowser();
});

/** What a date field shows, its sections joined as on screen. */
async function shown(app: PaydeskPage, label: string): Promise<string> {
  return (await app.page.getByRole('group', { name: label, exact: true }).locator('.MuiPickersSectionList-root').textContent()) ?? '';
}

describe('localized date pickers', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openSignedIn();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows and takes dates month first in English, with English month names in the calendar', async () => {
    const { page } = app;
    await openScreen(page, 'Audit log');
    expect(await shown(app, 'From')).toBe('MM/DD/YYYY');
    await fillDate(page, 'From', '2026-12-05');
    expect(await shown(app, 'From')).toBe('12/05/2026');
    await page.getByRole('group', { name: 'From', exact: true }).getByRole('button', { name: /Choose date/ }).click();
    await expectText(page.getByRole('dialog'), 'December 2026');
    await screenshot(page, 'date-picker-en');
    await page.keyboard.press('Escape');
  });

  it('shows the same day year first in Chinese, 年/月/日 when empty, with the calendar in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    expect(await shown(app, '起始日期')).toBe('2026/12/05');
    expect(await shown(app, '截止日期')).toBe('年/月/日');
    await fillDate(page, '截止日期', '2026-12-09');
    expect(await shown(app, '截止日期')).toBe('2026/12/09');
    await page.getByRole('group', { name: '截止日期', exact: true }).getByRole('button', { name: /选择日期/ }).click();
    await expectText(page.getByRole('dialog'), '2026年12月');
    await screenshot(page, 'date-picker-zh');
    await page.keyboard.press('Escape');
    await switchLanguage(page, 'English');
  });
});
