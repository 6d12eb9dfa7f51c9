import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src-shared/contract';
import { tempDataDir } from '../support/temp-data';

// The one test that starts the real Electron app. Our build machines cannot download Electron,
// so there it is skipped, and says so; the built preload is checked everywhere.

const ROOT = resolve(__dirname, '..', '..');
const BUILT_PRELOAD = join(ROOT, 'out', 'preload', 'index.cjs');

/**
 * The binary `require('electron')` would return, found the way node_modules/electron/index.js
 * finds it, but without that module's habit of trying to download Electron when it is missing.
 */
function findElectronBinary(): string | null {
  const packageDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, executable);
  return existsSync(binary) ? binary : null;
}

const electronBinary = findElectronBinary();
if (!electronBinary) console.log('electron-smoke: skipped: no Electron binary on this machine');

/** Runs the built preload with `require` limited to a stand-in for electron's two objects. */
function loadBuiltPreload() {
  const required: string[] = [];
  const exposed: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  const invoked: unknown[][] = [];
  const electronApi = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (input?: unknown) => Promise<unknown>>) => (exposed[key] = api) },
    ipcRenderer: { invoke: async (...args: unknown[]) => invoked.push(args) },
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(BUILT_PRELOAD, 'utf8'), {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electronApi;
    },
  });
  return { required, exposed, invoked };
}

describe('the built preload (out/preload/index.cjs)', () => {
  it('requires nothing but electron', () => {
    expect(loadBuiltPreload().required).toEqual(['electron']);
  });

  it('exposes window.paydesk with one function per contract channel, window.paydeskDesktop with the folder picker alone, and no ipcRenderer', async () => {
    const { exposed, invoked } = loadBuiltPreload();
    expect(Object.keys(exposed)).toEqual(['paydesk', 'paydeskDesktop']);
    expect(Object.keys(exposed.paydesk!).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(exposed.paydeskDesktop!)).toEqual(['chooseFolder']);
    for (const bridge of Object.values(exposed)) expect(bridge).not.toHaveProperty('ipcRenderer');
    await exposed.paydesk!['staff.list']!({ includeDisabled: true });
    expect(invoked).toEqual([['staff.list', { includeDisabled: true }]]);
  });
});

describe('the Electron app', () => {
  it.skipIf(!electronBinary)('opens the setup screen on a new data folder, talking to the router through the preload', async () => {
    const prepare = spawnSync(process.execPath, [join(ROOT, 'scripts', 'prepare-electron-sqlite.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(prepare.status, prepare.stderr).toBe(0);
    const setupTitle = (JSON.parse(readFileSync(join(ROOT, 'src-renderer', 'src', 'i18n', 'en', 'setup.json'), 'utf8')) as { title: string }).title;
    const dataDir = tempDataDir();
    const env = { ...process.env, LANG: 'en_US.UTF-8' } as Record<string, string>;
    delete env.ELECTRON_RENDERER_URL;
    delete env.ELECTRON_RUN_AS_NODE;

    const app = await electron.launch({ executablePath: electronBinary!, args: [ROOT, '--lang=en-US', '--data', dataDir], cwd: ROOT, env });
    try {
      const page = await app.firstWindow();
      await page.getByText(setupTitle).first().waitFor({ timeout: 30_000 });
      expect(await page.title()).toBe('Paydesk');
      const surface = await page.evaluate(() => ({
        channels: Object.keys((window as unknown as { paydesk: object }).paydesk).sort(),
        nodeVisible: typeof (globalThis as { process?: unknown }).process !== 'undefined' || typeof (globalThis as { require?: unknown }).require !== 'undefined',
      }));
      expect(surface).toEqual({ channels: [...CHANNEL_NAMES].sort(), nodeVisible: false });
      const status = await page.evaluate(() => (window as unknown as { paydesk: Record<string, (input: unknown) => Promise<unknown>> }).paydesk['app.status']!({}));
      expect(status).toMatchObject({ ok: true, value: { initialized: false, unlocked: false, dataDir } });
    } finally {
      await app.close();
    }
    // The first run compiles the Electron build of SQLite, as `npm start` would: minutes, once.
  }, 30 * 60_000);
});
