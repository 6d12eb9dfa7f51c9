import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ADDON_RELATIVE_PATH,
  ELECTRON_SQLITE_DIR,
  PREPARED_MARKER,
  resolveNativeBinding,
  type PreparedMarker,
} from '../../src-main/electron/native-binding';
import { tempDataDir } from '../support/temp-data';

const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'prepare-electron-sqlite.mjs');
const NODE_ADDON_DIR = join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'package.json'), 'utf8')) as { version: string }).version;

const fromSource = (appPath: string, electronVersion = ELECTRON_VERSION) => ({
  isPackaged: false,
  appPath,
  resourcesPath: '/nowhere',
  electronVersion,
  platform: process.platform,
  arch: process.arch,
});

/** Lays out a finished Electron build the way the prepare script leaves it. */
function prepared(appPath: string, marker: Partial<PreparedMarker> = {}): string {
  const folder = join(appPath, ELECTRON_SQLITE_DIR);
  mkdirSync(join(folder, 'build', 'Release'), { recursive: true });
  writeFileSync(join(folder, ADDON_RELATIVE_PATH), 'addon');
  const full: PreparedMarker = { electron: ELECTRON_VERSION, package: PACKAGE_VERSION, platform: process.platform, arch: process.arch, ...marker };
  writeFileSync(join(folder, PREPARED_MARKER), JSON.stringify(full));
  return join(folder, ADDON_RELATIVE_PATH);
}

function runScript(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [SCRIPT], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    hash.update(`${name}:${stat.size}:${stat.mtimeMs}\n`);
    if (stat.isFile()) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

describe('resolveNativeBinding', () => {
  it('finds the addon a packaged app ships in its resources', () => {
    const resourcesPath = tempDataDir();
    mkdirSync(join(resourcesPath, 'native'));
    writeFileSync(join(resourcesPath, 'native', 'better_sqlite3.node'), 'addon');
    const path = resolveNativeBinding({ ...fromSource('/nowhere'), isPackaged: true, resourcesPath });
    expect(path).toBe(join(resourcesPath, 'native', 'better_sqlite3.node'));
  });

  it('says so when a packaged app lacks its addon', () => {
    expect(() => resolveNativeBinding({ ...fromSource('/nowhere'), isPackaged: true, resourcesPath: tempDataDir() })).toThrow(/packaged SQLite addon is missing/);
  });

  it('finds the Electron build that npm start prepared beside the sources', () => {
    const appPath = tempDataDir();
    const addon = prepared(appPath);
    expect(resolveNativeBinding(fromSource(appPath))).toBe(addon);
  });

  it('tells the developer to run npm start when nothing was prepared', () => {
    expect(() => resolveNativeBinding(fromSource(tempDataDir()))).toThrow(/not prepared.*run `npm start`/);
  });

  it('refuses a build made for another Electron version', () => {
    const appPath = tempDataDir();
    prepared(appPath, { electron: '1.0.0' });
    expect(() => resolveNativeBinding(fromSource(appPath))).toThrow(`built for Electron 1.0.0 on ${process.platform}-${process.arch}, this is Electron ${ELECTRON_VERSION}`);
  });

  it('refuses a build made for another machine architecture', () => {
    const appPath = tempDataDir();
    prepared(appPath, { arch: 'mips' });
    expect(() => resolveNativeBinding(fromSource(appPath))).toThrow(/built for Electron .* on .*-mips/);
  });
});

describe('scripts/prepare-electron-sqlite.mjs', () => {
  it('skips the build when this Electron version is already prepared, in the folder the app reads', async () => {
    const appPath = tempDataDir();
    const addon = prepared(appPath);
    const run = await runScript({ PAYDESK_ELECTRON_SQLITE_DIR: join(appPath, ELECTRON_SQLITE_DIR) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`for Electron ${ELECTRON_VERSION} is already prepared`);
    expect(readFileSync(addon, 'utf8')).toBe('addon');
  });

  it('fails with one clear line and leaves node_modules untouched when the headers cannot be downloaded', async () => {
    server = createServer((_request, response) => response.writeHead(404).end());
    await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    const appPath = tempDataDir();
    const before = fingerprint(NODE_ADDON_DIR);

    const run = await runScript({ PAYDESK_ELECTRON_SQLITE_DIR: join(appPath, ELECTRON_SQLITE_DIR), PAYDESK_ELECTRON_HEADERS_URL: `http://127.0.0.1:${port}/headers` });

    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^prepare-electron-sqlite: the Electron build of better-sqlite3-multiple-ciphers could not be prepared: /);
    expect(lines[0]).toContain(`the Electron ${ELECTRON_VERSION} headers could not be downloaded from http://127.0.0.1:${port}/headers (HTTP 404)`);
    expect(fingerprint(NODE_ADDON_DIR)).toBe(before);
    expect(() => resolveNativeBinding(fromSource(appPath))).toThrow(/not prepared/);
  });

  it('refuses to build inside node_modules', async () => {
    const before = fingerprint(NODE_ADDON_DIR);
    const run = await runScript({ PAYDESK_ELECTRON_SQLITE_DIR: join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('must be outside node_modules');
    expect(fingerprint(NODE_ADDON_DIR)).toBe(before);
  });
});
