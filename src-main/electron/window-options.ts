/**
 * The main window's options as plain data, shaped like Electron's BrowserWindowConstructorOptions
 * (main.ts passes them straight through, so the compiler checks the shape there).
 */
export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  autoHideMenuBar: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    experimentalFeatures: false;
    spellcheck: boolean;
    devTools: boolean;
  };
}

export interface MainWindowSettings {
  /** Absolute path of the bundled preload (`out/preload/index.cjs`). */
  preloadPath: string;
  /** Developer tools only outside a packaged app. */
  isPackaged: boolean;
}

// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), items 2-4 and 6:
// the page gets no Node, runs in Chromium's sandbox, in a world isolated from the preload.
export function mainWindowOptions(settings: MainWindowSettings): MainWindowOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    title: 'Paydesk',
    // Shown on ready-to-show, so the window never flashes white before the first paint.
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#121212',
    webPreferences: {
      preload: settings.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      // Chromium's spellchecker downloads dictionaries from Google; Paydesk stays offline.
      spellcheck: false,
      devTools: !settings.isPackaged,
    },
  };
}
