import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { Router } from '../src-main/api/router';
import { startPreviewServer } from '../src-main/preview/preview-server';
import { deriveKeyFromPassphrase, DEFAULT_SCRYPT } from '../src-main/store/crypto';
import { launchChromium } from '../test/e2e/support/chromium';
import { elapsedMs, FOUNDER } from './support';

// What the ui.* benchmarks share: the built renderer served with the real router the way review
// mode serves it (src-main/preview), one Chromium context past the one-time link, and "from
// pressing Unlock to a screen ready", less that run's scrypt (the price of the passphrase, not
// of the screen).

const REPO = fileURLToPath(new URL('../', import.meta.url));
export const BUILT_RENDERER = join(REPO, 'out/renderer');

export const RUNS = 5;

/** Builds the renderer when no build is there yet. */
export function ensureBuiltRenderer(): void {
  if (!existsSync(join(BUILT_RENDERER, 'index.html'))) execFileSync(join(REPO, 'node_modules/.bin/electron-vite'), ['build'], { cwd: REPO, stdio: 'inherit' });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function must<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>, what: string): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`${what} refused: ${result.error.code}`);
  return result.value;
}

/** One scrypt derivation with the app's parameters, now: what a run's unlock spent on the passphrase. */
export async function scryptMs(): Promise<number> {
  const start = process.hrtime.bigint();
  await deriveKeyFromPassphrase(FOUNDER.passphrase, randomBytes(16), DEFAULT_SCRYPT);
  return elapsedMs(start);
}

/** `work` with a browser context signed past review mode's one-time link, on the router's server of `rendererDir`. */
export async function withReviewBrowser<T>(router: Router, rendererDir: string, work: (context: BrowserContext, origin: string) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  const server = await startPreviewServer({ router, rendererDir });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    // The one-time link trades its token for the session cookie every later load carries.
    const first = await context.newPage();
    await first.goto(server.url);
    await first.close();
    return await work(context, new URL(server.url).origin);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** From pressing Unlock on `hashPath` until `ready` resolves, less this run's scrypt; locks again after. */
export async function afterUnlockMs(context: BrowserContext, origin: string, router: Router, hashPath: string, ready: (page: Page) => Promise<void>): Promise<number> {
  const page = await context.newPage();
  await page.goto(`${origin}/#${hashPath}`);
  await page.locator('input[name="username"]').fill(FOUNDER.username);
  await page.locator('input[name="passphrase"]').fill(FOUNDER.passphrase);
  const scrypt = await scryptMs();
  const start = process.hrtime.bigint();
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await ready(page);
  const ms = elapsedMs(start) - scrypt;
  await must(router.invoke('session.lock', {}), 'session.lock');
  await page.close();
  return ms;
}
