import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRouter, type Router } from '../../src-main/api/router';
import { CHANNEL_NAMES } from '../../src-shared/contract';
import { launchChromium } from './support/chromium';
import { serveStatic, type StaticServer } from './support/static-server';

// Browser mode (DESIGN §2): the built renderer in Chromium, its window.paydesk bridged by
// exposeBinding to a real router over a real encrypted data folder. Nothing is mocked; the page
// cannot tell this from Electron's preload.

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = join(REPO, 'out/renderer');
export const SCREENS_DIR = join(REPO, 'test-results/screens');
export const VIEWPORT = { width: 1280, height: 800 };

let browser: Browser | null = null;
let server: StaticServer | null = null;

/** `npm run test:e2e` builds first; a bare `vitest run --project e2e` builds here when it has to. */
function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER, 'index.html'))) return;
  execFileSync(join(REPO, 'node_modules/.bin/electron-vite'), ['build'], { cwd: REPO, stdio: 'inherit' });
}

/**
 * Serves a copy of the build, so a rebuild running meanwhile (new hashed asset names) cannot pull
 * files from under a page that is still loading fonts or chunks.
 */
async function serveSnapshot(): Promise<StaticServer> {
  ensureRendererBuilt();
  const snapshot = mkdtempSync(join(tmpdir(), 'paydesk-renderer-'));
  cpSync(RENDERER, snapshot, { recursive: true });
  const served = await serveStatic(snapshot);
  return {
    url: served.url,
    close: async () => {
      await served.close();
      rmSync(snapshot, { recursive: true, force: true });
    },
  };
}

async function shared(): Promise<{ browser: Browser; server: StaticServer }> {
  server ??= await serveSnapshot();
  browser ??= await launchChromium();
  return { browser, server };
}

/** Closes the browser and the static server; call once in afterAll. */
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  await server?.close();
  browser = null;
  server = null;
}

export interface PaydeskPage {
  page: Page;
  context: BrowserContext;
  router: Router;
  dataDir: string;
  /** Console errors and uncaught exceptions of the page, including missing translations. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The browser's language; the app starts in it unless a choice was stored. */
  locale?: string;
  /** Work on the router before the page first asks for the status (e.g. set up the first admin). */
  prepare?: (router: Router) => Promise<void>;
  /** Playwright's fake clock, so a test can move the page's time forward (idle lock). */
  fakeClock?: boolean;
}

/**
 * Calls cross as JSON text, as review mode's fetch sends them (payloads are JSON-safe by contract):
 * Playwright copies a string at once, but walks an object value by value, which took a minute for
 * the 100,000 rows of a payout file's validation.
 */
async function bridgeToRouter(context: BrowserContext, router: Router): Promise<void> {
  await context.exposeBinding('__paydeskCall', async (_source, channel: string, body: string) => JSON.stringify(await router.call(channel, (JSON.parse(body) as { input?: unknown }).input)));
  await context.addInitScript((names: string[]) => {
    type Call = (channel: string, body: string) => Promise<string>;
    const send = (name: string) => async (input: unknown) => JSON.parse(await (window as unknown as { __paydeskCall: Call }).__paydeskCall(name, JSON.stringify({ input }))) as unknown;
    const bridge = Object.freeze(Object.fromEntries(names.map((name) => [name, send(name)])));
    Object.defineProperty(window, 'paydesk', { value: bridge, enumerable: true });
  }, CHANNEL_NAMES);
}

/** Opens Paydesk on a new, empty data folder (first run). */
export async function openPaydesk(options: OpenOptions = {}): Promise<PaydeskPage> {
  const { browser: chromium, server: site } = await shared();
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-e2e-'));
  const router = createRouter({ dataDir });
  const context = await chromium.newContext({ viewport: VIEWPORT, locale: options.locale ?? 'en-US', acceptDownloads: true });
  await bridgeToRouter(context, router);
  if (options.fakeClock) await context.clock.install();
  await options.prepare?.(router);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(site.url);
  return {
    page,
    context,
    router,
    dataDir,
    problems,
    close: async () => {
      await context.close();
      router.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saves test-results/screens/<name>.png, the whole page at the 1280×800 viewport. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  // Let transitions (dialogs, snackbars, ripples) settle so the picture shows the resting state.
  await page.waitForTimeout(350);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** The whole screen in one picture: the app scrolls inside its frame, so the window is made as tall as the content for the shot. */
export async function screenshotWhole(page: Page, name: string): Promise<string> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  // The bar's toolbar, then the screen's scroller under it.
  const height = await page.locator('main').evaluate((main) => (main.firstElementChild?.clientHeight ?? 0) + (main.lastElementChild?.scrollHeight ?? 0));
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  const path = await screenshot(page, name);
  await page.setViewportSize(viewport);
  return path;
}
