import { isAbsolute, resolve } from 'node:path';

export type DataDirSource = 'argument' | 'environment' | 'default';

export interface DataDirChoice {
  dataDir: string;
  source: DataDirSource;
}

export interface DataDirOptions {
  /** The process arguments after the executable (Electron adds its own, which are ignored). */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's userData folder. */
  defaultDir: string;
  cwd: string;
}

const MISSING_FOLDER = 'dataArgument: --data needs a folder, as in --data /path/to/folder';

/** Reads `--data DIR` or `--data=DIR` like the CLI does (the last one wins); undefined when absent. */
export function dataArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] as string;
    if (token === '--') break;
    let value: string | undefined;
    if (token.startsWith('--data=')) {
      value = token.slice('--data='.length);
    } else if (token === '--data') {
      value = argv[i + 1];
      i += 1;
      // `--data --other-flag` forgot the folder; a folder starting with `-` needs `--data=`.
      if (value?.startsWith('-')) value = undefined;
    } else {
      continue;
    }
    if (!value || value.trim() === '') throw new Error(MISSING_FOLDER);
    found = value;
  }
  return found;
}

/** The data folder: `--data DIR`, else PAYDESK_DATA_DIR, else Electron's userData folder. */
export function resolveDataDir(options: DataDirOptions): DataDirChoice {
  const fromArgument = dataArgument(options.argv);
  const fromEnvironment = options.env.PAYDESK_DATA_DIR?.trim() || undefined;
  const [chosen, source]: [string, DataDirSource] = fromArgument
    ? [fromArgument, 'argument']
    : fromEnvironment
      ? [fromEnvironment, 'environment']
      : [options.defaultDir, 'default'];
  return { dataDir: isAbsolute(chosen) ? chosen : resolve(options.cwd, chosen), source };
}
