import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CHANNEL_NAMES } from '../../src-shared/contract';
import { PAYOUT_FILE_MAX_BYTES } from '../../src-shared/contract/payouts';
import type { Router } from '../api/router';

// Review mode (issue 8): the built renderer and the real router in an ordinary browser, for a
// machine where Electron cannot run. Never part of the packaged app: `npm run preview` starts it.
// It listens on 127.0.0.1 only. The URL it prints carries a one-time token: the first visit
// trades it for a session cookie (HttpOnly, SameSite=Strict), and every later request, page or
// call, must carry that cookie. Calls are POSTs of JSON from the page's own origin, so another
// site open in the same browser can neither read the pages nor make calls.

/** What the built renderer holds, by extension (the browser-mode test harness serves it with the same). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const COOKIE = 'paydesk-preview';
/**
 * The largest call body: a payout file at its largest, base64 (4 characters per 3 bytes), with
 * room for its name and the JSON around it. Every other input is bounded far below (INPUT_LIMITS).
 */
export const BODY_MAX = Math.ceil(PAYOUT_FILE_MAX_BYTES / 3) * 4 + (64 << 10);
/** As the page's meta CSP, plus what only a header can say. */
const HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Defines window.paydesk as the Electron preload does: one function per channel, each a call to the router. */
const BRIDGE_SCRIPT = `(() => {
  const call = (channel) => async (input) => {
    const response = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, input }) });
    if (!response.ok) return { ok: false, error: { code: 'LOCKED', message: 'The review session has ended: open the URL npm run preview printed.' } };
    return response.json();
  };
  const names = ${JSON.stringify(CHANNEL_NAMES)};
  Object.defineProperty(window, 'paydesk', { value: Object.freeze(Object.fromEntries(names.map((name) => [name, call(name)]))), enumerable: true });
})();
`;

export interface PreviewServer {
  /** The URL to open, with the one-time token. */
  url: string;
  close(): Promise<void>;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieOf(request: IncomingMessage): string {
  const pair = (request.headers.cookie ?? '').split(';').map((part) => part.trim()).find((part) => part.startsWith(`${COOKIE}=`));
  return pair ? pair.slice(COOKIE.length + 1) : '';
}

/** The body, or null past BODY_MAX (the rest is read and dropped, so the refusal still reaches the page). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_MAX) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > BODY_MAX ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
  });
}

export async function startPreviewServer({ router, rendererDir, port = 0 }: { router: Router; rendererDir: string; port?: number }): Promise<PreviewServer> {
  const token = randomBytes(32).toString('hex');
  const session = randomBytes(32).toString('hex');
  let tokenUsed = false;
  const root = normalize(rendererDir + sep);
  let origin = '';

  const refuse = (response: ServerResponse, status: number, text: string): void => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...HEADERS }).end(text);
  };

  async function serveFile(pathname: string, response: ServerResponse): Promise<void> {
    if (pathname === '/preview-bridge.js') {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.js']!, ...HEADERS }).end(BRIDGE_SCRIPT);
      return;
    }
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root)) return refuse(response, 403, 'Outside the renderer.');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(response, 404, 'Not found.');
    }
    // The bridge loads before the app's own module script, as the preload runs before the page.
    const content = extname(file) === '.html' ? Buffer.from(body.toString('utf8').replace('<script type="module"', '<script src="/preview-bridge.js"></script>\n    <script type="module"')) : body;
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', ...HEADERS }).end(content);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (tokenUsed || !same(offered, token)) return refuse(response, 403, 'This review link was used already, or is not the one npm run preview printed.');
      tokenUsed = true;
      response.writeHead(302, { location: '/', 'set-cookie': `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`, ...HEADERS }).end();
      return;
    }
    if (!same(cookieOf(request), session)) return refuse(response, 403, 'Open the URL npm run preview printed.');
    if (url.pathname !== '/api/call') {
      if (request.method !== 'GET') return refuse(response, 405, 'Method not allowed.');
      return serveFile(decodeURIComponent(url.pathname), response);
    }
    const fromPage = request.headers.origin === undefined || request.headers.origin === origin;
    if (request.method !== 'POST' || !fromPage || !(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(response, 403, 'Calls come from the review page only.');
    }
    const body = await readBody(request);
    if (body === null) return refuse(response, 413, 'Too large.');
    let message: { channel?: unknown; input?: unknown };
    try {
      message = JSON.parse(body) as { channel?: unknown; input?: unknown };
    } catch {
      return refuse(response, 400, 'Not JSON.');
    }
    const answer = await router.call(String(message.channel), message.input);
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.json']!, ...HEADERS }).end(JSON.stringify(answer));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(`preview: ${(error as Error).message}`);
      if (!response.headersSent) refuse(response, 500, 'Paydesk could not answer.');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/?token=${token}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
