import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createRouter } from '../../src-main/api/router';
import { startPreviewServer } from '../../src-main/preview/preview-server';
import { launchChromium } from './support/chromium';
import { screenshot } from './harness';
import { expectText, unlock } from './support/app-actions';

// Issue 8, review mode: the built renderer and the real router behind `npm run preview`, in an
// ordinary Chromium with no test bridge: the page's window.paydesk is the preview's own.

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN = { username: 'admin', displayName: 'Ada Admin', passphrase: 'correct horse battery 42' };
let browser: Browser | null = null;

afterAll(async () => {
  await browser?.close();
});

it('opens the one-time URL on the unlock screen of a set-up folder, signs in through the real router, and a second browser is refused', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-preview-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'paydesk-preview-renderer-'));
  cpSync(join(REPO, 'out/renderer'), rendererDir, { recursive: true });
  const router = createRouter({ dataDir });
  await router.invoke('setup.init', ADMIN);
  await router.invoke('session.lock', {});
  const server = await startPreviewServer({ router, rendererDir });
  browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(server.url);
    expect(new URL(page.url()).search).toBe('');
    await unlock(page, ADMIN.username, ADMIN.passphrase);
    await page.getByRole('heading', { name: 'Welcome, Ada Admin' }).waitFor();
    expect(router.state.session?.username).toBe(ADMIN.username);
    await screenshot(page, 'preview-home');

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(server.url);
    await expectText(stranger.locator('body'), 'used already');
  } finally {
    await server.close();
    router.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  }
});
