import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

// What a person does on the screens, in their words, so the specs read as steps.

export interface Person {
  username: string;
  displayName: string;
  passphrase: string;
}

/** Waits until the locator's text contains `expected` (playwright-core has no auto-retrying expect). */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().textContent({ timeout }).catch(() => '')) ?? '';
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(last).toMatch(expected);
}

/** The error lines under form fields. */
export function fieldErrors(scope: Page | Locator): Locator {
  return scope.locator('.MuiFormHelperText-root.Mui-error');
}

export async function setUpFirstAdmin(page: Page, admin: Person): Promise<string> {
  await page.getByLabel('Admin user name').fill(admin.username);
  await page.getByLabel('Full name').fill(admin.displayName);
  await page.getByLabel('Passphrase', { exact: true }).fill(admin.passphrase);
  await page.getByLabel('Passphrase again').fill(admin.passphrase);
  await page.getByRole('button', { name: 'Create admin and encrypt data' }).click();
  const key = page.getByTestId('recovery-key');
  await key.waitFor();
  return ((await key.textContent()) ?? '').replace(/\s+/g, '-');
}

export async function unlock(page: Page, username: string, passphrase: string, submitLabel = 'Unlock'): Promise<void> {
  const name = page.locator('input[name="username"]');
  await name.fill(username);
  await page.locator('input[name="passphrase"]').fill(passphrase);
  await page.getByRole('button', { name: submitLabel, exact: true }).click();
}

export async function lock(page: Page, label = 'Lock'): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.locator('input[name="passphrase"]').waitFor();
}

export function navigation(page: Page): Locator {
  return page.getByRole('navigation');
}

export async function openScreen(page: Page, label: string): Promise<void> {
  await navigation(page).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

export async function switchLanguage(page: Page, to: 'English' | '简体中文'): Promise<void> {
  await page.getByRole('button', { name: /^(Language|语言)$/ }).click();
  await page.getByRole('menuitem', { name: to }).click();
}

/** Opens the actions menu of the grid row that shows `rowText` and chooses `action` by its visible label. */
export async function chooseRowAction(page: Page, rowText: string, action: string): Promise<void> {
  await page.getByRole('row').filter({ hasText: rowText }).getByRole('button', { name: /^(more|更多)$/i }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

/** A date field's section names (its spinbuttons' labels) in English and Chinese, and the part of yyyy-mm-dd each takes. */
const DATE_SECTIONS: Record<string, 0 | 1 | 2> = { Year: 0, Month: 1, Day: 2, 年份: 0, 月份: 1, 日期: 2 };

/**
 * Types a day (yyyy-mm-dd) into the localized date field labelled `label`, from the keyboard,
 * section by section in the order the field shows them (MM/DD/YYYY in English, 年/月/日 in
 * Chinese); '' clears the field.
 */
export async function fillDate(page: Page, label: string, day: string): Promise<void> {
  const sections = page.getByRole('group', { name: label, exact: true }).getByRole('spinbutton');
  const names = await sections.evaluateAll((spans) => spans.map((span) => span.getAttribute('aria-label') ?? ''));
  const parts = day === '' ? [] : day.split('-');
  for (const [index, name] of names.entries()) {
    const part = DATE_SECTIONS[name];
    if (part === undefined) throw new Error(`fillDate: unknown date section "${name}" in ${label}`);
    await sections.nth(index).click();
    await page.keyboard.press('Backspace');
    if (parts[part] !== undefined) await page.keyboard.type(parts[part]);
  }
}

/** The people most e2e tests set up: the founding admin and a teller with a Chinese display name. */
export const ADMIN: Person = { username: 'admin', displayName: 'Ada Admin', passphrase: 'correct horse battery 42' };
export const TELLER: Person = { username: 'tina', displayName: '张三丰', passphrase: 'teller passphrase 2026' };

/** The value of a router call made by a test itself (set-up in `prepare`, a check after the page acted); a refusal fails the test. */
export async function answer<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(`refused: ${settled.error.code}`);
  return settled.value;
}

/** Whether the element lies wholly inside the viewport and inside its grid's visible area. */
export async function whollyInView(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const scroller = node.closest('.MuiDataGrid-main')?.getBoundingClientRect();
    const inGrid = !scroller || (box.left >= scroller.left - 0.5 && box.right <= scroller.right + 0.5);
    return inGrid && box.left >= 0 && box.right <= window.innerWidth && box.width > 0;
  });
}
