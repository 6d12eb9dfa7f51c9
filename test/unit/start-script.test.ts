import { exec } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli';
import { tempDataDir } from '../support/temp-data';

// `npm start` on a fresh machine. Each case runs package.json's real start command and the real
// scripts/start.mjs in a copy of the project whose steps are stubs that log their call:
// install-electron, prepare-electron-sqlite and electron-vite. The last case uses Electron's real
// installer against a local server that has nothing to download.

const PACKAGE_JSON = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
const START_COMMAND = (JSON.parse(PACKAGE_JSON) as { scripts: { start: string } }).scripts.start;
const REAL_ELECTRON = join(REPO_ROOT, 'node_modules', 'electron');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(REAL_ELECTRON, 'package.json'), 'utf8')) as { version: string }).version;
const STEPS_LOG = 'steps.log';
const SQLITE_FAILURE = 'prepare-electron-sqlite: the Electron build could not be prepared: the headers could not be downloaded.\n';
const NOT_NEEDED_BY_TESTS = 'It is downloaded once, from GitHub or from ELECTRON_MIRROR when set; npm test and the CLI do not need it.';

interface StubFailure {
  /** The variable that makes the stub fail. */
  when: string;
  stderr: string;
}

/** A stub command: logs its name and arguments, then fails as told, or else does `onSuccess`. */
function stub(step: string, failure?: StubFailure, onSuccess = ''): string {
  return [
    `const fs = process.getBuiltinModule('node:fs');`,
    `fs.appendFileSync(${JSON.stringify(STEPS_LOG)}, [${JSON.stringify(step)}, ...process.argv.slice(2)].join(' ') + '\\n');`,
    failure ? `if (process.env.${failure.when}) { process.stderr.write(${JSON.stringify(failure.stderr)}); process.exit(1); }` : '',
    onSuccess,
  ].join('\n');
}

function writePackage(dir: string, manifest: object, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** The project's package.json and start script, with every step behind them stubbed. */
function project(electron: 'stub' | 'real' = 'stub'): string {
  const root = tempDataDir();
  writeFileSync(join(root, 'package.json'), PACKAGE_JSON);
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(REPO_ROOT, 'scripts', 'start.mjs'), join(root, 'scripts', 'start.mjs'));
  writeFileSync(
    join(root, 'scripts', 'prepare-electron-sqlite.mjs'),
    stub('prepare-electron-sqlite', { when: 'STUB_SQLITE_FAILS', stderr: SQLITE_FAILURE }),
  );
  if (electron === 'real') {
    mkdirSync(join(root, 'node_modules'));
    symlinkSync(REAL_ELECTRON, join(root, 'node_modules', 'electron'), 'junction');
  } else {
    writePackage(join(root, 'node_modules', 'electron'), { name: 'electron', version: ELECTRON_VERSION, bin: { electron: 'cli.js', 'install-electron': 'install.js' } }, {
      'install.js': stub(
        'install-electron',
        { when: 'STUB_DOWNLOAD_BLOCKED', stderr: 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n' },
        `fs.writeFileSync(require('node:path').join(__dirname, 'path.txt'), 'electron');`,
      ),
    });
  }
  writePackage(join(root, 'node_modules', 'electron-vite'), { name: 'electron-vite', bin: { 'electron-vite': 'bin/electron-vite.js' } }, {
    'bin/electron-vite.js': stub('electron-vite'),
  });
  return root;
}

/** The environment without any npm or ELECTRON_ setting that would send the installer elsewhere. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_config_electron|npm_package_config_electron|electron_)/i.test(key)));
  return { ...env, ...extra };
}

interface StartRun {
  code: number;
  stderr: string;
  steps: string[];
}

/** `npm start [-- args]` as npm runs it: package.json's start command, through the shell. */
function npmStart(root: string, env: Record<string, string> = {}, args = ''): Promise<StartRun> {
  return new Promise((done) => {
    exec(`${START_COMMAND} ${args}`, { cwd: root, env: cleanEnv(env), timeout: 60_000 }, (error, _stdout, stderr) => {
      const log = join(root, STEPS_LOG);
      const steps = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stderr, steps });
    });
  });
}

describe('npm start', () => {
  it('runs the start script', () => {
    expect(START_COMMAND).toBe('node scripts/start.mjs');
  });

  it('on a fresh clone installs the Electron binary, then prepares SQLite, then runs electron-vite dev with the arguments after --', async () => {
    const root = project();
    const run = await npmStart(root, {}, '--sourcemap');
    expect(run).toEqual({ code: 0, stderr: '', steps: ['install-electron', 'prepare-electron-sqlite', 'electron-vite dev --sourcemap'] });
    expect(readFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe('electron');
  });

  it('does not run install-electron again once node_modules/electron/path.txt is there', async () => {
    const root = project();
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(await npmStart(root)).toEqual({ code: 0, stderr: '', steps: ['prepare-electron-sqlite', 'electron-vite dev'] });
  });

  it('stops with one line and exit 1 when the binary cannot be downloaded, before SQLite is compiled or electron-vite is reached', async () => {
    const root = project();
    const run = await npmStart(root, { STUB_DOWNLOAD_BLOCKED: '1' });
    expect(run).toEqual({
      code: 1,
      stderr: `start: the Electron ${ELECTRON_VERSION} binary could not be installed: TypeError: fetch failed. ${NOT_NEEDED_BY_TESTS}\n`,
      steps: ['install-electron'],
    });
    expect(existsSync(join(root, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  });

  it('stops before electron-vite when the Electron build of SQLite cannot be prepared, with that script\'s own line', async () => {
    const root = project();
    const run = await npmStart(root, { STUB_SQLITE_FAILS: '1' });
    expect(run).toEqual({
      code: 1,
      stderr: SQLITE_FAILURE,
      steps: ['install-electron', 'prepare-electron-sqlite'],
    });
  });

  it.skipIf(existsSync(join(REAL_ELECTRON, 'path.txt')))('with Electron\'s real installer and nothing to download, says why in one line and stops', async () => {
    const requested: string[] = [];
    const server = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const root = project('real');
      // An empty cache, so an archive downloaded on this machine before cannot be used instead.
      const run = await npmStart(root, { npm_config_electron_mirror: mirror, electron_config_cache: tempDataDir() });
      const archive = `${mirror}v${ELECTRON_VERSION}/electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
      expect(run).toEqual({
        code: 1,
        stderr: `start: the Electron ${ELECTRON_VERSION} binary could not be installed: HTTPError: Response code 404 (Not Found) for ${archive}. ${NOT_NEEDED_BY_TESTS}\n`,
        steps: [],
      });
      expect(requested).toEqual([`/v${ELECTRON_VERSION}/electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`]);
      expect(existsSync(join(REAL_ELECTRON, 'path.txt'))).toBe(false);
    } finally {
      server.close();
    }
  });
});
