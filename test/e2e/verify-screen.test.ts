import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Router } from '../../src-main/api/router';
import { postBulk, systemAccount } from '../../src-main/ledger';
import { CERTIFICATE_FORMAT, verificationCertificateSchema } from '../../src-shared/contract/verify';
import { rawOpen } from '../support/files';
import { closeBrowser, openPaydesk, screenshot, type PaydeskPage } from './harness';
import { ADMIN, answer, expectText, openScreen, switchLanguage, unlock, type Person } from './support/app-actions';

// Issue 8, "Verify on screen": an auditor runs the full verify from the app as a job with
// progress, reads each check with its result and first row at fault, and downloads the
// certificate. Then a key holder edits a transfer behind the app, and the next run names it.

const AUDITOR: Person = { username: 'audrey', displayName: 'Audrey Auditor', passphrase: 'auditor passphrase 2026' };

/** A branch with a member and two deposits, so the journal has rows to check; signed out. */
async function branch(router: Router): Promise<void> {
  await answer(router.invoke('setup.init', ADMIN));
  await answer(router.invoke('staff.add', { ...AUDITOR, role: 'auditor' }));
  const member = await answer(router.invoke('members.create', { name: '欧阳小明', phone: '13800138000' }));
  for (const [index, amount] of [10_000, 5_000].entries()) {
    await answer(router.invoke('wallets.deposit', { memberId: member.id, amount, currency: 'CNY', idempotencyKey: `verify-e2e-${index}` }));
  }
  await answer(router.invoke('session.lock', {}));
}

/** The local day, as the file name carries it (the page and this process share the zone). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Clicks Run and waits for the job to end, through its progress bar when the poll catches it running. */
async function runVerify(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await Promise.race([page.getByTestId('job-progress').waitFor(), page.getByTestId('verify-summary').waitFor()]);
  await page.getByTestId('job-progress').waitFor({ state: 'detached' });
  await page.getByTestId('verify-summary').waitFor();
}

function checkRow(page: Page, name: string) {
  return page.locator(`[data-check="${name}"]`);
}

/** Brings part of the screen into view for a screenshot (the content scrolls inside the frame, not the window). */
async function scrollTo(page: Page, target: 'top' | 'chains'): Promise<void> {
  await (target === 'top' ? page.getByRole('heading', { level: 1 }) : page.getByTestId('verify-chains')).scrollIntoViewIfNeeded();
}

async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

afterAll(async () => {
  await closeBrowser();
});

