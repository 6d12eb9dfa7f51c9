import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecoveryKey } from '../../src-shared/recovery-key';
import type { Router } from '../../src-main/api/router';
import { dataPaths } from '../../src-main/store/paths';
import { newSigningIdentity } from '../../src-main/trust/signer';
import { stageRekey } from '../../src-main/store/rekey';
import { readRetiredKeys } from '../../src-main/store/retired-keys';
import { writeSwapMarker } from '../../src-main/store/swap';
import { ADMIN, TELLER, ok, setUpRouter, testRouter } from '../support/temp-data';
import { jobResult, runJob } from '../support/jobs';
import { databaseKeyHex } from '../support/database-key';
import { folderBytes, rawOpen } from '../support/files';

async function rekey(router: Router): Promise<string | null> {
  return (await jobResult<'keys.rekey', { recoveryKey: string | null }>(router, 'keys.rekey', {})).recoveryKey;
}

/** The database key the store in use holds (the key a standard SQLCipher tool needs). */
function liveKey(router: Router): string {
  return Buffer.from(router.state.requireStore().masterKey).toString('hex');
}

function opensWith(dataDir: string, hexKey: string): boolean {
  const raw = rawOpen(join(dataDir, 'paydesk.db'), hexKey, { readonly: true });
  try {
    raw.prepare('SELECT count(*) FROM staff').get();
    return true;
  } catch {
    return false;
  } finally {
    raw.close();
  }
}

const REKEY_FILES = ['paydesk.db', 'keyslots.json', 'recovery-slot.json', 'retired-keys.json'] as const;

/** Builds a complete rekey in staging/ and signs out, as a process that died just then would leave it. */
async function stageAndStop(router: Router): Promise<{ nextKey: Buffer }> {
  const store = router.state.requireStore();
  const staged = await stageRekey(store, { now: new Date(), inspect: () => undefined, record: () => undefined, recoverySigning: newSigningIdentity() });
  const nextKey = Buffer.from(staged.nextKey);
  router.state.signOut();
  return { nextKey };
}

describe('rekey', () => {
  it('changes the database key and keeps the recovery key; the old database key no longer opens the data, every passphrase still does', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    const oldKey = liveKey(router);
    expect(await rekey(router)).toBeNull();
    const newKey = databaseKeyHex(dataDir, recoveryKey);

    expect(newKey).not.toBe(oldKey);
    expect(liveKey(router)).toBe(newKey);
    expect(opensWith(dataDir, newKey)).toBe(true);
    expect(opensWith(dataDir, oldKey)).toBe(false);
    expect(existsSync(join(dataDir, 'staging'))).toBe(false);

    const fresh = testRouter(dataDir);
    await ok(fresh, 'session.unlockWithRecoveryKey', { recoveryKey });
    await ok(fresh, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    await ok(fresh, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await ok(fresh, 'system.verify', {})).ok).toBe(true);
  });

  it('keeps the session signed in on the re-encrypted data and audits the rekey without a key', async () => {
    const { router, recoveryKey } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    const oldKey = liveKey(router);
    await rekey(router);

    expect(await ok(router, 'app.status', {})).toMatchObject({ unlocked: true, session: { username: 'admin' } });
    const { rows } = await ok(router, 'audit.list', { action: 'keys.rekey' });
    expect(rows).toMatchObject([{ actor: 'admin', entityType: 'keys', after: { resealedSlots: 3 } }]);
    const written = JSON.stringify(rows[0]).toLowerCase();
    for (const key of [oldKey, liveKey(router), parseRecoveryKey(recoveryKey)!]) expect(written).not.toContain(key.slice(0, 16));
    await ok(router, 'staff.add', { ...TELLER, username: 'tom' });
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
  });

  it('keeps the retired key in retired-keys.json, sealed under the new key', async () => {
    const { router, dataDir } = await setUpRouter();
    const oldKey = liveKey(router);
    await rekey(router);
    const retired = readRetiredKeys(dataDir, Buffer.from(liveKey(router), 'hex'));
    expect(retired.map((entry) => entry.key)).toEqual([oldKey]);
    expect(readFileSync(join(dataDir, 'retired-keys.json'), 'utf8')).not.toContain(oldKey);
  });

  it('refuses with DATA_IN_USE while another process has the data open, and changes nothing', async () => {
    const { router, dataDir } = await setUpRouter();
    const key = liveKey(router);
    mkdirSync(join(dataDir, 'open'), { recursive: true });
    writeFileSync(join(dataDir, 'open', String(process.ppid)), '');
    const before = folderBytes(dataDir);

    const answer = await router.invoke('keys.rekey', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'DATA_IN_USE', details: { pids: [process.ppid] } } });
    expect(folderBytes(dataDir)).toEqual(before);
    expect(opensWith(dataDir, key)).toBe(true);
  });

  it('ignores the open-file of a process that has died', async () => {
    const { router, dataDir } = await setUpRouter();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(join(dataDir, 'open'), { recursive: true });
    writeFileSync(join(dataDir, 'open', String(dead)), '');
    await rekey(router);
    expect(opensWith(dataDir, liveKey(router))).toBe(true);
    expect(existsSync(join(dataDir, 'open', String(dead)))).toBe(false);
  });

  it.each([
    ['a process that has died', () => spawnSync(process.execPath, ['-e', '0']).pid!],
    ['an earlier process that had this pid (a reboot)', () => process.pid],
  ])('takes over the exclusive lock left by %s', async (_case, stalePid) => {
    const { router, dataDir } = await setUpRouter();
    mkdirSync(join(dataDir, 'open'), { recursive: true });
    writeFileSync(join(dataDir, 'open', 'exclusive'), JSON.stringify({ pid: stalePid(), operation: 'rekey' }));
    await rekey(router);
    expect(opensWith(dataDir, liveKey(router))).toBe(true);
    expect(existsSync(join(dataDir, 'open', 'exclusive'))).toBe(false);
  });

  it('refuses a second rekey while the first runs, with DATA_IN_USE', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    const first = await router.invoke('keys.rekey', {});
    const second = await router.invoke('keys.rekey', {});
    expect(second).toMatchObject({ ok: false, error: { code: 'DATA_IN_USE' } });
    const job = await router.state.jobs.wait((first as { value: { jobId: string } }).value.jobId);
    expect(job.state).toBe('done');
    expect(job.result).toEqual({ recoveryKey: null });
    expect(opensWith(dataDir, databaseKeyHex(dataDir, recoveryKey))).toBe(true);
  });

  it('refuses with DATA_DAMAGED when retired-keys.json was changed, and changes nothing', async () => {
    const { router, dataDir } = await setUpRouter();
    await rekey(router);
    const newKey = liveKey(router);
    const path = join(dataDir, 'retired-keys.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.sealed.tag = `${file.sealed.tag[0] === 'A' ? 'B' : 'A'}${file.sealed.tag.slice(1)}`;
    writeFileSync(path, JSON.stringify(file));
    const before = folderBytes(dataDir);

    const answer = await runJob(router, 'keys.rekey', {});
    expect(answer).toMatchObject({ ok: true, value: { state: 'failed', error: { code: 'DATA_DAMAGED' } } });
    expect(folderBytes(dataDir)).toEqual(before);
    expect(opensWith(dataDir, newKey)).toBe(true);
  });

  it('is refused to a teller with FORBIDDEN, and the key stays', async () => {
    const { router, dataDir } = await setUpRouter();
    const key = liveKey(router);
    await ok(router, 'staff.add', TELLER);
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    const answer = await runJob(router, 'keys.rekey', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(opensWith(dataDir, key)).toBe(true);
  });
});

