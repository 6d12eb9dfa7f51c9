import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createRouter } from '../api/router';
import { startPreviewServer } from './preview-server';

// `npm run preview -- --data DIR [--port N]`: serves the built renderer (out/renderer, which the
// npm script builds first) and the real router on 127.0.0.1, and prints the one-time URL.

const REPO = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } }, strict: true });
  const dataDir = values.data ?? process.env.PAYDESK_DATA_DIR;
  if (!dataDir) {
    console.error('usage: npm run preview -- --data DIR [--port N]   (DIR: a data folder, new or set up)');
    process.exit(2);
  }
  const rendererDir = join(REPO, 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('preview: out/renderer is missing; run `npx electron-vite build` (npm run preview does) first.');
    process.exit(2);
  }
  const router = createRouter({ dataDir: resolve(dataDir) });
  const server = await startPreviewServer({ router, rendererDir, port: values.port ? Number(values.port) : 0 });
  console.log(`Paydesk review mode on ${resolve(dataDir)} (not the app; for looking at screens and demos).`);
  console.log(`Open this URL once, in one browser (it works one time only):\n  ${server.url}`);
  const stop = () => {
    router.close();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
