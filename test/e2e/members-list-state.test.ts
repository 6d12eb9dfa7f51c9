import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MemberRow } from '../../src-shared/contract/members';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, expectText, openScreen, unlock } from './support/app-actions';

// Issue 8, defect 4: the members list keeps what the reader chose (status, sort, page size, page,
// search) in the URL, so opening a member and coming back, by the browser's Back or the page's
// own "All members", finds the list exactly as it was left.

/** Enough members that the demo's one-in-a-hundred frozen ones fill more than one page of 25. */
const DEMO = { members: 4_000, transfers: 0, seed: 8 };

/** The grid draws only the rows in view, so the list is compared on its first rows. */
const ROWS_IN_VIEW = 10;

async function listedNames(page: Page): Promise<string[]> {
  return (await page.locator('[role="gridcell"][data-field="name"]').allTextContents()).slice(0, ROWS_IN_VIEW);
}

async function waitForListedNames(page: Page, expected: string[]): Promise<void> {
  const first = expected.slice(0, ROWS_IN_VIEW);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && JSON.stringify(await listedNames(page)) !== JSON.stringify(first)) await page.waitForTimeout(100);
  expect(await listedNames(page)).toEqual(first);
}

async function searchRows(app: PaydeskPage, input: Record<string, unknown>): Promise<{ rows: MemberRow[]; total: number }> {
  const answer = await app.router.invoke('members.search', input);
  if (!answer.ok) throw new Error(`members.search refused: ${answer.error.code}`);
  return answer.value;
}

function paginationText(page: Page) {
  return page.locator('.MuiTablePagination-displayedRows');
}

async function openFirstListedMember(page: Page, name: string): Promise<void> {
  await page.locator('[role="gridcell"][data-field="name"]').first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('the members list after opening a member', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk({
      prepare: async (router) => {
        await router.invoke('setup.init', ADMIN);
        const demo = await router.invoke('demo.load', DEMO);
        if (!demo.ok || demo.value.frozen <= 25) throw new Error('demo.load: expected more than 25 frozen members');
        await router.invoke('session.lock', {});
      },
    });
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
    await openScreen(app.page, 'Members');
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('comes back on the same status, sort, page size and page, by Back and by "All members"', async () => {
    const { page } = app;
    const frozenByName = await searchRows(app, { status: 'frozen', sort: 'name', direction: 'asc', offset: 25, limit: 25 });
    const secondPage = frozenByName.rows.map((row) => row.name);
    const shown = `26–${25 + secondPage.length} of ${frozenByName.total}`;

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Frozen' }).click();
    await page.getByRole('columnheader', { name: 'Name' }).click();
    await page.getByRole('combobox', { name: 'Rows per page:' }).click();
    await page.getByRole('option', { name: '25', exact: true }).click();
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await waitForListedNames(page, secondPage);
    await expectText(paginationText(page), shown);
    await screenshot(page, 'members-list-frozen-by-name-page-2');

    await openFirstListedMember(page, secondPage[0]!);
    await page.goBack();
    await waitForListedNames(page, secondPage);
    await expectText(paginationText(page), shown);
    await expectText(page.getByRole('combobox', { name: 'Status' }), 'Frozen');
    expect(await page.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');

    await openFirstListedMember(page, secondPage[0]!);
    await page.getByRole('link', { name: 'All members' }).click();
    await waitForListedNames(page, secondPage);
    await expectText(paginationText(page), shown);
  });

  it('comes back on the same search, and typing it added no history entries', async () => {
    const { page } = app;
    await openScreen(page, 'Members');
    await expectText(paginationText(page), `1–50 of ${DEMO.members.toLocaleString('en-US')}`);
    const found = await searchRows(app, { query: '王', limit: 50 });
    const names = found.rows.map((row) => row.name);
    const entriesBefore = await page.evaluate(() => history.length);

    await page.getByRole('textbox', { name: 'Search members' }).pressSequentially('王', { delay: 50 });
    await waitForListedNames(page, names);
    expect(await page.evaluate(() => history.length)).toBe(entriesBefore);

    await openFirstListedMember(page, names[0]!);
    await page.goBack();
    await waitForListedNames(page, names);
    expect(await page.getByRole('textbox', { name: 'Search members' }).inputValue()).toBe('王');
    await screenshot(page, 'members-list-search-after-back');
    expect(app.problems).toEqual([]);
  });
});
