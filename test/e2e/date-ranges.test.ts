import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { expectText, fillDate, openScreen } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 8, smaller defects: a From date after To showed 0 rows without a word. The To field now
// says what is wrong, and no query is made until the range is in order.

afterAll(async () => {
  await closeBrowser();
});

describe('date ranges in filters', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openSignedIn();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('marks a To date before From on the audit log, and shows the rows again once the range is in order', async () => {
    const { page } = app;
    await openScreen(page, 'Audit log');
    await fillDate(page, 'From', '2026-12-05');
    await fillDate(page, 'To', '2026-12-01');
    await expectText(page.getByText('The end date is before the start date.'), 'The end date is before the start date.');
    await screenshot(page, 'audit-date-range-reversed');
    await fillDate(page, 'From', '');
    await fillDate(page, 'To', '');
    await expect.poll(async () => page.getByText('The end date is before the start date.').count()).toBe(0);
    await expect.poll(async () => page.getByRole('row').count()).toBeGreaterThan(1);
  });
});
