import type { Session, WebContents } from 'electron';
import { isNavigationAllowed, isPermissionGranted, isRequestAllowed, windowOpenDecision } from './guards';
import type { RendererPage } from './renderer-page';

// The Electron side of guards.ts: every decision is made there, this file only wires it in.

/** Denies permissions (but the one guards.ts grants) and cancels every request for remote content. */
export function hardenSession(session: Session, page: RendererPage): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, page);
    if (!granted) console.warn(`hardenSession: denied the ${permission} permission to ${details.requestingUrl}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionGranted({ permission, requestingUrl: details.requestingUrl ?? contents?.getURL() ?? '', isMainFrame: details.isMainFrame }, page),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, page);
    if (!allowed) console.warn(`hardenSession: cancelled a request for ${details.url}`);
    callback({ cancel: !allowed });
  });
}

/** Applied to every web contents Electron creates: no navigation away, no windows, no webviews. */
export function hardenWebContents(contents: WebContents, page: RendererPage): void {
  const stopForeignNavigation = (event: { url: string; preventDefault(): void }) => {
    if (isNavigationAllowed(event.url, page)) return;
    event.preventDefault();
    console.warn(`hardenWebContents: blocked navigation to ${event.url}`);
  };
  contents.on('will-navigate', stopForeignNavigation);
  contents.on('will-redirect', stopForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`hardenWebContents: refused to open a window for ${url}`);
    return windowOpenDecision();
  });
}
