import { join } from 'node:path';

/** The files of one data folder (DESIGN.md §3). */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'paydesk.db'),
    keyslots: join(dataDir, 'keyslots.json'),
    /** Failed-unlock counters live outside the database: they must be written before it can be opened. */
    lockout: join(dataDir, 'lockout.json'),
    backups: join(dataDir, 'backups'),
    /** Staging folder of an unfinished rekey or restore; see store/swap.ts. */
    staging: join(dataDir, 'staging'),
    /** Present only while a first-run setup writes the folder: a database beside it is half-made. */
    setupMarker: join(dataDir, 'setup-in-progress'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
