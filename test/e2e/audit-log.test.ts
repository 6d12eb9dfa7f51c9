import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import type { AuditEntry } from '../../src-shared/contract/audit';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, openScreen, switchLanguage, unlock } from './support/app-actions';

// The audit log written for the people who read it (issue 8, defect 6): actions, fields and values
// in their language, a before/after table with money as money and times in the local zone, a
// reversal that reads as what it undid (not as a deletion), and the filtered log as a CSV file.
// The activity is loaded through the real router, as the counter and the settings screen would.

const REASON = 'Keyed the wrong member';
const UTF8_BOM = [0xef, 0xbb, 0xbf];

interface Activity {
  deposit: string;
  reversal: string;
}

/** A member registered and frozen, a CN¥100.00 deposit reversed, the payment fee changed, a wrong passphrase. */
async function loadActivity(router: Router, into: Activity): Promise<void> {
  await answer(router.invoke('setup.init', ADMIN));
  const member = await answer(router.invoke('members.create', { name: '欧阳小明', phone: '13800138000' }));
  const deposit = await answer(router.invoke('wallets.deposit', { memberId: member.id, amount: 10_000, currency: 'CNY', idempotencyKey: 'audit-e2e-deposit' }));
  const reversal = await answer(router.invoke('wallets.reverse', { transferId: deposit.transferIds[0]!, reason: REASON, idempotencyKey: 'audit-e2e-reversal' }));
  await answer(router.invoke('settings.update', { paymentFeeBps: 125 }));
  await answer(router.invoke('members.freeze', { id: member.id, reason: 'Card lost' }));
  await answer(router.invoke('session.lock', {}));
  await router.invoke('session.unlock', { username: ADMIN.username, passphrase: 'not the passphrase at all' });
  into.deposit = deposit.receiptNumber;
  into.reversal = reversal.receiptNumber;
}

/** The local day, as the file name carries it (the page and this process share the zone). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The grid's Action cell that names `action`; the Change cell may hold the same words. */
function actionCell(page: Page, action: string) {
  return page.locator('[role="gridcell"][data-field="action"]', { hasText: action });
}

function gridRow(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}

async function openDetails(page: Page, rowText: string, language: 'en' | 'zh' = 'en') {
  await gridRow(page, rowText).getByRole('button', { name: language === 'en' ? 'Details' : '详情' }).click();
  const drawer = page.getByTestId('audit-entry');
  await drawer.waitFor();
  return drawer;
}

async function closeDetails(page: Page, label = 'Close') {
  await page.getByTestId('audit-entry').getByRole('button', { name: label }).click();
  await page.getByTestId('audit-entry').waitFor({ state: 'detached' });
}

