import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { fsyncDirectory, fsyncFile, writeFileAtomic } from './atomic-file';
import { acquireExclusiveAccess } from './data-lock';
import { dataPaths, type DataPaths } from './paths';

// Restore and rekey replace files of a live data folder. They never write over the current files
// until the replacements are complete and verified:
//   1. the new files are built in <dataDir>/staging/ (a data folder of its own: paydesk.db, …);
//   2. every staged file is fsynced, then the marker staging/COMMITTED is written and fsynced:
//      this is the commit point;
//   3. each staged file is renamed over its current one; then the marker and staging/ go away.
// A crash before 2 leaves the old files untouched and the staging folder is discarded; a crash
// after 2 is rolled forward. finishInterruptedSwap does either, before anyone reads keyslots.

const MARKER = 'COMMITTED';
const SWAPPABLE = ['paydesk.db', 'keyslots.json', 'recovery-slot.json', 'retired-keys.json'] as const;
export type SwappableFile = (typeof SWAPPABLE)[number];

const markerSchema = z.object({ kind: z.enum(['rekey', 'restore']), files: z.array(z.enum(SWAPPABLE)).min(1), at: z.string() });
export type SwapPlan = Omit<z.infer<typeof markerSchema>, 'at'>;

/** The staging folder seen as a data folder: staging/paydesk.db, staging/keyslots.json, … */
export function stagingPaths(paths: DataPaths): DataPaths {
  return dataPaths(paths.staging);
}

/** A fresh, empty staging folder. The caller holds exclusive access to the data folder. */
export function prepareStaging(paths: DataPaths): DataPaths {
  rmSync(paths.staging, { recursive: true, force: true });
  mkdirSync(paths.staging, { recursive: true, mode: 0o700 });
  return stagingPaths(paths);
}

export function discardStaging(paths: DataPaths): void {
  rmSync(paths.staging, { recursive: true, force: true });
}

/** Step 2: makes the staged files durable, then writes the marker. From here on the swap happens. */
export function writeSwapMarker(paths: DataPaths, plan: SwapPlan, now = new Date()): void {
  for (const name of plan.files) {
    const staged = join(paths.staging, name);
    if (!existsSync(staged)) throw new AppError('INTERNAL', `writeSwapMarker: staged ${name} is missing.`);
    fsyncFile(staged);
  }
  fsyncDirectory(paths.staging);
  writeFileAtomic(join(paths.staging, MARKER), JSON.stringify({ ...plan, at: now.toISOString() }));
}

/**
 * Step 3, also the roll-forward after a crash: idempotent, because a file already moved is no
 * longer in staging. The database's -wal and -shm belong to the old file and would be replayed
 * into the new one, so they go first; the old database was checkpointed and closed by then, or
 * its process died and the committed snapshot in staging supersedes it.
 */
export function applySwap(paths: DataPaths, plan: SwapPlan): void {
  for (const name of plan.files) {
    const staged = join(paths.staging, name);
    if (!existsSync(staged)) continue;
    const target = join(paths.dataDir, name);
    if (name === 'paydesk.db') {
      rmSync(`${target}-wal`, { force: true });
      rmSync(`${target}-shm`, { force: true });
    }
    renameSync(staged, target);
  }
  fsyncDirectory(paths.dataDir);
  rmSync(join(paths.staging, MARKER), { force: true });
  discardStaging(paths);
  fsyncDirectory(paths.dataDir);
}

/** Steps 2 and 3 together, for an operation that has just verified its staged files. */
export function commitSwap(paths: DataPaths, plan: SwapPlan, now = new Date()): void {
  writeSwapMarker(paths, plan, now);
  applySwap(paths, plan);
}

function readMarker(paths: DataPaths): SwapPlan | null {
  const path = join(paths.staging, MARKER);
  if (!existsSync(path)) return null;
  let json: unknown = null;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // Falls through to the refusal below.
  }
  const parsed = markerSchema.safeParse(json);
  // The marker is written atomically, so a malformed one was changed by hand.
  if (!parsed.success) throw new AppError('DATA_DAMAGED', `${path} is not a swap marker Paydesk wrote.`);
  return { kind: parsed.data.kind, files: parsed.data.files };
}

export type SwapRecovery = 'none' | 'rolled-forward' | 'discarded';

/**
 * Finishes what a crashed restore or rekey left: rolls forward a committed swap, discards an
 * uncommitted one. Refuses with DATA_IN_USE while another live process (or this one) is still
 * running that operation.
 */
export function finishInterruptedSwap(paths: DataPaths): SwapRecovery {
  if (!existsSync(paths.staging)) return 'none';
  const release = acquireExclusiveAccess(paths.dataDir, 'recover an interrupted swap');
  try {
    const plan = readMarker(paths);
    if (!plan) {
      discardStaging(paths);
      return 'discarded';
    }
    applySwap(paths, plan);
    return 'rolled-forward';
  } finally {
    release();
  }
}
