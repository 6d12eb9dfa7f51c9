import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Node (tests, CLI) and Electron need different ABI builds of better-sqlite3-multiple-ciphers.
// `npm install` builds Node's in node_modules; scripts/prepare-electron-sqlite.mjs builds
// Electron's into ELECTRON_SQLITE_DIR and writes the marker last. The names here and in that
// script must match (test/unit/electron-native-binding.test.ts runs the script against them).

export const ELECTRON_SQLITE_DIR = '.electron-sqlite';
export const PREPARED_MARKER = 'prepared.json';
export const ADDON_RELATIVE_PATH = join('build', 'Release', 'better_sqlite3.node');

/** What the prepare script records once the Electron build is complete. */
export interface PreparedMarker {
  electron: string;
  package: string;
  platform: string;
  arch: string;
}

export interface NativeBindingOptions {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder when run from source. */
  appPath: string;
  /** process.resourcesPath: where a packaged app ships its unpacked native files. */
  resourcesPath: string;
  /** process.versions.electron */
  electronVersion: string;
  platform: string;
  arch: string;
}

const PREPARE_HINT = 'run `npm start`, which prepares it with scripts/prepare-electron-sqlite.mjs';

function readMarker(path: string): PreparedMarker | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PreparedMarker;
  } catch {
    return null;
  }
}

/** Path of the Electron-ABI SQLite addon, for the router's `nativeBinding` option. */
export function resolveNativeBinding(options: NativeBindingOptions): string {
  if (options.isPackaged) {
    const packaged = join(options.resourcesPath, 'native', 'better_sqlite3.node');
    if (!existsSync(packaged)) throw new Error(`resolveNativeBinding: the packaged SQLite addon is missing at ${packaged}`);
    return packaged;
  }
  const folder = join(options.appPath, ELECTRON_SQLITE_DIR);
  const marker = readMarker(join(folder, PREPARED_MARKER));
  if (!marker) throw new Error(`resolveNativeBinding: the Electron build of the SQLite addon is not prepared in ${folder}; ${PREPARE_HINT}`);
  const built = `Electron ${marker.electron} on ${marker.platform}-${marker.arch}`;
  const running = `Electron ${options.electronVersion} on ${options.platform}-${options.arch}`;
  if (built !== running) throw new Error(`resolveNativeBinding: the SQLite addon in ${folder} was built for ${built}, this is ${running}; ${PREPARE_HINT}`);
  const addon = join(folder, ADDON_RELATIVE_PATH);
  if (!existsSync(addon)) throw new Error(`resolveNativeBinding: ${addon} is missing; ${PREPARE_HINT}`);
  return addon;
}