async function exportCsv(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const bytes = readFileSync(await download.path());
  const parsed = Papa.parse<string[]>(bytes.subarray(UTF8_BOM.length).toString('utf8'), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return { fileName: download.suggestedFilename(), bytes, rows: parsed.data };
}

async function auditRows(router: Router, query: { action?: string } = {}): Promise<{ rows: AuditEntry[]; total: number }> {
  return answer(router.invoke('audit.list', { ...query, offset: 0, limit: 1000 }));
}

describe('the audit log in browser mode', () => {
  let app: PaydeskPage;
  const activity: Activity = { deposit: '', reversal: '' };

  beforeAll(async () => {
    app = await openPaydesk({ prepare: (router) => loadActivity(router, activity) });
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
    await openScreen(app.page, 'Audit log');
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('names every action in words, with its code beside it, and a reversal by what it undid and why', async () => {
    const { page } = app;
    await page.getByRole('gridcell', { name: 'Reversed a receipt' }).waitFor();
    for (const name of ['Set up Paydesk', 'Registered a member', 'Changed settings', 'Froze a member', 'Sign-in refused', 'Signed in']) {
      await page.getByRole('gridcell', { name }).first().waitFor();
    }
    const reversalRow = gridRow(page, 'Reversed a receipt');
    await expectText(reversalRow, `Reversed receipt ${activity.deposit}: Deposit, CN¥100.00. New receipt ${activity.reversal}. Reason: ${REASON}`);
    expect(await reversalRow.textContent()).not.toContain('→');
    await expectText(gridRow(page, 'Changed settings'), 'Payment fee: 0.5% → 1.25%');
    await expectText(gridRow(page, 'Froze a member'), 'Status: Active → Frozen');
    await screenshot(page, 'audit-log-activity');

    await page.getByRole('combobox', { name: 'Action' }).click();
    const options = await page.getByRole('option').allTextContents();
    expect(options).toContain('Reversed a receipt');
    expect(options).toContain('Changed settings');
    expect(options.filter((option) => /^[a-z]+\.[a-zA-Z]+$/.test(option))).toEqual([]);
    await page.getByRole('option', { name: 'Reversed a receipt' }).click();
    await expectText(page.getByRole('combobox', { name: 'Action' }), 'Reversed a receipt');
    const actions = await page.locator('[role="gridcell"][data-field="action"]').allTextContents();
    expect(actions).toEqual(['Reversed a receiptwallet.reverse']);
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Any' }).click();
  });

  it('opens a row as a before/after table: money as money, times in the local zone, the reversal as what was reversed', async () => {
    const { page } = app;
    const settings = await openDetails(page, 'Changed settings');
    const table = settings.getByTestId('before-after');
    expect(await table.getByRole('row').allTextContents()).toEqual(['FieldBeforeAfter', 'Payment fee0.5%1.25%']);
    await closeDetails(page);

    const failed = (await auditRows(app.router, { action: 'session.unlockFailed' })).rows[0]!;
    const at = (failed.after as { at: string }).at;
    const local = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
    const refused = await openDetails(page, 'Sign-in refused');
    await expectText(refused.getByRole('table'), `Time${local}`);
    expect(await refused.textContent()).not.toContain(at);
    await closeDetails(page);

    const reversal = await openDetails(page, 'Reversed a receipt');
    expect(await reversal.getByRole('table', { name: 'What was reversed' }).getByRole('row').allTextContents()).toEqual([
      'What was reversed',
      `Receipt${activity.deposit}`,
      'OperationDeposit',
      'AmountCN¥100.00',
      'FeeCN¥0.00',
    ]);
    const undoing = await reversal.getByRole('table', { name: 'The reversal' }).getByRole('row').allTextContents();
    expect(undoing.slice(0, 3)).toEqual(['The reversal', `Reversal receipt${activity.reversal}`, `Reason${REASON}`]);
    await screenshot(page, 'audit-log-reversal');
    await closeDetails(page);
  });

  it('exports the filtered log as audit-log-<day>.csv with a BOM, names and codes, local times and readable before/after', async () => {
    const { page } = app;
    const everything = await exportCsv(page);
    expect(everything.fileName).toBe(`audit-log-${today()}.csv`);
    expect([...everything.bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    expect(everything.rows[0]).toEqual(['Row', 'Time', 'Who', 'Action', 'Action code', 'Entity', 'Entity ID', 'Before', 'After']);
    expect(everything.rows.length - 1).toBe((await auditRows(app.router)).total);
    const reversed = everything.rows.find((row) => row[4] === 'wallet.reverse');
    expect(reversed).toEqual([
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      'admin',
      'Reversed a receipt',
      'wallet.reverse',
      'Receipt',
      activity.deposit,
      `Receipt: ${activity.deposit}; Operation: Deposit; Amount: CN¥100.00; Fee: CN¥0.00`,
      expect.stringMatching(new RegExp(`^Reversal receipt: ${activity.reversal}; Reason: ${REASON}; Transfers: \\d+`)),
    ]);

    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Changed settings' }).click();
    await page.getByRole('gridcell', { name: 'Changed settings' }).waitFor();
    const filtered = await exportCsv(page);
    expect(filtered.rows.slice(1).map((row) => [row[3], row[4], row[7], row[8]])).toEqual([['Changed settings', 'settings.update', 'Payment fee: 0.5%', 'Payment fee: 1.25%']]);
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Any' }).click();
  });

  it('reads in Chinese: actions, the filter, the reversal and the before/after table', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await actionCell(page, '冲正凭条').waitFor();
    await expectText(gridRow(page, '冲正凭条'), `冲正凭条 ${activity.deposit}：存款，¥100.00。新凭条 ${activity.reversal}。原因：${REASON}`);
    await expectText(gridRow(page, '修改设置'), '支付手续费：0.5% → 1.25%');
    await expectText(gridRow(page, '冻结会员'), '状态：正常 → 已冻结');
    await screenshot(page, 'audit-log-activity-zh');

    await page.getByRole('combobox', { name: '操作', exact: true }).click();
    const options = await page.getByRole('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['全部', '冲正凭条', '修改设置', '登记会员', '冻结会员', '登录被拒']));
    await page.keyboard.press('Escape');

    const settings = await openDetails(page, '修改设置', 'zh');
    expect(await settings.getByTestId('before-after').getByRole('row').allTextContents()).toEqual(['项目变更前变更后', '支付手续费0.5%1.25%']);
    await closeDetails(page, '关闭');
  });

  it('keeps its tables readable in the dark theme, in both languages', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^(Switch to dark theme|切换到深色主题)$/ }).click();
    await actionCell(page, '冲正凭条').waitFor();
    await screenshot(page, 'audit-log-activity-zh-dark');
    await openDetails(page, '冲正凭条', 'zh');
    await screenshot(page, 'audit-log-reversal-zh-dark');
    await closeDetails(page, '关闭');
    await switchLanguage(page, 'English');
    await page.getByRole('gridcell', { name: 'Reversed a receipt' }).waitFor();
    await screenshot(page, 'audit-log-activity-dark');
    expect(app.problems).toEqual([]);
  });
});
