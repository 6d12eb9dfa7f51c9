import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import { isLuhnValid } from '../../src-shared/luhn';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { answer, expectText, openScreen, switchLanguage, TELLER } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 10, the card terminal: a teller types a card payment, sees from the router's dry run
// whether it would be approved and what the wallet keeps, authorizes it (a hold on the wallet),
// then captures part of it or voids it. A decline shows its code in words and moves nothing.
// After each attempt the number, expiry and CVV are gone from the form, and the screen shows
// only masked numbers. Cards are issued through the router; the terminal is what is tested.

let keys = 0;
const key = () => `card-terminal-e2e-${(keys += 1)}`;

interface TypedCard {
  pan: string;
  expiry: string;
  cvv: string;
}

interface Seeded {
  memberId: number;
  activeId: number;
  active: TypedCard;
  frozen: TypedCard;
}

/** 王小红 with CN¥1,000.00 and two cards of "Teal Debit": one active, one frozen. */
async function seedCards(router: Router, into: Seeded): Promise<void> {
  await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
  const program = await answer(router.invoke('cards.createProgram', { name: 'Teal Debit', bin: '62258812', currency: 'CNY', mode: 'live' }));
  const wang = await answer(router.invoke('members.create', { name: '王小红', phone: '13800138301' }));
  await answer(router.invoke('wallets.deposit', { memberId: wang.id, amount: 100_000, currency: 'CNY', idempotencyKey: key() }));
  const active = await answer(router.invoke('cards.issue', { memberId: wang.id, programId: program.id, idempotencyKey: key() }));
  const frozen = await answer(router.invoke('cards.issue', { memberId: wang.id, programId: program.id, idempotencyKey: key() }));
  await answer(router.invoke('cards.activate', { cardId: active.card.id }));
  await answer(router.invoke('cards.activate', { cardId: frozen.card.id }));
  await answer(router.invoke('cards.freeze', { cardId: frozen.card.id }));
  into.memberId = wang.id;
  into.activeId = active.card.id;
  into.active = { pan: active.pan, expiry: active.expiry, cvv: active.cvv };
  into.frozen = { pan: frozen.pan, expiry: frozen.expiry, cvv: frozen.cvv };
}

/** Every run of 13 to 19 digits in the page's visible text and fields that passes the Luhn check: a full card number on screen. */
async function fullCardNumbersShown(page: Page): Promise<string[]> {
  const fields = await page.locator('input, textarea').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const text = [await page.locator('body').innerText(), ...fields].join('\n');
  const runs = text.match(/\d[\d -]{11,30}\d/g) ?? [];
  return runs.map((run) => run.replace(/[ -]/g, '')).filter((digits) => digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits));
}

/** A CVV that is not the card's. */
function wrongCvv(cvv: string): string {
  return cvv.replace(/^\d/, (digit) => String((Number(digit) + 1) % 10));
}

interface Labels {
  merchant: string;
  pan: string;
  expiry: string;
  cvv: string;
  amount: string;
}

const EN: Labels = { merchant: 'Merchant', pan: 'Card number', expiry: 'Expiry (MM/YY)', cvv: 'CVV', amount: 'Amount' };
const ZH: Labels = { merchant: '商户', pan: '卡号', expiry: '有效期（MM/YY）', cvv: 'CVV', amount: '金额' };

async function typePayment(page: Page, card: TypedCard, amount: string, labels: Labels = EN, merchant = 'Tea House'): Promise<void> {
  await page.getByLabel(labels.merchant, { exact: false }).first().fill(merchant);
  await page.getByLabel(labels.pan, { exact: false }).first().pressSequentially(card.pan);
  await page.getByLabel(labels.expiry, { exact: false }).first().pressSequentially(card.expiry.replace('/', ''));
  await page.getByLabel(labels.cvv, { exact: false }).first().fill(card.cvv);
  await page.getByLabel(labels.amount, { exact: false }).first().fill(amount);
}

