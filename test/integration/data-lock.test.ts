import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireExclusiveAccess, otherOpenProcesses, processStart, registerOpenStore } from '../../src-main/store/data-lock';
import { tempDataDir } from '../support/temp-data';

// open/<pid> and open/exclusive record when their process started, so a pid the system has since
// given to an unrelated process does not hold the folder (a leftover marker used to block rekey).

const onLinux = existsSync('/proc/self/stat');
/** A live process that is not this one. */
const OTHER = process.ppid;

function refusal(work: () => unknown): string | null {
  try {
    (work() as (() => void) | undefined)?.();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

function marker(dataDir: string, pid: number, body: string): string {
  mkdirSync(join(dataDir, 'open'), { recursive: true });
  const path = join(dataDir, 'open', String(pid));
  writeFileSync(path, body);
  return path;
}

describe.runIf(onLinux)('data folder markers on Linux', () => {
  it('records this process\'s boot id and start time (/proc/<pid>/stat field 22) in its open marker', () => {
    const dataDir = tempDataDir();
    const release = registerOpenStore(dataDir);
    const started = JSON.parse(readFileSync(join(dataDir, 'open', String(process.pid)), 'utf8')).started as string;
    release();
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    expect(started).toMatch(new RegExp(`^${bootId}:\\d+$`));
    expect(started).toBe(processStart(process.pid));
  });

  it('ignores and sweeps a marker whose live pid started at another time, so rekey may go ahead', () => {
    const dataDir = tempDataDir();
    const path = marker(dataDir, OTHER, JSON.stringify({ started: `${processStart(OTHER)!.split(':')[0]}:1` }));
    expect(otherOpenProcesses(dataDir)).toEqual([]);
    expect(existsSync(path)).toBe(false);
    expect(refusal(() => acquireExclusiveAccess(dataDir, 'rekey'))).toBeNull();
  });

  it('still counts a marker whose pid and start time match a live process, and keeps it', () => {
    const dataDir = tempDataDir();
    const path = marker(dataDir, OTHER, JSON.stringify({ started: processStart(OTHER) }));
    expect(otherOpenProcesses(dataDir)).toEqual([OTHER]);
    expect(refusal(() => acquireExclusiveAccess(dataDir, 'rekey'))).toBe('DATA_IN_USE');
    expect(existsSync(path)).toBe(true);
    expect(existsSync(join(dataDir, 'open', 'exclusive'))).toBe(false);
  });

  it('counts an empty marker of a live pid, as an older version writes it (only liveness can be checked)', () => {
    const dataDir = tempDataDir();
    marker(dataDir, OTHER, '');
    expect(otherOpenProcesses(dataDir)).toEqual([OTHER]);
  });

  it('lets the data be opened past an exclusive holder whose pid was reused, and not past a live one', () => {
    const reused = tempDataDir();
    mkdirSync(join(reused, 'open'));
    writeFileSync(join(reused, 'open', 'exclusive'), JSON.stringify({ pid: OTHER, operation: 'rekey', started: 'another-boot:1' }));
    expect(refusal(() => registerOpenStore(reused))).toBeNull();

    const held = tempDataDir();
    mkdirSync(join(held, 'open'));
    writeFileSync(join(held, 'open', 'exclusive'), JSON.stringify({ pid: OTHER, operation: 'rekey', started: processStart(OTHER) }));
    expect(refusal(() => registerOpenStore(held))).toBe('DATA_IN_USE');
    expect(existsSync(join(held, 'open', String(process.pid)))).toBe(false);
  });
});
