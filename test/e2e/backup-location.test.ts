import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, screenshot, type PaydeskPage } from './harness';
import { answer, expectText, openScreen, switchLanguage } from './support/app-actions';
import { openSignedIn } from './support/signed-in';

// Issue 8, Backups: the backup screen says where backups go; in browser mode (no folder dialog)
// a typed path chooses the folder, which the main process checks before it is used.

afterAll(async () => {
  await closeBrowser();
});

describe('the backup folder', () => {
  let app: PaydeskPage;
  const stick = mkdtempSync(join(tmpdir(), 'paydesk-e2e-stick-'));

  beforeAll(async () => {
    app = await openSignedIn();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(stick, { recursive: true, force: true });
  });

  it('refuses a folder that is not there, naming why, and keeps the default', async () => {
    const { page, router } = app;
    await openScreen(page, 'Backup & keys');
    await expect.poll(() => page.getByLabel('Backup folder').inputValue()).toBe(join(app.dataDir, 'backups'));
    await page.getByLabel('Backup folder').fill(join(stick, 'not-plugged-in'));
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expectText(page.getByText('There is no folder at this path.'), 'Check that the drive is connected.');
    expect(await answer(router.invoke('backup.location', {}))).toMatchObject({ folder: null });
    expect(existsSync(join(stick, 'not-plugged-in'))).toBe(false);
  });

  it('backs up into a typed folder and lists what is there, verified or not', async () => {
    const { page } = app;
    writeFileSync(join(stick, 'from-last-year.pdbk'), 'not really a backup');
    await page.getByLabel('Backup folder').fill(stick);
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await page.getByRole('button', { name: 'Back to the default folder' }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expectText(page.getByRole('alert').filter({ hasText: 'Backup written' }), stick);

    const written = readdirSync(stick).filter((name) => name.startsWith('paydesk-'));
    expect(written).toHaveLength(1);
    const grid = page.getByRole('grid');
    await expectText(grid.getByRole('row').filter({ hasText: written[0]! }), 'Verified');
    await expectText(grid.getByRole('row').filter({ hasText: 'from-last-year.pdbk' }), 'Not verified');
    await screenshot(page, 'backup-location-en');
  });

  it('reads the same in Chinese', async () => {
    const { page } = app;
    await switchLanguage(page, '简体中文');
    await page.getByRole('heading', { level: 2, name: '备份位置' }).waitFor();
    await expectText(page.getByRole('grid').getByRole('row').filter({ hasText: 'from-last-year.pdbk' }), '未通过验证');
    await screenshot(page, 'backup-location-zh');
    await switchLanguage(page, 'English');
  });
});