describe('the card terminal', () => {
  let app: PaydeskPage;
  const seeded = {} as Seeded;
  const available = async () => (await answer(app.router.invoke('wallets.summary', { memberId: seeded.memberId }))).wallets.find((wallet) => wallet.currency === 'CNY')!.available;

  beforeAll(async () => {
    app = await openSignedIn(TELLER, (router) => seedCards(router, seeded));
    await openScreen(app.page, 'Card terminal');
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('groups the card number as typed, masks it once another field has the focus, and previews an approval with the balance left after it, placing no hold', async () => {
    const { page } = app;
    await typePayment(page, seeded.active, '120.50');
    const pan = page.getByTestId('terminal-pan');
    expect(await pan.inputValue()).toBe(`6225 88•• •••• ${seeded.active.pan.slice(-4)}`);
    await pan.focus();
    expect(await pan.inputValue()).toBe(seeded.active.pan.replace(/(\d{4})(?=\d)/g, '$1 '));
    await page.getByLabel('Amount').first().focus();
    expect(await page.getByLabel('CVV').first().getAttribute('type')).toBe('password');
    await expectText(page.getByTestId('authorize-preview'), 'Would be approved');
    await expectText(page.getByTestId('authorize-preview'), 'Available in the wallet after it: CN¥879.50');
    expect(await available()).toBe(100_000);
    await screenshot(page, 'card-terminal-preview-en');
  });

  it('authorizes: holds the amount, shows the authorization masked, and clears the card from the form', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expectText(page.getByTestId('terminal-outcome'), 'Approved: CN¥120.50 is held on the wallet.');
    const panel = page.getByTestId('authorization-panel');
    await expectText(panel.getByTestId('authorization-status'), 'Held');
    await expectText(panel.getByTestId('authorization-card'), `6225 88•• •••• ${seeded.active.pan.slice(-4)}`);
    expect(await available()).toBe(100_000 - 12_050);
    expect([await page.getByTestId('terminal-pan').inputValue(), await page.getByLabel('CVV').first().inputValue(), await page.getByLabel(EN.expiry).first().inputValue()]).toEqual(['', '', '']);
    expect(await page.getByLabel('Merchant').first().inputValue()).toBe('Tea House');
    expect(await fullCardNumbersShown(page)).toEqual([]);
    await screenshot(page, 'card-terminal-approved-en');
  });

  it('captures part of the hold, which posts it and releases the rest', async () => {
    const { page } = app;
    const panel = page.getByTestId('authorization-panel');
    await panel.getByLabel('Amount to capture').fill('100');
    await panel.getByRole('button', { name: 'Capture' }).click();
    await expectText(panel.getByTestId('authorization-status'), 'Captured');
    await expectText(panel, 'Captured CN¥100.00.');
    expect(await available()).toBe(100_000 - 10_000);
    expect(await panel.getByRole('button', { name: 'Void' }).count()).toBe(0);
  });

  it('voids an authorization, which releases its hold', async () => {
    const { page } = app;
    await typePayment(page, seeded.active, '50');
    await expectText(page.getByTestId('authorize-preview'), 'Would be approved');
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expectText(page.getByTestId('terminal-outcome'), 'Approved: CN¥50.00 is held on the wallet.');
    expect(await available()).toBe(90_000 - 5_000);
    const panel = page.getByTestId('authorization-panel');
    await panel.getByRole('button', { name: 'Void' }).click();
    await page.getByRole('dialog', { name: /^Void authorization #\d+\?$/ }).getByRole('button', { name: 'Void' }).click();
    await expectText(panel.getByTestId('authorization-status'), 'Voided');
    expect(await available()).toBe(90_000);
  });

  it('declines a wrong CVV with its code, in the preview and at Authorize, and moves nothing', async () => {
    const { page } = app;
    await typePayment(page, { ...seeded.active, cvv: wrongCvv(seeded.active.cvv) }, '30');
    await expectText(page.getByTestId('authorize-preview'), 'Would be declined');
    await expectText(page.getByTestId('authorize-preview'), 'The security code (CVV) does not match the card.');
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expectText(page.getByTestId('terminal-outcome'), 'Declined');
    await expectText(page.getByTestId('terminal-outcome').getByTestId('decline-code'), 'Code CVV_MISMATCH');
    expect(await available()).toBe(90_000);
    expect(await page.getByTestId('terminal-pan').inputValue()).toBe('');
    const recent = page.getByRole('table', { name: 'Authorizations at this terminal' });
    await expectText(recent.getByRole('row').nth(1), 'Declined');
    await expectText(recent.getByRole('row').nth(1), 'CVV_MISMATCH');
    expect(await recent.getByRole('row').count()).toBe(4);
    expect(await fullCardNumbersShown(page)).toEqual([]);
    await screenshot(page, 'card-terminal-declined-en');
  });

  it('declines a frozen card as not active', async () => {
    const { page } = app;
    await typePayment(page, seeded.frozen, '30');
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expectText(page.getByTestId('terminal-outcome').getByTestId('decline-code'), 'Code CARD_NOT_ACTIVE');
    await expectText(page.getByTestId('terminal-outcome'), 'The card is not active');
    expect(await available()).toBe(90_000);
  });

  it('declines an amount over a limit, naming the interval whose limit it would pass', async () => {
    const { page } = app;
    await answer(app.router.invoke('cards.setLimits', { cardId: seeded.activeId, limits: { authorization: { amount: 10_000, count: null } } }));
    await typePayment(page, seeded.active, '150');
    await expectText(page.getByTestId('authorize-preview').getByTestId('decline-code'), 'Code LIMIT_EXCEEDED · Limit passed: Per payment');
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expectText(page.getByTestId('terminal-outcome').getByTestId('decline-code'), 'Code LIMIT_EXCEEDED · Limit passed: Per payment');
    expect(await available()).toBe(90_000);
    await answer(app.router.invoke('cards.setLimits', { cardId: seeded.activeId, limits: {} }));
  });

  it('says the same in Chinese: an approval and a decline', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '刷卡终端' }).waitFor();
    await typePayment(page, seeded.active, '20', ZH, '星巴克');
    await expectText(page.getByTestId('authorize-preview'), '将会批准');
    await page.getByRole('button', { name: '授权' }).click();
    await expectText(page.getByTestId('terminal-outcome'), '已批准：钱包中已冻结 ¥20.00。');
    await expectText(page.getByTestId('authorization-panel').getByTestId('authorization-status'), '已冻结');
    expect(await fullCardNumbersShown(page)).toEqual([]);
    await screenshot(page, 'card-terminal-approved-zh');
    await typePayment(page, { ...seeded.active, cvv: wrongCvv(seeded.active.cvv) }, '20', ZH, '星巴克');
    await expectText(page.getByTestId('authorize-preview'), '将会拒绝');
    await page.getByRole('button', { name: '授权' }).click();
    await expectText(page.getByTestId('terminal-outcome'), '安全码（CVV）与卡片不符。');
    await expectText(page.getByTestId('terminal-outcome').getByTestId('decline-code'), '代码 CVV_MISMATCH');
    await screenshot(page, 'card-terminal-declined-zh');
    await switchLanguage(page, 'English');
  });

  it('reads in the dark theme, the attempts listed with their statuses', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    const recent = page.getByRole('table', { name: 'Authorizations at this terminal' });
    expect(await recent.getByRole('row').count()).toBe(8);
    await recent.scrollIntoViewIfNeeded();
    await screenshot(page, 'card-terminal-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });
});
