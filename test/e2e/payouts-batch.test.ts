import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import { base64Of, csvOf, type PayoutRow } from '../integration/payouts-fixtures';
import { closeBrowser, screenshot, screenshotWhole, type PaydeskPage } from './harness';
import { ADMIN, answer, chooseRowAction, expectText, lock, switchLanguage, unlock, type Person } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 11, the batch page: the maker (the admin, who imported every batch here) sees Approve
// greyed with the reason; finance approves after the dry run shows the hold, pays a batch big
// enough that its progress bar is seen, and exports results whose Chinese names and notes are
// intact; a batch is rejected with a reason, and a draft cancelled. Batches are made through the
// router in set-up; every step after that is taken on the screens.

// The router runs in this test's process: the pause between two execution steps is stretched, so
// the page's progress bar is seen between them. The steps themselves are the real ones.
vi.mock('../../src-main/store/database-copy', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src-main/store/database-copy')>()),
  yieldToEventLoop: () => new Promise<void>((resolve) => setTimeout(resolve, 150)),
}));

const FINANCE: Person = { username: 'fiona', displayName: 'Fiona Finance', passphrase: 'finance passphrase 2026' };
const NAMES = ['李雷', '韩梅梅', 'Ada Lovelace'];
/** Ten execution steps of 2,500. */
const BIG = 25_000;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

interface Batches {
  review: number;
  bigEn: number;
  bigZh: number;
  toReject: number;
  draft: number;
  bank: number;
}

async function importAs(router: Router, fileName: string, rows: PayoutRow[], submit = true): Promise<number> {
  const { batch } = await answer(router.invoke('payouts.import', { fileName, contentBase64: base64Of(csvOf(rows)) }));
  if (!batch) throw new Error(`${fileName} did not import`);
  if (submit) await answer(router.invoke('payouts.submit', { batchId: batch.id, itemCount: batch.itemCount, total: batch.total }));
  return batch.id;
}

/** Distinct amounts (1, 2, 3… cents) so no two rows look like duplicates. */
function bigRows(prefix: string, members: string[]): PayoutRow[] {
  return Array.from({ length: BIG }, (_, index) => ({
    reference: `${prefix}-${index + 1}`,
    member_no: members[index % members.length],
    amount: ((index + 1) / 100).toFixed(2),
    note: `三月佣金 ${index + 1}`,
  }));
}

async function seed(router: Router, batches: Batches): Promise<void> {
  await answer(router.invoke('staff.add', { ...FINANCE, role: 'finance' }));
  const members: string[] = [];
  const memberIds: number[] = [];
  for (const [index, name] of NAMES.entries()) {
    const member = await answer(router.invoke('members.create', { name, phone: `1380000010${index}` }));
    members.push(member.memberNumber);
    memberIds.push(member.id);
  }
  await answer(router.invoke('bankCards.link', { memberId: memberIds[1]!, pan: '5555555555554444', holderName: 'HAN MEIMEI', expiry: '12/39', bankName: 'BOC' }));
  await answer(router.invoke('payouts.fund', { amount: 20_000_000_000, idempotencyKey: 'e2e-batch-funding' }));
  batches.review = await importAs(router, '三月佣金.csv', [
    { reference: 'MAR-1', member_no: members[0], amount: '120.50', note: '三月佣金' },
    { reference: 'MAR-2', member_no: members[0], amount: '120.50', note: '三月佣金（补发）' },
    { reference: 'MAR-3', member_no: members[1], amount: '88.00', note: '推荐奖励' },
    { reference: 'MAR-4', member_no: '99999999', amount: '10.00', note: '未知会员' },
    { reference: 'MAR-5', member_no: members[2], amount: '12.345', note: 'too many decimals' },
  ]);
  batches.bigEn = await importAs(router, 'march-commissions.csv', bigRows('BIG-EN', members));
  batches.bigZh = await importAs(router, '四月佣金.csv', bigRows('BIG-ZH', members));
  batches.toReject = await importAs(router, 'wrong-month.csv', [{ reference: 'WR-1', member_no: members[1], amount: '5.00', note: '错月份' }]);
  batches.draft = await importAs(router, 'draft.csv', [{ reference: 'DR-1', member_no: members[2], amount: '7.00' }], false);
  batches.bank = await importAs(router, 'bank-payouts.csv', [
    { reference: 'BK-1', member_no: members[1], amount: '60.00', destination: 'bank_card', note: '银行卡付款' },
    { reference: 'BK-2', member_no: members[1], amount: '40.00', destination: 'bank_card', note: '银行卡付款' },
  ]);
}

