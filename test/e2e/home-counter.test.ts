import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { answer, expectText, navigation, switchLanguage, TELLER } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 8, Home: until the dashboard, the signed-in person's own counter today.

afterAll(async () => {
  await closeBrowser();
});

describe('home', () => {
  let app: PaydeskPage;
  let memberId = 0;

  beforeAll(async () => {
    app = await openSignedIn(TELLER, async (router) => {
      await answer(router.invoke('staff.add', { ...TELLER, role: 'teller' }));
      memberId = (await answer(router.invoke('members.create', { name: 'Home Member', phone: '13800000042' }))).id;
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the teller an empty day, then her own operations with the cash in and out', async () => {
    const { page, router } = app;
    await expectText(page.getByRole('region', { name: 'Your counter today' }), 'No operations at your counter yet today.');
    await answer(router.invoke('wallets.deposit', { memberId, amount: 12_345, currency: 'CNY', idempotencyKey: 'home-1' }));
    await answer(router.invoke('wallets.withdraw', { memberId, amount: 2_000, currency: 'CNY', idempotencyKey: 'home-2' }));
    // Made through the router, not the counter screen, so nothing in the page knew: a reload asks again.
    await page.reload();
    await navigation(page).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${TELLER.displayName}` }).waitFor();
    const today = page.getByRole('region', { name: 'Your counter today' });
    await expectText(today, '2 operations');
    await expectText(today, 'CN¥123.45');
    await expectText(today, 'CN¥20.00');
    await screenshot(page, 'home-counter-today');
    await switchLanguage(page, '简体中文');
    await expectText(page.getByRole('region', { name: '今日柜台' }), '2 笔业务');
    await screenshot(page, 'home-counter-today-zh');
    await switchLanguage(page, 'English');
    expect(app.problems).toEqual([]);
  });
});
