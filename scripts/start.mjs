// `npm start`: takes a fresh clone to the running app, one step after another. A step that cannot
// be done stops the script with one line saying why; electron-vite is reached only after all of
// them.
//   1. The Electron binary. Electron 45 no longer downloads it at `npm install`: its
//      install-electron command does, and writes node_modules/electron/path.txt, the file
//      electron-vite looks for. It comes first because nothing after it can run without it, and
//      step 2 would spend minutes compiling for a binary this machine cannot get.
//   2. The Electron-ABI SQLite addon (scripts/prepare-electron-sqlite.mjs, which prints its own
//      line when it fails).
//   3. electron-vite dev, with the arguments given to `npm start -- …`.
//
// Environment: ELECTRON_MIRROR (and the other @electron/get settings) reach install-electron.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MODULES = join(ROOT, 'node_modules');

function fail(why) {
  console.error(`start: ${why}`);
  process.exit(1);
}

function manifestOf(name) {
  try {
    return JSON.parse(readFileSync(join(NODE_MODULES, name, 'package.json'), 'utf8'));
  } catch {
    return fail(`the ${name} package is not installed (run npm install)`);
  }
}

/** Runs a package's command with this Node, so neither a shell nor a Windows .cmd shim is involved. */
function runBin(name, command, args, stdio) {
  const { bin } = manifestOf(name);
  const script = join(NODE_MODULES, name, typeof bin === 'string' ? bin : bin[command]);
  return spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio, encoding: 'utf8' });
}

/** The installer prints an error's stack; its first line says what went wrong. */
function firstLine(text) {
  return (text ?? '').split('\n').map((line) => line.trim()).find(Boolean) ?? 'it gave no reason';
}

function installElectronBinary() {
  if (existsSync(join(NODE_MODULES, 'electron', 'path.txt'))) return;
  const { version } = manifestOf('electron');
  console.log(`start: downloading the Electron ${version} binary (once)`);
  const result = runBin('electron', 'install-electron', [], ['ignore', 'inherit', 'pipe']);
  if (result.status !== 0) {
    const why = firstLine(result.error?.message ?? result.stderr);
    fail(`the Electron ${version} binary could not be installed: ${why}. It is downloaded once, from GitHub or from ELECTRON_MIRROR when set; npm test and the CLI do not need it.`);
  }
}

function prepareElectronSqlite() {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'prepare-electron-sqlite.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function launchDevApp() {
  const result = runBin('electron-vite', 'electron-vite', ['dev', ...process.argv.slice(2)], 'inherit');
  process.exitCode = result.status ?? 1;
}

installElectronBinary();
prepareElectronSqlite();
launchDevApp();
