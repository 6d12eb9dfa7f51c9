import { contextBridge, ipcRenderer } from 'electron';
import { buildDesktopBridge, buildPaydeskBridge } from './bridge';

// Runs sandboxed, so it may require only `electron`. The channel names are written in at build
// time (electron.vite.config.ts) rather than imported with the zod contract behind them.
declare const __PAYDESK_CHANNELS__: readonly string[];

contextBridge.exposeInMainWorld(
  'paydesk',
  buildPaydeskBridge(__PAYDESK_CHANNELS__, (channel, input) => ipcRenderer.invoke(channel, input)),
);

contextBridge.exposeInMainWorld('paydeskDesktop', buildDesktopBridge((channel) => ipcRenderer.invoke(channel)));
