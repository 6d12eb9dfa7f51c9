import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../src-main/electron/window-options';
import { rendererPage } from '../../src-main/electron/renderer-page';

const MAIN_DIR = join('/opt', 'paydesk', 'out', 'main');

describe('main window options', () => {
  const options = mainWindowOptions({ preloadPath: '/opt/paydesk/out/preload/index.cjs', isPackaged: true });

  it('runs the page sandboxed, isolated from the preload and without Node', () => {
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and refuses insecure content, webviews and dropped links', () => {
    expect(options.webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
    });
  });

  it('loads the bundled preload and never downloads spellchecker dictionaries', () => {
    expect(options.webPreferences.preload).toBe('/opt/paydesk/out/preload/index.cjs');
    expect(options.webPreferences.spellcheck).toBe(false);
  });

  it('offers developer tools only when run from source', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: 'p', isPackaged: false }).webPreferences.devTools).toBe(true);
  });

  it('stays hidden until the first paint', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Paydesk');
  });
});

describe('renderer page', () => {
  it('is the built index.html beside the main bundle', () => {
    const page = rendererPage({ mainDir: MAIN_DIR, isPackaged: true });
    expect(page).toEqual({
      kind: 'file',
      url: pathToFileURL(join('/opt', 'paydesk', 'out', 'renderer', 'index.html')).href,
      assetsUrl: `${pathToFileURL(join('/opt', 'paydesk', 'out', 'renderer')).href}/`,
    });
  });

  it('is the electron-vite dev server when run from source in development', () => {
    const page = rendererPage({ mainDir: MAIN_DIR, isPackaged: false, devServerUrl: 'http://localhost:5173' });
    expect(page).toEqual({ kind: 'dev-server', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
  });

  it('ignores a dev server URL in a packaged app', () => {
    expect(rendererPage({ mainDir: MAIN_DIR, isPackaged: true, devServerUrl: 'http://localhost:5173' }).kind).toBe('file');
  });

  it('refuses a dev server that is not on this machine', () => {
    expect(() => rendererPage({ mainDir: MAIN_DIR, isPackaged: false, devServerUrl: 'https://evil.example' })).toThrow(/only a loopback/);
    expect(() => rendererPage({ mainDir: MAIN_DIR, isPackaged: false, devServerUrl: 'file:///etc/passwd' })).toThrow(/only a loopback/);
  });
});
