import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import { isLuhnValid } from '../../src-shared/luhn';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { answer, chooseRowAction, expectText, fieldErrors, openScreen, switchLanguage } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 10, the admin's side of cards: Card programs (create, edit, close, delete only without
// cards, each refusal in our words), the Cards register (every card masked, filtered by program,
// state and search, paged by the main process), and the Cards section of Settings (business
// time zone, hold days). Cards are issued through the router: issuing is not what is tested here.

let keys = 0;
const key = () => `card-admin-e2e-${(keys += 1)}`;

interface Seeded {
  programId: number;
  /** The last four digits of the frozen card. */
  frozenLast4: string;
}

/** A program "Seed Debit" with three cards: 王小红's active and frozen ones, and Olive's inactive one. */
async function seedCards(router: Router, into: Seeded): Promise<void> {
  const program = await answer(router.invoke('cards.createProgram', { name: 'Seed Debit', bin: '62258812', currency: 'CNY', mode: 'live', defaultLimits: { day: { amount: 200_000, count: 10 } } }));
  const wang = await answer(router.invoke('members.create', { name: '王小红', phone: '13800138201' }));
  const olive = await answer(router.invoke('members.create', { name: 'Olive Small', phone: '13800138202' }));
  const active = await answer(router.invoke('cards.issue', { memberId: wang.id, programId: program.id, idempotencyKey: key() }));
  const frozen = await answer(router.invoke('cards.issue', { memberId: wang.id, programId: program.id, idempotencyKey: key() }));
  await answer(router.invoke('cards.issue', { memberId: olive.id, programId: program.id, idempotencyKey: key() }));
  await answer(router.invoke('cards.activate', { cardId: active.card.id }));
  await answer(router.invoke('cards.activate', { cardId: frozen.card.id }));
  await answer(router.invoke('cards.freeze', { cardId: frozen.card.id }));
  into.programId = program.id;
  into.frozenLast4 = frozen.card.last4;
}

/** Every run of 13 to 19 digits (spaces and dashes between groups allowed) in the page's visible text and fields that passes the Luhn check: a full card number on screen. */
async function fullCardNumbersShown(page: Page): Promise<string[]> {
  const fields = await page.locator('input, textarea').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const text = [await page.locator('body').innerText(), ...fields].join('\n');
  const runs = text.match(/\d[\d -]{11,30}\d/g) ?? [];
  return runs.map((run) => run.replace(/[ -]/g, '')).filter((digits) => digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits));
}

function grid(page: Page, name: string) {
  return page.getByRole('grid', { name, exact: true });
}

async function expectRowCount(page: Page, gridName: string, expected: number): Promise<void> {
  const rows = grid(page, gridName).locator('[role="row"][data-rowindex]');
  const deadline = Date.now() + 10_000;
  while ((await rows.count()) !== expected && Date.now() < deadline) await page.waitForTimeout(100);
  expect(await rows.count()).toBe(expected);
}

