// Prepares the Electron-ABI build of better-sqlite3-multiple-ciphers that the app loads through
// better-sqlite3's `nativeBinding` option (DESIGN.md §2). `npm install` keeps Node's build in
// node_modules for tests and the CLI; this script only reads node_modules and builds a copy in
// .electron-sqlite/, so `npm test` and `npm start` never break each other.
//
// The folder, marker and addon names must match src-main/electron/native-binding.ts.
//
// Environment: PAYDESK_ELECTRON_SQLITE_DIR (where to build, default .electron-sqlite),
// PAYDESK_ELECTRON_HEADERS_URL (a mirror of https://electronjs.org/headers).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = 'better-sqlite3-multiple-ciphers';
const PREPARED_MARKER = 'prepared.json';
const ADDON = join('build', 'Release', 'better_sqlite3.node');
const BUILD_LOG = 'build.log';
/** What npm publishes of the package: all node-gyp needs to build it again. */
const SOURCES = ['package.json', 'binding.gyp', 'src', 'deps', 'lib'];
const HEADERS_TIMEOUT_MS = 3 * 60_000;
const COMPILE_TIMEOUT_MS = 30 * 60_000;

const require = createRequire(join(ROOT, 'package.json'));
const target = resolve(ROOT, process.env.PAYDESK_ELECTRON_SQLITE_DIR || '.electron-sqlite');
const distUrl = process.env.PAYDESK_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
const shown = relative(ROOT, target) || target;

function fail(why) {
  console.error(`prepare-electron-sqlite: the Electron build of ${PACKAGE} could not be prepared: ${why}. node_modules was not touched, so npm test still works.`);
  process.exit(1);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function versionOf(name) {
  try {
    return readJson(require.resolve(`${name}/package.json`))?.version ?? null;
  } catch {
    return null;
  }
}

/** node-gyp as npm bundles it: npm tells scripts where, else it sits beside npm itself. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // Not a dependency of ours; npm's own copy above is the usual one.
  }
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

/** Replaces the copied sources, removing only what this script itself puts in the folder. */
function copySources(packageDir) {
  if (!relative(join(ROOT, 'node_modules'), target).startsWith('..')) fail(`the build folder ${target} must be outside node_modules`);
  // A folder holding some other package (the project itself, say) is never emptied.
  const present = readJson(join(target, 'package.json'));
  if (present && present.name !== PACKAGE) fail(`the build folder ${target} holds another package (${present.name})`);
  mkdirSync(target, { recursive: true });
  for (const entry of [...SOURCES, 'build', PREPARED_MARKER, BUILD_LOG]) rmSync(join(target, entry), { recursive: true, force: true });
  for (const entry of SOURCES) cpSync(join(packageDir, entry), join(target, entry), { recursive: true });
}

/** npm settings that only reach the network (proxy, certificates) pass on to node-gyp. */
const NETWORK_SETTINGS = new Set(['proxy', 'https_proxy', 'noproxy', 'cafile', 'strict_ssl']);

/**
 * node-gyp reads every npm_config_* variable and lets it override its command line, so an npm
 * `nodedir`, `target` or `disturl` setting would quietly build for Node instead of Electron.
 */
function nodeGypEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const setting = /^npm_config_(.+)$/i.exec(key)?.[1]?.toLowerCase().replaceAll('-', '_');
    if (/^npm_package_config_node_gyp_/i.test(key) || (setting && !NETWORK_SETTINGS.has(setting))) continue;
    env[key] = value;
  }
  return env;
}

function runNodeGyp(nodeGyp, args, timeout) {
  const result = spawnSync(process.execPath, [nodeGyp, ...args], { cwd: target, env: nodeGypEnv(), encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const output = `$ node-gyp ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}\n` : ''}`;
  writeFileSync(join(target, BUILD_LOG), output, { flag: 'a' });
  return { ok: result.status === 0, output, timedOut: result.error?.code === 'ETIMEDOUT' };
}

/** node-gyp only says "network connectivity"; ask the server ourselves to say what went wrong. */
async function whyUnreachable(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
    return response.ok ? 'node-gyp could not fetch them' : `HTTP ${response.status}`;
  } catch (error) {
    return error.cause?.message ?? error.message;
  }
}

function lastError(output) {
  const lines = output.split('\n').filter((line) => /error/i.test(line) && !/^gyp ERR! (stack|System|command|cwd|node -v|node-gyp -v|not ok)/.test(line));
  return (lines.at(-1) ?? 'see the log').trim();
}

async function prepare() {
  const electron = versionOf('electron');
  const packageVersion = versionOf(PACKAGE);
  if (!electron) fail('the electron package is not installed (run npm install)');
  if (!packageVersion) fail(`${PACKAGE} is not installed (run npm install)`);
  const wanted = { electron, package: packageVersion, platform: process.platform, arch: process.arch };
  const marker = readJson(join(target, PREPARED_MARKER));
  const same = marker && Object.entries(wanted).every(([key, value]) => marker[key] === value);
  if (same && existsSync(join(target, ADDON))) {
    console.log(`prepare-electron-sqlite: ${PACKAGE} ${packageVersion} for Electron ${electron} is already prepared in ${shown}`);
    return;
  }
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) fail('node-gyp was not found (it comes with npm; run this script through npm start)');
  console.log(`prepare-electron-sqlite: building ${PACKAGE} ${packageVersion} for Electron ${electron} in ${shown} (a few minutes, once)`);
  copySources(dirname(require.resolve(`${PACKAGE}/package.json`)));
  const electronArgs = [`--target=${electron}`, `--dist-url=${distUrl}`, '--runtime=electron', `--arch=${process.arch}`];
  const headers = runNodeGyp(nodeGyp, ['install', ...electronArgs], HEADERS_TIMEOUT_MS);
  if (!headers.ok) {
    const why = headers.timedOut ? 'timed out' : await whyUnreachable(`${distUrl}/v${electron}/node-v${electron}-headers.tar.gz`);
    fail(`the Electron ${electron} headers could not be downloaded from ${distUrl} (${why}); log in ${join(shown, BUILD_LOG)}`);
  }
  const build = runNodeGyp(nodeGyp, ['rebuild', '--release', '--jobs=max', ...electronArgs], COMPILE_TIMEOUT_MS);
  if (!build.ok || !existsSync(join(target, ADDON))) {
    fail(`compiling for Electron ${electron} failed (${build.timedOut ? 'timed out' : lastError(build.output)}); log in ${join(shown, BUILD_LOG)}`);
  }
  // Written last: its presence is what tells the app and the next run that the build is whole.
  writeFileSync(join(target, PREPARED_MARKER), JSON.stringify(wanted));
  console.log(`prepare-electron-sqlite: ready: ${join(shown, ADDON)}`);
}

await prepare();
