import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, type PaydeskPage } from './harness';
import { answer, expectText, openScreen } from './support/app-actions';
import { maskedGroups, visibleCardNumbers } from './support/card-numbers';
import { openSignedIn } from './support/signed-in';

// Issue 10's journey through the screens alone, as a branch admin would walk it: issue a card on
// the member page (its number, expiry and CVV read off the once-only dialog), activate it,
// authorize a payment at the card terminal and capture it, freeze the card, see the terminal
// decline it, then replace it. The router is only asked what the books say after each step.

const MEMBER = { name: '周旅程', phone: '13800138777' };
let keys = 0;
const key = () => `card-journey-${(keys += 1)}`;

interface Printed {
  pan: string;
  expiry: string;
  cvv: string;
}

async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#${target}`), path);
  await page.locator('main h1').first().waitFor();
}

function detail(page: Page): Locator {
  return page.getByTestId('card-detail');
}

async function readIssued(page: Page): Promise<Printed> {
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('issued-card').waitFor();
  const read = async (id: string) => ((await dialog.getByTestId(id).textContent()) ?? '').replace(/\s/g, '');
  const printed = { pan: await read('issued-pan'), expiry: await read('issued-expiry'), cvv: await read('issued-cvv') };
  await dialog.getByRole('button', { name: 'Done, hide the number' }).click();
  await dialog.waitFor({ state: 'detached' });
  return printed;
}

async function changeCard(page: Page, label: string): Promise<void> {
  await detail(page).getByTestId('card-actions').getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

async function payAtTerminal(page: Page, card: Printed, amount: string): Promise<Locator> {
  await openScreen(page, 'Card terminal');
  await page.getByLabel('Merchant', { exact: false }).first().fill('Journey Books');
  await page.getByLabel('Card number', { exact: false }).first().pressSequentially(card.pan);
  await page.getByLabel('Expiry (MM/YY)', { exact: false }).first().pressSequentially(card.expiry.replace('/', ''));
  await page.getByLabel('CVV', { exact: false }).first().fill(card.cvv);
  await page.getByLabel('Amount', { exact: false }).first().fill(amount);
  await page.getByRole('button', { name: 'Authorize' }).click();
  return page.getByTestId('terminal-outcome');
}

describe('a card from issue to replacement, through the screens', () => {
  let app: PaydeskPage;
  let memberId = 0;
  let card: Printed = { pan: '', expiry: '', cvv: '' };

  const wallet = async () => (await answer(app.router.invoke('wallets.summary', { memberId }))).wallets.find((w) => w.currency === 'CNY')!;
  const cardsOf = async () => answer(app.router.invoke('cards.memberCards', { memberId }));

  beforeAll(async () => {
    app = await openSignedIn(undefined, async (router) => {
      memberId = (await answer(router.invoke('members.create', MEMBER))).id;
      await answer(router.invoke('wallets.deposit', { memberId, amount: 50_000, currency: 'CNY', idempotencyKey: key() }));
      await answer(router.invoke('cards.createProgram', { name: 'Journey Debit', bin: '62258899', currency: 'CNY', mode: 'live' }));
    });
    await app.page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('issues the card on the member page and activates it', async () => {
    const { page } = app;
    await visit(page, `/members?member=${memberId}&tab=cards`);
    await page.getByRole('button', { name: 'Issue card' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Issue', exact: true }).click();
    card = await readIssued(page);
    expect(card.pan).toMatch(/^62258899\d{8}$/);
    expect(await visibleCardNumbers(page)).toEqual([]);
    await changeCard(page, 'Activate');
    await expectText(detail(page).getByTestId('card-state'), 'Active');
    expect((await cardsOf()).map((c) => c.state)).toEqual(['active']);
  });

  it('authorizes a payment at the terminal and captures it', async () => {
    const { page } = app;
    const outcome = await payAtTerminal(page, card, '88.00');
    await expectText(outcome, 'Approved: CN¥88.00 is held on the wallet.');
    expect(await wallet()).toMatchObject({ balance: 50_000, available: 50_000 - 8_800 });
    const panel = page.getByTestId('authorization-panel');
    await panel.getByRole('button', { name: 'Capture' }).click();
    await expectText(panel.getByTestId('authorization-status'), 'Captured');
    expect(await wallet()).toMatchObject({ balance: 50_000 - 8_800, available: 50_000 - 8_800 });
    expect(await visibleCardNumbers(page)).toEqual([]);
  });

  it('freezes the card, and the terminal then declines it as not active, moving nothing', async () => {
    const { page } = app;
    await visit(page, `/members?member=${memberId}&tab=cards`);
    await changeCard(page, 'Freeze');
    await expectText(detail(page).getByTestId('card-state'), 'Frozen');
    const before = await wallet();
    const outcome = await payAtTerminal(page, card, '10.00');
    await expectText(outcome.getByTestId('decline-code'), 'Code CARD_NOT_ACTIVE');
    expect(await wallet()).toEqual(before);
    const [frozen] = await cardsOf();
    const activity = await answer(app.router.invoke('cards.activity', { cardId: frozen!.id }));
    expect(activity.rows.map((a) => [a.status, a.declineCode])).toEqual([['declined', 'CARD_NOT_ACTIVE'], ['captured', null]]);
  });

  it('replaces the frozen card: the new number is shown once, the old one cancelled and linked to it', async () => {
    const { page } = app;
    await visit(page, `/members?member=${memberId}&tab=cards`);
    await detail(page).getByTestId('card-actions').getByRole('button', { name: 'Replace', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Stolen' }).click();
    await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
    const replacement = await readIssued(page);
    expect(replacement.pan).not.toBe(card.pan);
    expect(await visibleCardNumbers(page)).toEqual([]);
    await expectText(detail(page).getByTestId('card-detail-number'), maskedGroups(replacement.pan));
    const cards = await cardsOf();
    expect(cards.map((c) => [c.state, c.cancelReason])).toEqual([['inactive', null], ['cancelled', 'stolen']]);
    expect(cards[0]!.replaces?.id).toBe(cards[1]!.id);
    expect(cards[1]!.replacedBy?.id).toBe(cards[0]!.id);
  });
});
