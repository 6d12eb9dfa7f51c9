import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupFile } from '../../src-shared/contract/backup';
import type { Router } from '../../src-main/api/router';
import { readBackupHeader, writeBackupFile } from '../../src-main/store/backup-file';
import { snapshotDatabase } from '../../src-main/store/database-copy';
import { readKeyslotFile } from '../../src-main/store/keyslots';
import { ADMIN, TELLER, ok, setUpRouter, tempDataDir } from '../support/temp-data';
import { jobResult, refusalCode, runJob } from '../support/jobs';
import { databaseKeyHex } from '../support/database-key';
import { folderBytes, rawOpen } from '../support/files';

async function backUp(router: Router, path?: string): Promise<BackupFile> {
  return jobResult<'backup.create', BackupFile>(router, 'backup.create', path ? { path } : {});
}

async function staffNames(router: Router): Promise<string[]> {
  return (await ok(router, 'staff.list', {})).map((s) => s.username);
}

describe('backup', () => {
  it('writes a verified, encrypted backup into backups/ that lists itself and opens with the recovery key', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    const file = await backUp(router);

    expect(file.name).toMatch(/^paydesk-\d{8}-\d{6}\.pdbk$/);
    expect(file.path).toBe(join(dataDir, 'backups', file.name));
    expect(await ok(router, 'backup.list', {})).toEqual([{ ...file, verified: true }]);
    const bytes = readFileSync(file.path);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PDBK');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('张三丰'))).toBe(false);

    const { databaseOffset, header } = await readBackupHeader(file.path);
    expect(header.keyslots).toEqual(readKeyslotFile(join(dataDir, 'keyslots.json')));
    const copy = join(tempDataDir(), 'copy.db');
    writeFileSync(copy, bytes.subarray(databaseOffset));
    const raw = rawOpen(copy, databaseKeyHex(dataDir, recoveryKey));
    expect(raw.prepare('SELECT username FROM staff ORDER BY username').pluck().all()).toEqual(['admin', 'tina']);
    raw.close();

    const { rows } = await ok(router, 'audit.list', { action: 'backup.create' });
    expect(rows).toMatchObject([{ actor: 'admin', entityType: 'backup', entityId: file.name, after: { path: file.path, size: file.size } }]);
  });

  it('writes to a chosen path, and refuses a path that exists with INVALID_INPUT, leaving that file as it was', async () => {
    const { router } = await setUpRouter();
    const path = join(tempDataDir(), 'nightly.pdbk');
    expect((await backUp(router, path)).path).toBe(path);
    const before = readFileSync(path);
    const auditBefore = (await ok(router, 'audit.list', {})).total;

    const again = await router.invoke('backup.create', { path });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'path' } } });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect((await ok(router, 'audit.list', {})).total).toBe(auditBefore);
  });

  it('is refused to a teller with FORBIDDEN, and nothing is written', async () => {
    const { router, dataDir } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    expect(await router.invoke('backup.create', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await router.invoke('backup.restore', { path: join(dataDir, 'x.pdbk') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });
});

describe('restore', () => {
  it('brings back the data as it was, keeps the current data in a safety backup, and signs everyone out', async () => {
    const { router, dataDir } = await setUpRouter();
    const file = await backUp(router);
    await ok(router, 'staff.add', TELLER);

    const result = await jobResult<'backup.restore', { restoredFrom: string; reencrypted: boolean; safetyBackup: BackupFile }>(router, 'backup.restore', { path: file.path });
    expect(result).toMatchObject({ restoredFrom: file.path, reencrypted: false });
    expect(result.safetyBackup.name).toMatch(/-before-restore\.pdbk$/);
    expect(await ok(router, 'app.status', {})).toMatchObject({ unlocked: false });
    expect(existsSync(join(dataDir, 'staging'))).toBe(false);

    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await staffNames(router)).toEqual(['admin']);
    const { rows } = await ok(router, 'audit.list', {});
    expect(rows[1]).toMatchObject({ action: 'backup.restore', actor: 'admin', entityId: file.name, after: { safetyBackup: result.safetyBackup.path } });
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);

    // The teller added after the backup keeps a slot but no row, so cannot sign in …
    await ok(router, 'session.lock', {});
    const teller = await router.invoke('session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    expect(teller).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    // … and the safety backup brings them back.
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await jobResult(router, 'backup.restore', { path: result.safetyBackup.path });
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
  });

  it('restores a backup made before a rekey, re-encrypted under the current key', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    const file = await backUp(router);
    await ok(router, 'staff.add', TELLER);
    expect(await jobResult<'keys.rekey', { recoveryKey: string | null }>(router, 'keys.rekey', {})).toEqual({ recoveryKey: null });

    const result = await jobResult<'backup.restore', { reencrypted: boolean }>(router, 'backup.restore', { path: file.path });
    expect(result.reencrypted).toBe(true);
    await ok(router, 'session.unlockWithRecoveryKey', { recoveryKey });
    expect(await staffNames(router)).toEqual(['admin']);
    router.close();
    const raw = rawOpen(join(dataDir, 'paydesk.db'), databaseKeyHex(dataDir, recoveryKey));
    expect(raw.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(1);
    raw.close();
  });

  it('refuses a backup of another data folder with BACKUP_INVALID and changes nothing', async () => {
    const other = await setUpRouter();
    const foreign = await backUp(other.router);
    const { router, dataDir } = await setUpRouter();
    const before = folderBytes(dataDir);

    const answer = await router.invoke('backup.restore', { path: foreign.path });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID', details: { field: 'path' } } });
    expect(!answer.ok && answer.error.message).toMatch(/never used.*PAYDESK_RECOVERY_KEY/s);
    expect(folderBytes(dataDir)).toEqual(before);
    expect(await ok(router, 'app.status', {})).toMatchObject({ unlocked: true });
  });

  const damages: [string, (bytes: Buffer, databaseOffset: number) => Buffer][] = [
    ['cut short', (bytes) => bytes.subarray(0, bytes.length - 4096)],
    ['with a byte of the database changed', (bytes, offset) => flip(bytes, offset + 5000)],
    ['with a byte of the header changed', (bytes) => Buffer.from(bytes.toString('latin1').replace(/"createdAt":"(\d)/, (_m, d: string) => `"createdAt":"${(Number(d) + 1) % 10}`), 'latin1')],
    ['with bytes added at the end', (bytes) => Buffer.concat([bytes, Buffer.from('trailing')])],
    ['that is not a backup at all', () => Buffer.from('name,amount\nada,100\n')],
  ];

  it.each(damages)('refuses a backup %s with BACKUP_INVALID and leaves the data untouched', async (_name, damage) => {
    const { router, dataDir } = await setUpRouter();
    const file = await backUp(router);
    const { databaseOffset } = await readBackupHeader(file.path);
    const damaged = join(tempDataDir(), 'damaged.pdbk');
    writeFileSync(damaged, damage(readFileSync(file.path), databaseOffset));
    await ok(router, 'staff.add', TELLER);
    const before = folderBytes(dataDir);

    const answer = await runJob(router, 'backup.restore', { path: damaged });
    expect(refusalCode(answer)).toBe('BACKUP_INVALID');
    expect(folderBytes(dataDir)).toEqual(before);
    expect(await staffNames(router)).toEqual(['admin', 'tina']);
  });

  it('refuses a backup whose audit log was changed, naming the row, and leaves the data untouched', async () => {
    const { router, dataDir } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    const sqlite = router.state.requireStore().sqlite;
    const original = sqlite.prepare('SELECT actor FROM audit_log WHERE id = 2').pluck().get() as string;
    sqlite.prepare(`UPDATE audit_log SET actor = 'mallory' WHERE id = 2`).run();
    const file = await backUp(router);
    sqlite.prepare('UPDATE audit_log SET actor = ? WHERE id = 2').run(original);
    const before = folderBytes(dataDir);

    const answer = await runJob(router, 'backup.restore', { path: file.path });
    expect(refusalCode(answer)).toBe('BACKUP_INVALID');
    expect(answer.ok && answer.value.error?.message).toMatch(/audit\.chain.*audit row 2/);
    expect(folderBytes(dataDir)).toEqual(before);
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
  });

  it('refuses a backup from a newer schema with SCHEMA_TOO_NEW and leaves the data untouched', async () => {
    const { router, dataDir } = await setUpRouter();
    const store = router.state.requireStore();
    const work = tempDataDir();
    const snapshot = join(work, 'newer.db');
    snapshotDatabase(store.sqlite, snapshot);
    const raw = rawOpen(snapshot, store.masterKey.toString('hex'));
    raw.pragma('user_version = 99');
    raw.close();
    const newer = join(work, 'newer.pdbk');
    await writeBackupFile(newer, { createdAt: new Date().toISOString(), schemaVersion: 99, keyslots: readKeyslotFile(store.paths.keyslots) }, snapshot, store.masterKey);
    const before = folderBytes(dataDir);

    const answer = await runJob(router, 'backup.restore', { path: newer });
    expect(refusalCode(answer)).toBe('SCHEMA_TOO_NEW');
    expect(folderBytes(dataDir)).toEqual(before);
  });

  it('refuses with DATA_IN_USE while another process has the data open, and changes nothing', async () => {
    const { router, dataDir } = await setUpRouter();
    const file = await backUp(router);
    await ok(router, 'staff.add', TELLER);
    // The test runner's parent process is alive: it stands for a second Paydesk on this folder.
    mkdirSync(join(dataDir, 'open'), { recursive: true });
    writeFileSync(join(dataDir, 'open', String(process.ppid)), '');
    const before = folderBytes(dataDir);

    const answer = await router.invoke('backup.restore', { path: file.path });
    expect(answer).toMatchObject({ ok: false, error: { code: 'DATA_IN_USE', details: { pids: [process.ppid] } } });
    expect(folderBytes(dataDir)).toEqual(before);
    expect(await staffNames(router)).toEqual(['admin', 'tina']);
  });

  it('answers INVALID_INPUT naming the path when there is no file there', async () => {
    const { router, dataDir } = await setUpRouter();
    const answer = await router.invoke('backup.restore', { path: join(dataDir, 'missing.pdbk') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'path' } } });
    expect(await staffNames(router)).toEqual(['admin']);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}
