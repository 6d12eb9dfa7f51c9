import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_MAX, startPreviewServer } from '../../src-main/preview/preview-server';
import { ADMIN, tempDataDir, testRouter } from '../support/temp-data';

// Issue 8, review mode: `npm run preview` serves the renderer and the real router on 127.0.0.1
// behind a one-time token. Checked here against a stand-in page; the real renderer in Chromium is
// test/e2e/preview.test.ts.

async function serve() {
  const rendererDir = join(tempDataDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1);');
  const router = testRouter(tempDataDir());
  const server = await startPreviewServer({ router, rendererDir });
  return { router, server, origin: new URL(server.url).origin };
}

async function enter(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('npm run preview', () => {
  it('listens on 127.0.0.1 and answers nothing without the session the one-time link starts', async () => {
    const { server, origin } = await serve();
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/?token=${'0'.repeat(64)}`)).status).toBe(403);
    expect((await fetch(`${origin}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channel":"app.status","input":{}}' })).status).toBe(403);

    const cookie = await enter(server.url);
    expect(cookie).toMatch(/^paydesk-preview=[0-9a-f]{64}$/);
    // The link works once: a second browser (or someone who read it over a shoulder) is refused.
    expect((await fetch(server.url, { redirect: 'manual' })).status).toBe(403);

    const page = await fetch(`${origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html.indexOf('/preview-bridge.js')).toBeLessThan(html.indexOf('type="module"'));
    expect(await (await fetch(`${origin}/preview-bridge.js`, { headers: { cookie } })).text()).toContain("'session.unlock'".replace(/'/g, '"'));
    expect((await fetch(`${origin}/../../etc/passwd`, { headers: { cookie } })).status).not.toBe(200);
    await server.close();
  });

  it('calls the real router for the page, and refuses calls from another origin, other methods or other content types', async () => {
    const { router, server, origin } = await serve();
    const cookie = await enter(server.url);
    const call = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
      fetch(`${origin}/api/call`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin, ...headers }, body: JSON.stringify({ channel, input }) });

    const setUp = await (await call('setup.init', ADMIN)).json() as { ok: boolean; value: { session: { username: string } } };
    expect(setUp).toMatchObject({ ok: true, value: { session: { username: ADMIN.username } } });
    expect(router.state.session?.username).toBe(ADMIN.username);
    expect(await (await call('nope.channel', {})).json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    expect((await call('app.status', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('app.status', {}, { 'content-type': 'text/plain' })).status).toBe(403);
    expect((await fetch(`${origin}/api/call`, { headers: { cookie } })).status).toBe(403);
    // A payout file of 100,000 rows (about 10 MB, more in base64) reaches the router; past the largest file allowed, nothing does.
    expect(await (await call('app.status', 'x'.repeat(16 << 20))).json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await call('app.status', 'x'.repeat(BODY_MAX + 1))).status).toBe(413);
    await server.close();
  });
});
