import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GRANTED_PERMISSIONS,
  isNavigationAllowed,
  isOwnPageUrl,
  isPermissionGranted,
  isRequestAllowed,
  isTrustedSender,
  windowOpenDecision,
} from '../../src-main/electron/guards';
import { rendererPage } from '../../src-main/electron/renderer-page';

const page = rendererPage({ mainDir: join('/opt', 'paydesk', 'out', 'main'), isPackaged: true });
const devPage = rendererPage({ mainDir: '/unused', isPackaged: false, devServerUrl: 'http://localhost:5173' });
const OWN = page.url;

describe('our own page', () => {
  it('accepts the built index.html, with a hash route or a query', () => {
    expect(OWN).toBe('file:///opt/paydesk/out/renderer/index.html');
    expect(isOwnPageUrl(OWN, page)).toBe(true);
    expect(isOwnPageUrl(`${OWN}#/admin/staff`, page)).toBe(true);
    expect(isOwnPageUrl(`${OWN}?lang=zh-CN`, page)).toBe(true);
  });

  it('rejects remote pages', () => {
    expect(isOwnPageUrl('https://evil.example/', page)).toBe(false);
    expect(isOwnPageUrl('https://evil.example/opt/paydesk/out/renderer/index.html', page)).toBe(false);
  });

  it('rejects other files, also when reached through dot segments', () => {
    expect(isOwnPageUrl('file:///etc/passwd', page)).toBe(false);
    expect(isOwnPageUrl(`${OWN}/../../../../../etc/passwd`, page)).toBe(false);
    expect(isOwnPageUrl('file:///opt/paydesk/out/renderer/%2e%2e/%2e%2e/secret.html', page)).toBe(false);
  });

  it('rejects our own URL with another path', () => {
    expect(isOwnPageUrl('file:///opt/paydesk/out/renderer/other.html', page)).toBe(false);
    expect(isOwnPageUrl('file:///opt/paydesk/out/renderer/', page)).toBe(false);
    expect(isOwnPageUrl('file://evil-host/opt/paydesk/out/renderer/index.html', page)).toBe(false);
  });

  it('rejects what is not a URL at all', () => {
    expect(isOwnPageUrl('', page)).toBe(false);
    expect(isOwnPageUrl('index.html', page)).toBe(false);
  });

  it('is the dev server origin in development, and nothing else', () => {
    expect(isOwnPageUrl('http://localhost:5173/', devPage)).toBe(true);
    expect(isOwnPageUrl('http://localhost:5173/index.html#/audit', devPage)).toBe(true);
    expect(isOwnPageUrl('http://localhost:5174/', devPage)).toBe(false);
    expect(isOwnPageUrl('https://localhost:5173/', devPage)).toBe(false);
    expect(isOwnPageUrl(OWN, devPage)).toBe(false);
  });
});

describe('IPC sender frame', () => {
  it('trusts the top frame of our own page', () => {
    expect(isTrustedSender({ url: `${OWN}#/members`, parent: null }, page)).toBe(true);
  });

  it('distrusts another page, a subframe, and a frame that has gone', () => {
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, page)).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null }, page)).toBe(false);
    expect(isTrustedSender({ url: OWN, parent: { url: OWN } }, page)).toBe(false);
    expect(isTrustedSender(null, page)).toBe(false);
    expect(isTrustedSender(undefined, page)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('lets the page reload itself and change its hash route', () => {
    expect(isNavigationAllowed(`${OWN}#/unlock`, page)).toBe(true);
  });

  it('blocks navigation away from our page', () => {
    expect(isNavigationAllowed('https://evil.example/phish', page)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', page)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', page)).toBe(false);
  });

  it('denies every new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('permission requests', () => {
  const ask = (permission: string, requestingUrl = OWN, isMainFrame = true) => isPermissionGranted({ permission, requestingUrl, isMainFrame }, page);

  it('denies camera, microphone, location, notifications, devices, external links and reading the clipboard', () => {
    for (const permission of ['media', 'display-capture', 'geolocation', 'notifications', 'hid', 'serial', 'usb', 'midi', 'openExternal', 'clipboard-read', 'fullscreen', 'pointerLock', 'unknown']) {
      expect(ask(permission), permission).toBe(false);
    }
  });

  it('grants only writing to the clipboard (the recovery key Copy button), only to our top frame', () => {
    expect(GRANTED_PERMISSIONS).toEqual(['clipboard-sanitized-write']);
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ask('clipboard-sanitized-write', OWN, false)).toBe(false);
  });
});

describe('resource requests', () => {
  it('loads the page and its bundled assets', () => {
    expect(isRequestAllowed(OWN, page)).toBe(true);
    expect(isRequestAllowed('file:///opt/paydesk/out/renderer/assets/index-abc.js', page)).toBe(true);
    expect(isRequestAllowed('data:font/woff2;base64,AAAA', page)).toBe(true);
  });

  it('cancels remote content and files outside the renderer folder', () => {
    expect(isRequestAllowed('https://cdn.example/lib.js', page)).toBe(false);
    expect(isRequestAllowed('http://127.0.0.1:8080/', page)).toBe(false);
    expect(isRequestAllowed('wss://evil.example/socket', page)).toBe(false);
    expect(isRequestAllowed('file:///etc/passwd', page)).toBe(false);
    expect(isRequestAllowed('file:///opt/paydesk/out/renderer/../main/index.js', page)).toBe(false);
    expect(isRequestAllowed('file:///opt/paydesk/out/renderer-evil/x.js', page)).toBe(false);
  });

  it('reaches only the dev server, over http and its HMR socket, in development', () => {
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', devPage)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', devPage)).toBe(true);
    expect(isRequestAllowed('ws://localhost:9999/', devPage)).toBe(false);
    expect(isRequestAllowed('https://evil.example/', devPage)).toBe(false);
    expect(isRequestAllowed('file:///opt/paydesk/out/renderer/index.html', devPage)).toBe(false);
  });
});
