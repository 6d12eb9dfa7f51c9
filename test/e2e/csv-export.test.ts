import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, openScreen, setUpFirstAdmin, switchLanguage } from './support/app-actions';

// Every CSV Paydesk writes (issue 8, defect 1): the chart of accounts and the staff list, exported
// from their screens as a person would, the download caught and read byte by byte. Amounts are
// plain decimals in major units, the file is UTF-8 with a BOM and named for what it holds and the
// day, and the grid's own "Download as CSV" (formatted amounts, Paydesk.csv) is gone.

const FORMULA_NAME = '-Eve Example';
const UTF8_BOM = [0xef, 0xbb, 0xbf];

interface SavedCsv {
  fileName: string;
  bytes: Buffer;
  rows: string[][];
}

/** The local day, as the file name carries it (the page and this process share the zone). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function exportCsv(page: Page, label = 'Export CSV'): Promise<SavedCsv> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  const bytes = readFileSync(await download.path());
  const parsed = Papa.parse<string[]>(bytes.subarray(UTF8_BOM.length).toString('utf8'), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return { fileName: download.suggestedFilename(), bytes, rows: parsed.data };
}

function rowStarting(csv: SavedCsv, first: string): string[] {
  const row = csv.rows.find((cells) => cells[0] === first);
  if (!row) throw new Error(`no CSV row starts with ${first}: ${JSON.stringify(csv.rows)}`);
  return row;
}

describe('CSV exports in browser mode', () => {
  let app: PaydeskPage;
  let walletCode = '';

  beforeAll(async () => {
    app = await openPaydesk();
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up Paydesk' }).waitFor();
    await setUpFirstAdmin(page, ADMIN);
    await page.getByLabel('I have stored the recovery key somewhere safe.').check();
    await page.getByRole('button', { name: 'Continue to Paydesk' }).click();
    await page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` }).waitFor();
    const member = await app.router.invoke('members.create', { name: '欧阳小明', phone: '13800138000' });
    if (!member.ok) throw new Error(`members.create refused: ${member.error.code}`);
    walletCode = `2100-${member.value.memberNumber}-CNY`;
    // CN¥60,957,591.50: the figure the issue found written as "6,095,759,150". At the counter it
    // would need a second person's approval; this test is about how the figure is written.
    await app.router.invoke('settings.update', { approvalThresholds: {} });
    const deposit = await app.router.invoke('wallets.deposit', { memberId: member.value.id, amount: 6_095_759_150, currency: 'CNY', idempotencyKey: 'csv-e2e-deposit' });
    if (!deposit.ok) throw new Error(`wallets.deposit refused: ${deposit.error.code}`);
    const staff = await app.router.invoke('staff.add', { username: 'eve', displayName: FORMULA_NAME, role: 'teller', passphrase: 'another horse battery 77' });
    if (!staff.ok) throw new Error(`staff.add refused: ${staff.error.code}`);
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('exports the chart of accounts with amounts in major units, a BOM and a dated file name', async () => {
    const { page } = app;
    await openScreen(page, 'Chart of accounts');
    await page.getByRole('gridcell', { name: walletCode }).waitFor();
    await screenshot(page, 'chart-of-accounts-export');
    const csv = await exportCsv(page);
    expect(csv.fileName).toBe(`chart-of-accounts-${today()}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    expect(csv.rows[0]).toEqual(['Code', 'Name', 'Kind', 'Currency', 'Debits', 'Credits', 'Balance', 'Flags']);
    expect(rowStarting(csv, walletCode)).toEqual([walletCode, 'Member wallet', 'Liability', 'CNY', '0.00', '60957591.50', '60957591.50', 'No overdraft']);
    expect(rowStarting(csv, '1000-CNY').slice(1, 7)).toEqual(['Branch cash', 'Asset', 'CNY', '60957591.50', '0.00', '60957591.50']);
    // Every account, not just a page: as many rows as the ledger has accounts.
    const accounts = await app.router.invoke('ledger.accounts', {});
    if (!accounts.ok) throw new Error(`ledger.accounts refused: ${accounts.error.code}`);
    expect(csv.rows.length - 1).toBe(accounts.value.total);
  });

  it("no longer offers the grid's own Download as CSV; Print stays", async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Print' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Download as CSV' }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('exports the filtered accounts only, and in Chinese with Chinese headers and names', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('combobox', { name: '所属' }).click();
    await page.getByRole('option', { name: '会员' }).click();
    await page.getByRole('gridcell', { name: walletCode }).waitFor();
    await screenshot(page, 'chart-of-accounts-export-zh');
    const csv = await exportCsv(page, '导出 CSV');
    expect(csv.fileName).toBe(`chart-of-accounts-${today()}.csv`);
    expect(csv.rows[0]).toEqual(['科目代码', '名称', '类别', '币种', '借方', '贷方', '余额', '标记']);
    expect(csv.rows.slice(1).every((row) => row[1] === '会员钱包')).toBe(true);
    expect(rowStarting(csv, walletCode).slice(1, 7)).toEqual(['会员钱包', '负债', 'CNY', '0.00', '60957591.50', '60957591.50']);
    await switchLanguage(page, 'English');
  });

  it('exports the staff list with sign-in times in the local zone and a name that looks like a formula neutralized', async () => {
    const { page } = app;
    await openScreen(page, 'Staff');
    await page.getByRole('gridcell', { name: FORMULA_NAME }).waitFor();
    await screenshot(page, 'staff-export');
    const csv = await exportCsv(page);
    expect(csv.fileName).toBe(`staff-${today()}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    expect(csv.rows[0]).toEqual(['User name', 'Name', 'Role', 'Status', 'Last sign-in', 'Lockout']);
    expect(rowStarting(csv, 'admin')).toEqual(['admin', ADMIN.displayName, 'Admin', 'Active', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), '']);
    expect(rowStarting(csv, 'eve')).toEqual(['eve', `'${FORMULA_NAME}`, 'Teller', 'Active', '', '']);
    expect(csv.bytes.toString('utf8')).toContain(`"'${FORMULA_NAME}"`);
    expect(app.problems).toEqual([]);
  });
});