describe('the Integrity screen in browser mode', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk({ prepare: branch });
    await unlock(app.page, AUDITOR.username, AUDITOR.passphrase);
    await openScreen(app.page, 'Integrity');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('says what verify does before the first run', async () => {
    await app.page.getByText('No verify run in this session yet').waitFor();
  });

  it('runs verify for an auditor and shows every check passing, with counts in the locale', async () => {
    const { page } = app;
    await runVerify(page, 'Run verify');
    const checks = await page.getByTestId('verify-checks').locator('tbody tr').count();
    await expectText(page.getByTestId('verify-summary'), `All ${checks} checks passed. Verified`);
    await expectText(page.getByTestId('verify-summary'), `by ${AUDITOR.username}.`);
    await expectText(checkRow(page, 'ledger.chain'), 'Journal chain');
    await expectText(checkRow(page, 'ledger.chain'), 'OK');
    await expectText(checkRow(page, 'ledger.chain'), '2 transfers');
    await expectText(page.getByTestId('verify-chains'), 'Journal (transfers)');
    const fingerprint = (await answer(app.router.invoke('app.status', {}))).session!.trustFingerprint;
    await expectText(page.getByTestId('trust-fingerprint'), fingerprint);
    expect(await page.getByTestId('damaged-pages').count()).toBe(0);
    await screenshot(page, 'verify-en');
    await scrollTo(page, 'chains');
    await screenshot(page, 'verify-en-chains');
    await scrollTo(page, 'top');
  });

  it('downloads the certificate as verify-certificate-DATE.json, which the CLI takes as an anchor', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download certificate (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`verify-certificate-${today()}.json`);
    const certificate = verificationCertificateSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
    expect(certificate).toMatchObject({ format: CERTIFICATE_FORMAT, ok: true, takenBy: AUDITOR.username });
    expect(certificate.chains.journal.length).toBe(2);
  });

  it('keeps the last result on coming back, and speaks Chinese', async () => {
    const { page } = app;
    await openScreen(page, 'Audit log');
    await openScreen(page, 'Integrity');
    await page.getByTestId('verify-summary').waitFor();
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 1, name: '完整性校验' }).waitFor();
    await expectText(page.getByTestId('verify-summary'), /^全部 \d+ 项检查均已通过。/);
    await expectText(checkRow(page, 'ledger.chain'), '日记账链');
    await expectText(checkRow(page, 'ledger.chain'), '2 笔转账');
    await screenshot(page, 'verify-zh');
    await scrollTo(page, 'chains');
    await expectText(page.getByTestId('verify-chains'), '日记账（转账）');
    await screenshot(page, 'verify-zh-chains');
    await scrollTo(page, 'top');
    await switchLanguage(page, 'English');
  });

  it('fits 1024×700 without scrolling sideways', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByTestId('verify-summary').waitFor();
    expect(await pageScrollsSideways(page)).toBe(false);
    await screenshot(page, 'verify-1024-en');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('names the transfer a key holder changed behind the app, as failed with its first row at fault', async () => {
    const { page, router, dataDir } = app;
    const raw = rawOpen(join(dataDir, 'paydesk.db'), router.state.requireStore().masterKey.toString('hex'));
    raw.exec('DROP TRIGGER transfers_no_update');
    raw.prepare('UPDATE transfers SET amount = 99999999 WHERE id = 1').run();
    raw.close();

    await runVerify(page, 'Run again');
    await expectText(page.getByTestId('verify-summary'), /^\d+ of \d+ checks failed\./);
    const chain = checkRow(page, 'ledger.chain');
    await expectText(chain, 'Failed');
    await expectText(chain.getByTestId('first-violation'), 'transfers#1');
    // Failed checks come first.
    expect(await page.getByTestId('verify-checks').locator('tbody tr').first().getAttribute('data-check')).not.toBe('schema.version');
    await scrollTo(page, 'top');
    await screenshot(page, 'verify-failed-en');
    await switchLanguage(page, '简体中文');
    await expectText(chain, '未通过');
    await scrollTo(page, 'top');
    await screenshot(page, 'verify-failed-zh');
    await page.getByRole('button', { name: '切换到深色主题' }).click();
    await page.mouse.move(600, 600);
    await screenshot(page, 'verify-failed-zh-dark');
    await page.getByRole('button', { name: '切换到浅色主题' }).click();
    await switchLanguage(page, 'English');
    expect(app.problems).toEqual([]);
  });
});

/** Enough transfers that most pages are journal pages sign-in never reads; one of them then overwritten. */
async function damagedBranch(router: Router, dataDir: string): Promise<void> {
  await answer(router.invoke('setup.init', ADMIN));
  const store = router.state.requireStore();
  const [cash, merchant] = [systemAccount(store, 'branch_cash', 'CNY'), systemAccount(store, 'merchant_settlement', 'CNY')];
  postBulk(store, Array.from({ length: 20_000 }, (_, i) => ({ idempotencyKey: `bulk-${i}`, debitAccountId: cash.id, creditAccountId: merchant.id, amount: 100 + i, kind: 'adjustment', actor: ADMIN.username, memo: 'x'.repeat(60) })), { chunkSize: 5_000 });
  await answer(router.invoke('session.lock', {}));
  const file = join(dataDir, 'paydesk.db');
  const bytes = readFileSync(file);
  randomBytes(4096).copy(bytes, Math.floor(bytes.length / 4096 / 2) * 4096);
  writeFileSync(file, bytes);
}

describe('the Integrity screen on a data file with a damaged page', () => {
  let app: PaydeskPage;

  beforeAll(async () => {
    app = await openPaydesk({ prepare: (router) => damagedBranch(router, router.state.dataDir) });
    await unlock(app.page, ADMIN.username, ADMIN.passphrase);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows what the page check after sign-in found, and a verify that names the damage without a certificate', async () => {
    const { page } = app;
    await expect.poll(async () => (await answer(app.router.invoke('app.status', {}))).damagedPages, { timeout: 20_000 }).not.toBeNull();
    await openScreen(page, 'Integrity');
    await expectText(page.getByTestId('damaged-pages'), 'The check of every page after sign-in found damage in the data file');
    await runVerify(page, 'Run verify');
    await expectText(page.getByTestId('verify-summary'), 'there is no certificate to download');
    await expectText(checkRow(page, 'database.integrity'), 'Failed');
    expect(await page.getByRole('button', { name: 'Download certificate (JSON)' }).count()).toBe(0);
    expect(await page.getByTestId('verify-chains').count()).toBe(0);
    await screenshot(page, 'verify-damaged-en');
    await switchLanguage(page, '简体中文');
    await expectText(page.getByTestId('verify-summary'), '没有可下载的证书');
    await screenshot(page, 'verify-damaged-zh');
  });
});
