import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { CHANNEL_NAMES } from '../../src-shared/contract';
import { createRouter, type Router } from '../api/router';
import { CHOOSE_FOLDER_CHANNEL } from './bridge';
import { bindContractChannels } from './contract-ipc';
import { resolveDataDir } from './data-dir';
import { folderPickerAnswerer } from './folder-picker';
import { hardenSession, hardenWebContents } from './harden';
import { resolveNativeBinding } from './native-binding';
import { rendererPage, type RendererPage } from './renderer-page';
import { mainWindowOptions } from './window-options';

// The Electron shell: one hardened window on our own page, one router behind every channel.
// The Content-Security-Policy stays in the page's <meta> (src-renderer/index.html): the page is
// loaded from a file, and file responses carry no HTTP headers for onHeadersReceived to amend;
// the meta travels with the built file, so Electron and browser-mode tests enforce the same one.

const MAIN_DIR = dirname(fileURLToPath(import.meta.url));

let mainWindow: BrowserWindow | null = null;
let router: Router | null = null;

function failStartup(reason: string): void {
  console.error(`failStartup: ${reason}`);
  dialog.showErrorBox('Paydesk cannot start', reason);
  app.exit(1);
}

function openMainWindow(page: RendererPage): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath: join(MAIN_DIR, '..', 'preload', 'index.cjs'), isPackaged: app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(page.url).catch((error: Error) => console.error(`openMainWindow: could not load ${page.url}: ${error.message}`));
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function openPaydesk(dataDir: string, page: RendererPage): void {
  const nativeBinding = resolveNativeBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  router = createRouter({ dataDir, nativeBinding });
  hardenSession(session.defaultSession, page);
  bindContractChannels(ipcMain, CHANNEL_NAMES, { router, page });
  const answerFolderPick = folderPickerAnswerer({
    page,
    showDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
  });
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, (event) => answerFolderPick(event));
  mainWindow = openMainWindow(page);
}

function startPaydesk(): void {
  app.enableSandbox();
  // One instance per user: two windows never hold the same data folder open.
  if (!app.requestSingleInstanceLock()) {
    console.info('startPaydesk: Paydesk is already open; handing over to that window');
    app.quit();
    return;
  }
  const isPackaged = app.isPackaged;
  let dataDir: string;
  let page: RendererPage;
  try {
    const choice = resolveDataDir({ argv: process.argv.slice(1), env: process.env, defaultDir: app.getPath('userData'), cwd: process.cwd() });
    dataDir = choice.dataDir;
    console.info(`startPaydesk: data folder ${dataDir} (${choice.source})`);
    page = rendererPage({ mainDir: MAIN_DIR, isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  } catch (error) {
    failStartup((error as Error).message);
    return;
  }
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, page));
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  // Closing the store checkpoints the WAL and wipes the master key from memory.
  app.on('will-quit', () => router?.close());
  app
    .whenReady()
    .then(() => openPaydesk(dataDir, page))
    .catch((error: Error) => failStartup(error.message));
}

startPaydesk();
