import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../src-shared/errors';

// DESIGN.md §3 "Locking": the app and the CLI may read one data folder at the same time, but an
// exclusive operation (restore, rekey, a schema migration) must be alone.
//   <dataDir>/open/<pid>      one file per process that has the data open (removed at close);
//   <dataDir>/open/exclusive  who runs an exclusive operation: {pid, operation}.
// Each side writes its own file first and then looks for the other's, so two processes racing
// each other cannot both miss. Files left by a process that died are ignored (process.kill(pid, 0)).
// Both files record the process's start (see processStart), so a file left by a dead process whose
// pid was since given to an unrelated one is not taken for a live owner.

const EXCLUSIVE = 'exclusive';

interface ExclusiveHolder {
  pid: number;
  operation: string;
  /** processStart(pid) when the file was written; absent in files of older versions. */
  started?: string | null;
}

/** What an open/<pid> file holds. */
interface OpenMarker {
  started: string | null;
}

/** How many stores this process has open per data folder; the pid file lives while it is > 0. */
const openCounts = new Map<string, number>();
/** Folders this process holds exclusively; a holder file with our pid but not in here is stale. */
const heldExclusively = new Set<string>();

function lockDir(dataDir: string): string {
  return join(resolve(dataDir), 'open');
}

let bootId: string | null | undefined;

/**
 * When the process started, as `<boot id>:<start time in clock ticks since boot>` (proc(5),
 * /proc/<pid>/stat field 22), or null where /proc is not there (macOS, Windows) or the process is
 * gone. A pid is reused only by a later process, so the same pid with another start is another
 * process. Where it is null only liveness is checked, as before.
 */
export function processStart(pid: number): string | null {
  try {
    bootId ??= readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command name, is in parentheses and may itself hold spaces or ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTime = fields[22 - 3];
    return bootId && startTime ? `${bootId}:${startTime}` : null;
  } catch {
    bootId ??= null;
    return null;
  }
}

/** Whether `pid` is the process that wrote a file recording `started`. */
function isSameLiveProcess(pid: number, started: string | null | undefined): boolean {
  if (!isProcessAlive(pid)) return false;
  if (!started) return true;
  const now = processStart(pid);
  return now === null || now === started;
}

function readMarker(path: string): OpenMarker {
  try {
    const text = readFileSync(path, 'utf8');
    // Files of older versions are empty: only liveness can be checked for them.
    if (text === '') return { started: null };
    const marker = JSON.parse(text) as Partial<OpenMarker>;
    return { started: typeof marker.started === 'string' ? marker.started : null };
  } catch {
    // Half written by a process that died at that instant, or removed meanwhile.
    return { started: null };
  }
}

export function isProcessAlive(pid: number): boolean {
  // 0 and negative numbers name process groups, not one process.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(dir: string): ExclusiveHolder | null {
  try {
    const holder = JSON.parse(readFileSync(join(dir, EXCLUSIVE), 'utf8')) as ExclusiveHolder;
    return Number.isInteger(holder.pid) && holder.pid > 0 ? holder : null;
  } catch {
    // Missing, or half written by a process that died at that instant: nobody holds it.
    return null;
  }
}

/** Other live processes with the data open; files of dead processes are swept away. */
export function otherOpenProcesses(dataDir: string): number[] {
  const dir = lockDir(dataDir);
  if (!existsSync(dir)) return [];
  const others: number[] = [];
  for (const name of readdirSync(dir)) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (isSameLiveProcess(pid, readMarker(join(dir, name)).started)) others.push(pid);
    else rmSync(join(dir, name), { force: true });
  }
  return others;
}

function inUse(message: string, details: Record<string, unknown>): AppError {
  return new AppError('DATA_IN_USE', message, details);
}

/** A live holder, or null when nobody holds the folder or the holder died (its pid may be ours after a reboot). */
function liveHolder(dataDir: string): ExclusiveHolder | null {
  const holder = readHolder(lockDir(dataDir));
  if (!holder) return null;
  if (holder.pid === process.pid) return heldExclusively.has(resolve(dataDir)) ? holder : null;
  return isSameLiveProcess(holder.pid, holder.started) ? holder : null;
}

function refuseIfHeldByAnother(dataDir: string): void {
  const holder = liveHolder(dataDir);
  if (holder && holder.pid !== process.pid) {
    throw inUse(`Process ${holder.pid} is running ${holder.operation} on this data folder.`, { pid: holder.pid, operation: holder.operation });
  }
}

/**
 * Marks the data folder as open by this process; the returned function unmarks it. Refuses with
 * DATA_IN_USE while another live process runs an exclusive operation on it.
 */
export function registerOpenStore(dataDir: string): () => void {
  const key = resolve(dataDir);
  const dir = lockDir(dataDir);
  const count = openCounts.get(key) ?? 0;
  if (count === 0) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, String(process.pid)), JSON.stringify({ started: processStart(process.pid) } satisfies OpenMarker), { mode: 0o600 });
  }
  openCounts.set(key, count + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const left = (openCounts.get(key) ?? 1) - 1;
    if (left > 0) {
      openCounts.set(key, left);
      return;
    }
    openCounts.delete(key);
    rmSync(join(dir, String(process.pid)), { force: true });
  };
  try {
    refuseIfHeldByAnother(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  return release;
}

/** Written aside and hard-linked into place, so nobody ever reads a half-written holder. */
function claimExclusive(dir: string, operation: string): boolean {
  const temp = join(dir, `${EXCLUSIVE}.${process.pid}.tmp`);
  writeFileSync(temp, JSON.stringify({ pid: process.pid, operation, started: processStart(process.pid) } satisfies ExclusiveHolder), { mode: 0o600 });
  try {
    linkSync(temp, join(dir, EXCLUSIVE));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Takes the folder for an exclusive operation; the returned function gives it back. Refuses with
 * DATA_IN_USE while another live process has the data open or runs its own exclusive operation,
 * and while this process already runs one (a second rekey must not start over the first).
 */
export function acquireExclusiveAccess(dataDir: string, operation: string): () => void {
  const dir = lockDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!claimExclusive(dir, operation)) {
    const holder = liveHolder(dataDir);
    if (holder) {
      const who = holder.pid === process.pid ? 'This process' : `Process ${holder.pid}`;
      throw inUse(`${who} is already running ${holder.operation} on this data folder.`, { pid: holder.pid, operation: holder.operation });
    }
    rmSync(join(dir, EXCLUSIVE), { force: true });
    if (!claimExclusive(dir, operation)) throw inUse(`Another process started an exclusive operation on this data folder.`, {});
  }
  const key = resolve(dataDir);
  heldExclusively.add(key);
  const release = () => {
    heldExclusively.delete(key);
    rmSync(join(dir, EXCLUSIVE), { force: true });
  };
  const others = otherOpenProcesses(dataDir);
  if (others.length > 0) {
    release();
    throw inUse(`Cannot ${operation}: process ${others.join(', ')} has this data folder open.`, { pids: others, operation });
  }
  return release;
}

export async function withExclusiveAccess<T>(dataDir: string, operation: string, work: () => Promise<T>): Promise<T> {
  const release = acquireExclusiveAccess(dataDir, operation);
  try {
    return await work();
  } finally {
    release();
  }
}
