import type { RendererPage } from './renderer-page';

// The decisions that keep the window to our own page, kept free of electron so they are unit
// tested. Electron's security checklist (electronjs.org/docs/latest/tutorial/security) items 4,
// 5, 13, 14 and 17: permission handlers, sender validation, navigation and new windows.

function parseUrl(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/** True for our page itself; the query and the fragment (hash routes) may change, nothing else. */
export function isOwnPageUrl(candidate: string, page: RendererPage): boolean {
  const url = parseUrl(candidate);
  if (!url) return false;
  if (page.kind === 'dev-server') return url.origin === page.origin;
  const own = new URL(page.url);
  return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname;
}

/** The part of an IPC event's sender frame the guard needs (Electron's WebFrameMain). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** An IPC call is answered only when it comes from the top frame of our own page. */
export function isTrustedSender(frame: SenderFrame | null | undefined, page: RendererPage): boolean {
  if (!frame || frame.parent !== null) return false;
  return isOwnPageUrl(frame.url, page);
}

/** Navigation may only reload our own page; links and redirects elsewhere are stopped. */
export function isNavigationAllowed(targetUrl: string, page: RendererPage): boolean {
  return isOwnPageUrl(targetUrl, page);
}

/** Paydesk never opens a second window, whatever the page asks for. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Permissions our page may use. Chromium asks for `clipboard-sanitized-write` before every
 * `navigator.clipboard.writeText`, which the recovery-key Copy button needs; writing is all it
 * grants (reading the clipboard is a separate permission, denied).
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/** A permission request or check, as Electron's session handlers describe it. */
export interface PermissionAsk {
  permission: string;
  requestingUrl: string;
  isMainFrame: boolean;
}

/** Camera, microphone, geolocation, notifications, HID, serial, external links…: all denied. */
export function isPermissionGranted(ask: PermissionAsk, page: RendererPage): boolean {
  return GRANTED_PERMISSIONS.includes(ask.permission) && ask.isMainFrame && isOwnPageUrl(ask.requestingUrl, page);
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

function sameDevServer(url: URL, page: Extract<RendererPage, { kind: 'dev-server' }>): boolean {
  const own = new URL(page.origin);
  const scheme = url.protocol.replace(/^ws/, 'http');
  return scheme === own.protocol && url.host === own.host;
}

/**
 * Whether the page may load a resource. No remote content: network schemes reach only the dev
 * server (page, modules, HMR socket), and files only the folder the page was built into.
 * Internal schemes (data:, blob:, devtools:) never leave the machine and pass.
 */
export function isRequestAllowed(candidate: string, page: RendererPage): boolean {
  const url = parseUrl(candidate);
  if (!url) return false;
  if (NETWORK_SCHEMES.has(url.protocol)) return page.kind === 'dev-server' && sameDevServer(url, page);
  if (url.protocol === 'file:') return page.kind === 'file' && url.href.startsWith(page.assetsUrl);
  return true;
}