describe('Card programs, the cards register and the Cards settings', () => {
  let app: PaydeskPage;
  const seeded: Seeded = { programId: 0, frozenLast4: '' };
  const programs = async () => answer(app.router.invoke('cards.programs', {}));

  beforeAll(async () => {
    app = await openSignedIn(undefined, (router) => seedCards(router, seeded));
    await openScreen(app.page, 'Card programs');
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('lists the programs with BIN, length, currency, validity, mode, status and card count', async () => {
    const row = grid(app.page, 'Card programs').getByRole('row').filter({ hasText: 'Seed Debit' });
    await expectText(row, '62258812');
    await expectText(row, '36 months');
    await expectText(row, 'Live');
    await expectText(row, 'Open');
    await expectText(row, 'Per day CN¥2,000.00 · 10 payments');
    expect(await row.locator('[data-field="cards"]').textContent()).toBe('3');
  });

  it('refuses a BIN that is not 6 to 8 digits in our words, and creates nothing', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New program' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New card program' });
    await dialog.getByLabel('Name').fill('Teal Debit');
    await dialog.getByLabel('BIN').fill('62A5');
    await dialog.getByRole('button', { name: 'Create program' }).click();
    await expectText(fieldErrors(dialog), 'Enter 6 to 8 digits.');
    expect((await programs()).map((program) => program.name)).toEqual(['Seed Debit']);
  });

  it('creates a program from the dialog, with its default limits in the currency', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'New card program' });
    await dialog.getByLabel('BIN').fill('621288');
    await dialog.getByLabel('Per payment: at most').fill('500');
    await dialog.getByLabel('Per day: payments').fill('5');
    await screenshot(page, 'card-programs-dialog-en');
    await dialog.getByRole('button', { name: 'Create program' }).click();
    await expectText(grid(page, 'Card programs'), 'Teal Debit');
    const teal = (await programs()).find((program) => program.name === 'Teal Debit');
    expect(teal).toMatchObject({ bin: '621288', panLength: 16, currency: 'CNY', validityMonths: 36, mode: 'test', status: 'open', cards: 0 });
    expect(teal?.defaultLimits).toEqual({ authorization: { amount: 50_000, count: null }, day: { amount: null, count: 5 } });
    await screenshot(page, 'card-programs-en');
  });

  it('edits a program, and keeps the numbers of one with cards as they are', async () => {
    const { page } = app;
    await chooseRowAction(page, 'Teal Debit', 'Edit');
    const dialog = page.getByRole('dialog', { name: 'Edit Teal Debit' });
    await dialog.getByLabel('Valid for (months)').fill('24');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectText(grid(page, 'Card programs').getByRole('row').filter({ hasText: 'Teal Debit' }), '24 months');
    await chooseRowAction(page, 'Seed Debit', 'Edit');
    const seed = page.getByRole('dialog', { name: 'Edit Seed Debit' });
    await expectText(seed, '3 cards have been issued under this program');
    expect(await seed.getByLabel('BIN').isDisabled()).toBe(true);
    await seed.getByRole('button', { name: 'Cancel' }).click();
  });

  it('closes a program to new cards, and reopens it', async () => {
    const { page } = app;
    await chooseRowAction(page, 'Teal Debit', 'Close to new cards');
    await page.getByRole('dialog', { name: 'Close Teal Debit to new cards?' }).getByRole('button', { name: 'Close to new cards' }).click();
    await expectText(grid(page, 'Card programs').getByRole('row').filter({ hasText: 'Teal Debit' }).getByTestId('program-status'), 'Closed');
    expect((await programs()).find((program) => program.name === 'Teal Debit')?.status).toBe('closed');
  });

  it('says why a program with cards cannot be deleted, and deletes one without', async () => {
    const { page } = app;
    await grid(page, 'Card programs').getByRole('row').filter({ hasText: 'Seed Debit' }).getByRole('button', { name: 'more' }).click();
    const blocked = page.getByRole('menuitem', { name: 'Cannot delete: 3 cards issued' });
    expect(await blocked.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    await chooseRowAction(page, 'Teal Debit', 'Delete');
    await page.getByRole('dialog', { name: 'Delete Teal Debit?' }).getByRole('button', { name: 'Delete' }).click();
    await expectRowCount(page, 'Card programs', 1);
    expect((await programs()).map((program) => program.name)).toEqual(['Seed Debit']);
  });

  it('shows the programs screen and its dialog in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '卡计划' }).waitFor();
    await expectText(grid(page, '卡计划'), '36 个月');
    await screenshot(page, 'card-programs-zh');
    await page.getByRole('button', { name: '新建卡计划' }).first().click();
    const dialog = page.getByRole('dialog', { name: '新建卡计划' });
    await dialog.getByLabel('名称').fill('员工卡');
    await dialog.getByLabel('BIN').fill('12');
    await dialog.getByRole('button', { name: '创建卡计划' }).click();
    await expectText(fieldErrors(dialog), '请输入 6 至 8 位数字。');
    await screenshot(page, 'card-programs-dialog-zh');
    await dialog.getByRole('button', { name: '取消' }).click();
    await switchLanguage(page, 'English');
  });

  it('lists every card in the register, masked, newest first, with its member and program', async () => {
    const { page } = app;
    await openScreen(page, 'Cards');
    await expectRowCount(page, 'Cards', 3);
    const cells = await grid(page, 'Cards').locator('[data-field="maskedPan"][role="gridcell"]').allTextContents();
    expect(cells.every((cell) => /^6225 88•• •••• \d{4}$/.test(cell))).toBe(true);
    await expectText(grid(page, 'Cards').getByRole('row').filter({ hasText: 'Olive Small' }), 'Not activated');
    expect(await fullCardNumbersShown(page)).toEqual([]);
    await screenshot(page, 'card-register-en');
  });

  it('filters the register by state and program, and finds a card by its last four digits', async () => {
    const { page } = app;
    await page.getByLabel('State', { exact: true }).click();
    await page.getByRole('option', { name: 'Frozen', exact: true }).click();
    await expectRowCount(page, 'Cards', 1);
    expect(page.url()).toContain('state=frozen');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectRowCount(page, 'Cards', 3);
    await page.getByLabel('Program', { exact: true }).click();
    await page.getByRole('option', { name: 'Seed Debit', exact: true }).click();
    await expectRowCount(page, 'Cards', 3);
    await page.getByLabel('Search cards').fill(seeded.frozenLast4);
    await expectRowCount(page, 'Cards', 1);
    await expectText(grid(page, 'Cards'), seeded.frozenLast4);
    await page.getByLabel('Search cards').fill('Nobody at all');
    await expectText(grid(page, 'Cards'), 'No card matches');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectRowCount(page, 'Cards', 3);
  });

  it('opens the member of a card from the register', async () => {
    const { page } = app;
    await grid(page, 'Cards').getByRole('row').filter({ hasText: 'Olive Small' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Olive Small/ }).waitFor();
    await page.goBack();
    await expectRowCount(page, 'Cards', 3);
  });

  it('shows the register in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '卡片' }).waitFor();
    await expectText(grid(page, '卡片').getByRole('row').filter({ hasText: 'Olive Small' }), '未激活');
    expect(await fullCardNumbersShown(page)).toEqual([]);
    await screenshot(page, 'card-register-zh');
    await switchLanguage(page, 'English');
  });

  it('saves the business time zone and the hold days from the Cards section of Settings', async () => {
    const { page } = app;
    await openScreen(page, 'Settings');
    const section = page.getByRole('region', { name: 'Cards', exact: true });
    expect(await section.getByLabel('Business time zone').inputValue()).toMatch(/^This workstation's zone \(.+\)$/);
    await section.getByLabel('Business time zone').fill('berlin');
    await page.getByRole('option', { name: /^Europe\/Berlin/ }).click();
    await section.getByLabel('Authorization hold (days)').fill('31');
    await section.getByRole('button', { name: 'Save' }).click();
    await expectText(fieldErrors(section), 'Enter 30 or less.');
    expect((await answer(app.router.invoke('settings.get', {}))).authorizationHoldDays).toBe(7);
    await section.getByLabel('Authorization hold (days)').fill('10');
    await section.getByRole('button', { name: 'Save' }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'saved' }), 'Cards: saved.');
    const saved = await answer(app.router.invoke('settings.get', {}));
    expect([saved.businessTimeZone, saved.authorizationHoldDays]).toEqual(['Europe/Berlin', 10]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-cards-en');
    await switchLanguage(page, '简体中文');
    await expectText(page.getByRole('region', { name: '卡片', exact: true }), '业务时区');
    await page.getByRole('region', { name: '卡片', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-cards-zh');
    await switchLanguage(page, 'English');
  });

  it('leads from the Cards settings to the card programs', async () => {
    const { page } = app;
    await page.getByRole('region', { name: 'Cards', exact: true }).getByRole('link', { name: 'Open Card programs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Card programs' }).waitFor();
  });
});