describe('an interrupted rekey', () => {
  it('is discarded at the next unlock when it never reached its commit marker', async () => {
    const { router, dataDir } = await setUpRouter();
    const key = liveKey(router);
    await stageAndStop(router);
    expect(existsSync(join(dataDir, 'staging', 'keyslots.json'))).toBe(true);

    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(existsSync(join(dataDir, 'staging'))).toBe(false);
    expect(opensWith(dataDir, key)).toBe(true);
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
  });

  it('is rolled forward at the next unlock once its commit marker was written', async () => {
    const { router, dataDir } = await setUpRouter();
    const key = liveKey(router);
    const { nextKey } = await stageAndStop(router);
    writeSwapMarker(dataPaths(dataDir), { kind: 'rekey', files: [...REKEY_FILES] });

    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(Buffer.from(router.state.requireStore().masterKey).equals(nextKey)).toBe(true);
    expect(opensWith(dataDir, key)).toBe(false);
    expect(existsSync(join(dataDir, 'staging'))).toBe(false);
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
  });

  it('is rolled forward when the crash came after the database was swapped but before the keyslots', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    const { nextKey } = await stageAndStop(router);
    const paths = dataPaths(dataDir);
    writeSwapMarker(paths, { kind: 'rekey', files: [...REKEY_FILES] });
    renameSync(join(paths.staging, 'paydesk.db'), paths.database);

    await ok(router, 'session.unlockWithRecoveryKey', { recoveryKey });
    expect(liveKey(router)).toBe(nextKey.toString('hex'));
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
  });

  it('is left alone, with DATA_DAMAGED at unlock, when its commit marker was changed by hand', async () => {
    const { router, dataDir } = await setUpRouter();
    const key = liveKey(router);
    await stageAndStop(router);
    writeFileSync(join(dataDir, 'staging', 'COMMITTED'), '{"kind": "rekey", "files": ["../../etc/passwd"]}');
    const before = folderBytes(dataDir);

    const answer = await router.invoke('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(answer).toMatchObject({ ok: false, error: { code: 'DATA_DAMAGED' } });
    expect(folderBytes(dataDir)).toEqual(before);
    expect(opensWith(dataDir, key)).toBe(true);
  });

  it('is left alone, with DATA_IN_USE at unlock, while the process doing it is still alive', async () => {
    const { router, dataDir } = await setUpRouter();
    const key = liveKey(router);
    await stageAndStop(router);
    writeFileSync(join(dataDir, 'open', 'exclusive'), JSON.stringify({ pid: process.ppid, operation: 'rekey' }));
    const before = folderBytes(dataDir);

    const answer = await router.invoke('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(answer).toMatchObject({ ok: false, error: { code: 'DATA_IN_USE', details: { pid: process.ppid, operation: 'rekey' } } });
    expect(folderBytes(dataDir)).toEqual(before);
    expect(opensWith(dataDir, key)).toBe(true);
  });
});
