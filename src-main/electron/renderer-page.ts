import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The one page Paydesk shows, and so the only origin allowed to call the router: the built
 * `out/renderer/index.html` as a file, or, while developing, the electron-vite dev server.
 */
export type RendererPage =
  | { kind: 'file'; url: string; /** file: URL of the folder the page's assets are bundled into. */ assetsUrl: string }
  | { kind: 'dev-server'; url: string; origin: string };

export interface RendererPageOptions {
  /** Folder holding the built main bundle (`out/main`); the renderer is built beside it. */
  mainDir: string;
  isPackaged: boolean;
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl?: string | undefined;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function devServerPage(devServerUrl: string): RendererPage {
  const url = new URL(devServerUrl);
  // The dev server runs on this machine; anything else would be remote content.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`rendererPage: refusing dev server ${url.origin}: only a loopback http(s) server may serve the renderer`);
  }
  return { kind: 'dev-server', url: url.href, origin: url.origin };
}

export function rendererPage(options: RendererPageOptions): RendererPage {
  // A packaged app never follows the environment to another page.
  if (!options.isPackaged && options.devServerUrl) return devServerPage(options.devServerUrl);
  const index = join(options.mainDir, '..', 'renderer', 'index.html');
  const url = pathToFileURL(index).href;
  return { kind: 'file', url, assetsUrl: pathToFileURL(dirname(index)).href + '/' };
}
