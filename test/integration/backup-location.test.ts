import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupFile } from '../../src-shared/contract/backup';
import type { Router } from '../../src-main/api/router';
import { readBackupHeader } from '../../src-main/store/backup-file';
import { ok, setUpRouter, tempDataDir } from '../support/temp-data';
import { jobResult } from '../support/jobs';
import { folderBytes } from '../support/files';

// Issue 8: a backup can go to a folder the person chooses (removable media), the choice is kept
// for this workstation, and the backups there are listed beside those in the data folder.

async function backUp(router: Router): Promise<BackupFile> {
  return jobResult<'backup.create', BackupFile>(router, 'backup.create', {});
}

async function auditTotal(router: Router): Promise<number> {
  return (await ok(router, 'audit.list', {})).total;
}

describe('backup location', () => {
  it('starts at the data folder’s backups/', async () => {
    const { router, dataDir } = await setUpRouter();
    expect(await ok(router, 'backup.location', {})).toEqual({ folder: null, defaultFolder: join(dataDir, 'backups'), usable: true });
  });

  it('writes the next backup into the chosen folder, lists it there verified, and records who chose it', async () => {
    const { router, dataDir } = await setUpRouter();
    const atHome = await backUp(router);
    const stick = tempDataDir();
    expect(await ok(router, 'backup.chooseLocation', { folder: stick })).toEqual({ folder: stick, defaultFolder: join(dataDir, 'backups'), usable: true });
    const file = await backUp(router);

    expect(file.path).toBe(join(stick, file.name));
    expect(file.name).toMatch(/^paydesk-\d{8}-\d{6}(-\d+)?\.pdbk$/);
    expect(readdirSync(stick)).toEqual([file.name]);
    expect((await readBackupHeader(file.path)).header.format).toBe('paydesk-backup');
    const listed = await ok(router, 'backup.list', {});
    expect(listed.map((b) => b.path).sort()).toEqual([atHome.path, file.path].sort());
    expect(listed.every((b) => b.verified)).toBe(true);

    const { rows } = await ok(router, 'audit.list', { action: 'backup.chooseLocation' });
    expect(rows).toMatchObject([{ actor: 'admin', entityType: 'backup', before: { backupFolder: join(dataDir, 'backups') }, after: { backupFolder: stick } }]);
  });

  it('lists a damaged file and one with an edited header as not verified, with their own name, size and time', async () => {
    const { router } = await setUpRouter();
    const stick = tempDataDir();
    await ok(router, 'backup.chooseLocation', { folder: stick });
    const good = await backUp(router);
    writeFileSync(join(stick, 'cut.pdbk'), readFileSync(good.path).subarray(0, 100));
    const edited = readFileSync(good.path).toString('latin1').replace(/"schemaVersion":(\d+)/, (_m, n: string) => `"schemaVersion":${Number(n) + 1}`);
    writeFileSync(join(stick, 'edited.pdbk'), Buffer.from(edited, 'latin1'));
    writeFileSync(join(stick, 'notes.txt'), 'not a backup');

    const listed = await ok(router, 'backup.list', {});
    const byName = Object.fromEntries(listed.map((b) => [b.name, b]));
    expect(Object.keys(byName).sort()).toEqual(['cut.pdbk', 'edited.pdbk', good.name].sort());
    expect(byName['cut.pdbk']).toMatchObject({ size: 100, verified: false });
    expect(byName['edited.pdbk']).toMatchObject({ verified: false });
    expect(byName[good.name]).toMatchObject({ verified: true });
  });

  it('restores from a backup listed in the chosen folder', async () => {
    const { router } = await setUpRouter();
    const stick = tempDataDir();
    await ok(router, 'backup.chooseLocation', { folder: stick });
    const file = await backUp(router);
    const result = await jobResult<'backup.restore', { restoredFrom: string }>(router, 'backup.restore', { path: file.path });
    expect(result.restoredFrom).toBe(file.path);
  });

  it('goes back to backups/ when the choice is cleared', async () => {
    const { router, dataDir } = await setUpRouter();
    await ok(router, 'backup.chooseLocation', { folder: tempDataDir() });
    expect(await ok(router, 'backup.chooseLocation', { folder: null })).toMatchObject({ folder: null });
    expect((await backUp(router)).path.startsWith(join(dataDir, 'backups'))).toBe(true);
  });

  it.each([
    ['a folder that does not exist', () => join(tempDataDir(), 'not-plugged-in'), 'missing'],
    ['a file', () => {
      const file = join(tempDataDir(), 'a-file');
      writeFileSync(file, 'x');
      return file;
    }, 'not_a_folder'],
    ['a relative path', () => 'backups-here', 'not_absolute'],
  ])('refuses %s with BACKUP_FOLDER_UNUSABLE, keeping the choice it had and writing nothing', async (_what, folderOf, reason) => {
    const { router, dataDir } = await setUpRouter();
    const kept = tempDataDir();
    await ok(router, 'backup.chooseLocation', { folder: kept });
    const folder = folderOf();
    const before = { data: folderBytes(dataDir), audit: await auditTotal(router) };

    const answer = await router.invoke('backup.chooseLocation', { folder });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER_UNUSABLE', details: { field: 'folder', reason } } });
    expect(await ok(router, 'backup.location', {})).toMatchObject({ folder: kept });
    expect({ data: folderBytes(dataDir), audit: await auditTotal(router) }).toEqual(before);
    expect(existsSync(join(process.cwd(), 'backups-here'))).toBe(false);
  });

  it('refuses to back up into a chosen folder that has gone (a drive unplugged) with BACKUP_FOLDER_UNUSABLE, creating nothing', async () => {
    const { router, dataDir } = await setUpRouter();
    const drive = join(tempDataDir(), 'usb');
    mkdirSync(drive);
    await ok(router, 'backup.chooseLocation', { folder: drive });
    rmSync(drive, { recursive: true });
    const before = { data: folderBytes(dataDir), audit: await auditTotal(router) };

    expect(await ok(router, 'backup.location', {})).toMatchObject({ folder: drive, usable: false });
    const answer = await router.invoke('backup.create', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER_UNUSABLE', details: { field: 'folder', reason: 'missing' } } });
    expect(existsSync(drive)).toBe(false);
    expect({ data: folderBytes(dataDir), audit: await auditTotal(router) }).toEqual(before);
    expect(await ok(router, 'backup.list', {})).toEqual([]);
  });
});