async function openBatch(page: Page, batchId: number, fileName: string): Promise<void> {
  await page.evaluate((id) => {
    window.location.hash = `#/payouts/${id}`;
  }, batchId);
  await page.getByRole('heading', { level: 1, name: fileName }).waitFor();
}

function stepButton(page: Page, name: string | RegExp) {
  return page.getByRole('group', { name: /^(Steps for this batch|批次操作)$/ }).getByRole('button', { name, exact: typeof name === 'string' });
}

async function batchStatus(router: Router, batchId: number) {
  return (await answer(router.invoke('payouts.get', { batchId }))).status;
}

/** Approves on screen after the dry run's preview is shown; `shot` names its screenshot. */
async function approveOnScreen(page: Page, labels: { approve: string; hold: RegExp }, shot: string): Promise<void> {
  await stepButton(page, labels.approve).click();
  const dialog = page.getByRole('dialog');
  await expectText(dialog.getByTestId('approve-preview'), labels.hold);
  await screenshot(page, shot);
  await dialog.getByRole('button', { name: labels.approve, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Starts paying and waits until the bar shows a step between the first and the last. */
async function executeOnScreen(page: Page, labels: { execute: string; confirm: string }, shot: string): Promise<void> {
  await stepButton(page, labels.execute).click();
  await page.getByRole('dialog').getByRole('button', { name: labels.confirm }).click();
  const progress = page.getByTestId('job-progress');
  await progress.waitFor();
  // A step between the first and the last: some items paid, not all.
  await expectText(progress, /(?!25,000 )[1-9][\d,]* (of|\/) 25,000/, 30_000);
  await screenshot(page, shot);
}

describe('a payout batch on its page', () => {
  let app: PaydeskPage;
  const batches: Batches = { review: 0, bigEn: 0, bigZh: 0, toReject: 0, draft: 0, bank: 0 };

  beforeAll(async () => {
    app = await openSignedIn(ADMIN, (router) => seed(router, batches));
    await app.page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows the maker the batch with its warnings, and Approve disabled with the reason', async () => {
    const { page } = app;
    await openBatch(page, batches.review, '三月佣金.csv');
    await expectText(page.getByTestId('batch-status'), 'Submitted');
    await expectText(page.getByTestId('summary-rows'), '5');
    await expectText(page.getByTestId('summary-payable'), 'CN¥329.00');
    await expectText(page.getByTestId('summary-skipped'), '2');
    expect(await stepButton(page, 'Approve').isDisabled()).toBe(true);
    expect(await stepButton(page, 'Reject').isDisabled()).toBe(true);
    await expectText(page.getByTestId('blocked-reason'), 'You imported this batch; another person must approve it.');
    // Problems in words, in the reader's language, beside the row's verdict.
    await expectText(page.getByRole('row').filter({ hasText: 'MAR-4' }), 'Error');
    await expectText(page.getByRole('row').filter({ hasText: 'MAR-2' }), 'Warning');
    expect(await page.getByRole('row').filter({ hasText: 'MAR-2' }).getAttribute('class')).toContain('row-warning');
    await screenshotWhole(page, 'payout-batch-review-en');

    await page.getByRole('button', { name: 'Possible duplicates side by side' }).click();
    const groups = page.getByRole('dialog').getByTestId('duplicate-group');
    await groups.first().waitFor();
    expect(await groups.count()).toBe(1);
    await expectText(groups.first(), /MAR-1.*MAR-2/);
    await screenshot(page, 'payout-batch-duplicates-en');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    await switchLanguage(page, '简体中文');
    await expectText(page.getByTestId('blocked-reason'), '此批次由您导入，必须由另一人批准。');
    await expectText(page.getByRole('row').filter({ hasText: 'MAR-2' }), '警告');
    await screenshotWhole(page, 'payout-batch-review-zh');
    await switchLanguage(page, 'English');
    // The router refuses the maker too, and nothing changed.
    const refused = await app.router.invoke('payouts.approve', { batchId: batches.review, contentHash: (await answer(app.router.invoke('payouts.get', { batchId: batches.review }))).contentHash });
    expect(refused.ok ? null : refused.error.code).toBe('SELF_APPROVAL_FORBIDDEN');
    expect(await batchStatus(app.router, batches.review)).toBe('submitted');
  });

  it('filters the items by verdict and by code', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Check' }).click();
    await page.getByRole('option', { name: 'Error' }).click();
    await expectText(page.getByRole('grid'), 'MAR-5');
    expect(await page.getByRole('row').filter({ hasText: 'MAR-1' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('combobox', { name: 'Problem' }).click();
    await page.getByRole('option', { name: 'Possible duplicate' }).click();
    await expectText(page.getByRole('grid'), 'MAR-2');
    expect(await page.getByRole('row').filter({ hasText: 'MAR-3' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('cancels a draft with a reason', async () => {
    const { page, router } = app;
    await openBatch(page, batches.draft, 'draft.csv');
    await stepButton(page, 'Cancel batch').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason (optional)').fill('导入了错误的文件');
    await dialog.getByRole('button', { name: 'Cancel batch' }).click();
    await expectText(page.getByTestId('batch-status'), 'Cancelled');
    expect(await batchStatus(router, batches.draft)).toBe('cancelled');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expectText(page.getByTestId('timeline'), 'Reason: 导入了错误的文件');
  });

  it('lets finance approve after the dry run shows the hold, and reject another batch with a reason', async () => {
    const { page, router } = app;
    await lock(page);
    await unlock(page, FINANCE.username, FINANCE.passphrase);
    await page.getByRole('heading', { name: `Welcome, ${FINANCE.displayName}` }).waitFor();
    await openBatch(page, batches.review, '三月佣金.csv');
    await expectText(page.getByTestId('approvals'), '0 of 1');
    await approveOnScreen(page, { approve: 'Approve', hold: /Hold placed on payout funding\s*CN¥329\.00/ }, 'payout-batch-approve-en');
    await expectText(page.getByTestId('batch-status'), 'Approved');
    await expectText(page.getByTestId('approvals'), '1 of 1 — Fiona Finance');
    expect(await batchStatus(router, batches.review)).toBe('approved');

    await openBatch(page, batches.toReject, 'wrong-month.csv');
    await stepButton(page, 'Reject').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('button', { name: 'Reject' }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('Wrong month: these are February’s commissions');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await expectText(page.getByTestId('batch-status'), 'Rejected');
    expect(await batchStatus(router, batches.toReject)).toBe('rejected');
    expect((await answer(router.invoke('payouts.get', { batchId: batches.toReject }))).rejectReason).toBe('Wrong month: these are February’s commissions');
  });

  it('pays a big batch with the progress bar in view, then shows the results and exports them with Chinese intact', async () => {
    const { page, router } = app;
    await openBatch(page, batches.bigEn, 'march-commissions.csv');
    await approveOnScreen(page, { approve: 'Approve', hold: /Hold placed on payout funding/ }, 'payout-batch-approve-big-en');
    await executeOnScreen(page, { execute: 'Execute', confirm: 'Pay now' }, 'payout-batch-progress-en');
    // The page stays usable while the job runs: the timeline opens.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expectText(page.getByTestId('batch-status'), 'Completed', 60_000);
    await expectText(page.getByTestId('summary-PAID'), '25,000');
    await expectText(page.getByTestId('timeline'), 'Finished paying a payout batch');
    await screenshotWhole(page, 'payout-batch-timeline-en');
    await page.getByRole('tab', { name: 'Items' }).click();
    await expectText(page.getByRole('row').filter({ hasText: 'BIG-EN-1' }).first(), 'Paid');
    await screenshotWhole(page, 'payout-batch-results-en');
    expect((await answer(router.invoke('payouts.get', { batchId: batches.bigEn }))).byStatus.PAID?.count).toBe(BIG);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`payout-batch-${batches.bigEn}-results.csv`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    const text = bytes.subarray(3).toString('utf8');
    const rows = Papa.parse<string[]>(text, { newline: '\r\n' }).data;
    const first = rows.find((row) => row.includes('BIG-EN-1'));
    expect(first).toContain('三月佣金 1');
    expect(first).toContain('李雷');
    expect(text).toContain('韩梅梅');
  });

  it('records what the bank answered for items sent to a bank card: one settled, one returned with the bank\'s reason', async () => {
    const { page, router } = app;
    // Approved and paid through the router as finance (signed in on the page, so in the router too).
    const batch = await answer(router.invoke('payouts.get', { batchId: batches.bank }));
    await answer(router.invoke('payouts.approve', { batchId: batch.id, contentHash: batch.contentHash }));
    await answer(router.invoke('payouts.execute', { batchId: batch.id }));
    while ((await answer(router.invoke('payouts.get', { batchId: batch.id }))).status !== 'completed') await page.waitForTimeout(100);
    await openBatch(page, batches.bank, 'bank-payouts.csv');
    await expectText(page.getByRole('row').filter({ hasText: 'BK-1' }), 'Bank card ••4444');
    await expectText(page.getByRole('row').filter({ hasText: 'BK-1' }), 'Sent to bank');

    await chooseRowAction(page, 'BK-1', 'Settled by the bank');
    await page.getByRole('dialog').getByRole('button', { name: 'Settled by the bank' }).click();
    await expectText(page.getByRole('row').filter({ hasText: 'BK-1' }), 'Settled');

    await chooseRowAction(page, 'BK-2', 'Returned by the bank');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('账户已销户');
    await dialog.getByRole('button', { name: 'Returned by the bank' }).click();
    await expectText(page.getByRole('row').filter({ hasText: 'BK-2' }), 'Returned');
    const items = (await answer(router.invoke('payouts.items', { batchId: batch.id, offset: 0, limit: 10 }))).rows;
    expect(items.map((item) => [item.reference, item.status])).toEqual([['BK-1', 'SETTLED'], ['BK-2', 'RETURNED']]);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expectText(page.getByTestId('timeline'), 'BK-2, CN¥40.00: 账户已销户');
  });

  it('does the same in Chinese: review, approval preview, progress, results and timeline', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await openBatch(page, batches.bigZh, '四月佣金.csv');
    await expectText(page.getByTestId('batch-status'), '已提交');
    await approveOnScreen(page, { approve: '批准', hold: /在付款资金账户冻结/ }, 'payout-batch-approve-zh');
    await executeOnScreen(page, { execute: '执行', confirm: '立即付款' }, 'payout-batch-progress-zh');
    await expectText(page.getByTestId('batch-status'), '已完成', 60_000);
    await expectText(page.getByTestId('summary-PAID'), '25,000');
    await screenshotWhole(page, 'payout-batch-results-zh');
    await page.getByRole('tab', { name: '时间线' }).click();
    await expectText(page.getByTestId('timeline'), '付款批次执行完毕');
    await screenshotWhole(page, 'payout-batch-timeline-zh');
    await switchLanguage(page, 'English');
    expect(app.problems).toEqual([]);
  });
});
