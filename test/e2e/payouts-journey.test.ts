import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { csvOf, type PayoutRow } from '../integration/payouts-fixtures';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, lock, unlock, type Person } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 11's journey on the screens alone: the admin imports a file with errors through the
// wizard and submits the batch (the error rows listed as left out); the admin's own approval is
// refused (the button greyed with the reason, and the router says SELF_APPROVAL_FORBIDDEN with
// nothing changed); finance approves after the dry run's preview, pays the batch while its
// progress bar runs, and exports results in which the error rows are SKIPPED with their code and
// the Chinese notes are intact.

// The router runs in this test's process: the pause between two execution steps is stretched, so
// the page's progress bar is seen between them. The steps themselves are the real ones.
vi.mock('../../src-main/store/database-copy', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src-main/store/database-copy')>()),
  yieldToEventLoop: () => new Promise<void>((resolve) => setTimeout(resolve, 150)),
}));

const FINANCE: Person = { username: 'fiona', displayName: 'Fiona Finance', passphrase: 'finance passphrase 2026' };
/** Eight execution steps of 2,500. */
const GOOD_ROWS = 20_000;

let folder = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'paydesk-journey-'));
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await closeBrowser();
});

function journeyFile(members: string[]): string {
  const rows: PayoutRow[] = Array.from({ length: GOOD_ROWS }, (_, index) => ({
    reference: `JAN-${index + 1}`,
    member_no: members[index % members.length],
    amount: ((index + 1) / 100).toFixed(2),
    note: `一月奖金 ${index + 1}`,
  }));
  rows.push({ reference: 'JAN-BAD-1', member_no: '999999999', amount: '50.00', note: '未知会员' });
  rows.push({ reference: 'JAN-BAD-2', member_no: members[0], amount: '-3', note: '负数' });
  const path = join(folder, '一月奖金.csv');
  writeFileSync(path, csvOf(rows));
  return path;
}

function stepButton(page: Page, name: string) {
  return page.getByRole('group', { name: 'Steps for this batch' }).getByRole('button', { name, exact: true });
}

describe('a payout file from import to results', () => {
  let app: PaydeskPage;
  let batchId = 0;
  let file = '';

  beforeAll(async () => {
    const members: string[] = [];
    app = await openSignedIn(ADMIN, async (router) => {
      await answer(router.invoke('staff.add', { ...FINANCE, role: 'finance' }));
      for (const [index, name] of ['欧阳娜娜', '司马光', 'Grace Hopper'].entries()) members.push((await answer(router.invoke('members.create', { name, phone: `1370000020${index}` }))).memberNumber);
      await answer(router.invoke('payouts.fund', { amount: 2_000_000_000, idempotencyKey: 'journey-funding' }));
    });
    await app.page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` }).waitFor();
    file = journeyFile(members);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports the file with its errors through the wizard and submits it, the error rows listed as left out', async () => {
    const { page, router } = app;
    await page.evaluate(() => (window.location.hash = '#/payouts/import'));
    await page.locator('input[type="file"]').setInputFiles(file);
    // The check and the import run in this process too, so Playwright's own timers wait for them.
    await page.getByRole('button', { name: 'Check the file', exact: true }).click({ timeout: 90_000 });
    await expectText(page.getByTestId('file-rows'), '20,002', 60_000);
    await page.getByRole('button', { name: 'See the rows', exact: true }).click({ timeout: 90_000 });
    await expectText(page.getByTestId('error-count'), '2', 60_000);
    await page.getByRole('button', { name: 'Continue', exact: true }).click({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Create batch', exact: true }).click({ timeout: 90_000 });
    await page.waitForURL(/#\/payouts\/\d+/, { timeout: 60_000 });
    batchId = Number(/\/payouts\/(\d+)/.exec(page.url())?.[1]);
    await page.getByRole('heading', { level: 1, name: '一月奖金.csv' }).waitFor();
    await expectText(page.getByTestId('batch-status'), 'Draft');

    await stepButton(page, 'Submit').click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog.getByTestId('submit-totals'), 'Items to pay20,000');
    await expectText(dialog.getByTestId('left-out'), 'Line 20003 · JAN-BAD-2');
    await expectText(dialog.getByTestId('left-out'), 'No member has this member number.');
    await screenshot(page, 'payouts-journey-submit-en');
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await expectText(page.getByTestId('batch-status'), 'Submitted');
    expect(await answer(router.invoke('payouts.get', { batchId }))).toMatchObject({ status: 'submitted', rowCount: 20_002, itemCount: 20_000, submittedBy: ADMIN.username });
  });

  it('refuses the maker\'s approval: the button greyed with the reason, and the router refuses it with nothing changed', async () => {
    const { page, router } = app;
    expect(await stepButton(page, 'Approve').isDisabled()).toBe(true);
    await expectText(page.getByTestId('blocked-reason'), 'You imported this batch; another person must approve it.');
    const before = await answer(router.invoke('payouts.get', { batchId }));
    const refused = await router.invoke('payouts.approve', { batchId, contentHash: before.contentHash });
    expect(refused.ok ? null : refused.error.code).toBe('SELF_APPROVAL_FORBIDDEN');
    const after = await answer(router.invoke('payouts.get', { batchId }));
    expect(after).toEqual(before);
    expect((await answer(router.invoke('payouts.funding', {}))).available).toBe(2_000_000_000);
  });

  it('lets finance approve after the preview, pay with the progress bar, and export the results', async () => {
    const { page, router } = app;
    await lock(page);
    await unlock(page, FINANCE.username, FINANCE.passphrase);
    await page.getByRole('heading', { name: `Welcome, ${FINANCE.displayName}` }).waitFor();
    await page.evaluate((id) => (window.location.hash = `#/payouts/${id}`), batchId);
    await page.getByRole('heading', { level: 1, name: '一月奖金.csv' }).waitFor();

    await stepButton(page, 'Approve').click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog.getByTestId('approve-preview'), 'Hold placed on payout funding');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await expectText(page.getByTestId('batch-status'), 'Approved');

    await stepButton(page, 'Execute').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pay now' }).click();
    await expectText(page.getByTestId('job-progress'), /Paying items — [\d,]+ of 20,000/);
    await screenshot(page, 'payouts-journey-progress-en');
    await expectText(page.getByTestId('batch-status'), 'Completed', 60_000);
    await expectText(page.getByTestId('summary-PAID'), '20,000');
    await expectText(page.getByTestId('summary-SKIPPED'), '2');
    await screenshot(page, 'payouts-journey-results-en');
    const batch = await answer(router.invoke('payouts.get', { batchId }));
    expect(batch.byStatus.PAID?.count).toBe(GOOD_ROWS);
    expect(batch.byStatus.SKIPPED?.count).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const text = readFileSync(await download.path()).subarray(3).toString('utf8');
    const rows = Papa.parse<string[]>(text, { newline: '\r\n' }).data;
    expect(rows.find((row) => row.includes('JAN-1'))).toContain('一月奖金 1');
    const skipped = rows.find((row) => row.includes('JAN-BAD-1'));
    expect(skipped).toContain('SKIPPED');
    expect(skipped).toContain('UNKNOWN_MEMBER');
    expect(app.problems).toEqual([]);
  });
});
