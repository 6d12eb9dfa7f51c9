import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

// The durability primitives of the data folder: an atomic replace, and fsync of a file or a folder
// (a rename is only durable once its folder is synced).

/** Write-then-rename with fsync, so a crash leaves either the old file or the new one. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncDirectory(dirname(path));
}

function fsyncOpened(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file is opened for writing: some systems (Windows) only flush a handle that may write. */
export function fsyncFile(path: string): void {
  fsyncOpened(path, 'r+');
}

/** A folder can only be opened for reading. */
export function fsyncDirectory(dir: string): void {
  fsyncOpened(dir, 'r');
}
