import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseKeyHex } from '../support/database-key';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { ADMIN, TELLER, ok, setUpRouter, testRouter } from '../support/temp-data';
import { jsonOf, runCli } from '../support/cli';
import { folderBytes, rawOpen } from '../support/files';
import { createRouter } from '../../src-main/api/router';
import { postBulk, systemAccount } from '../../src-main/ledger';

// Issue 2, "Bad input": damaged or foreign data is refused with a coded error (CLI exit 4) and
// every file is left exactly as it was, so nothing is lost that a person could still rescue.

async function closedDataFolder(): Promise<{ dataDir: string; hexKey: string }> {
  const { router, dataDir, recoveryKey } = await setUpRouter();
  await ok(router, 'staff.add', TELLER);
  router.close();
  return { dataDir, hexKey: databaseKeyHex(dataDir, recoveryKey) };
}

function cliVerify(dataDir: string) {
  return runCli(['verify', '--data', dataDir, '--user', 'admin', '--json'], { PAYDESK_PASSPHRASE: ADMIN.passphrase });
}

async function unlockCode(dataDir: string): Promise<string | null> {
  const answer = await testRouter(dataDir).invoke('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  return answer.ok ? null : answer.error.code;
}

/** Damages the folder, then expects the same refusal from the router and the CLI, and no change. */
async function expectRefusedUntouched(damage: (dataDir: string, hexKey: string) => void, code: string): Promise<void> {
  const { dataDir, hexKey } = await closedDataFolder();
  damage(dataDir, hexKey);
  const before = folderBytes(dataDir);

  expect(await unlockCode(dataDir)).toBe(code);
  const cli = await cliVerify(dataDir);
  expect(cli.code).toBe(4);
  expect(jsonOf(cli)).toMatchObject({ error: { code } });
  expect(folderBytes(dataDir)).toEqual(before);
}

function editKeyslots(dataDir: string, edit: (file: { mac: string; slots: { username: string; privateKey: { ciphertext: string }; masterKey: { ciphertext: string } }[] }) => void): void {
  const path = join(dataDir, 'keyslots.json');
  const file = JSON.parse(readFileSync(path, 'utf8'));
  edit(file);
  writeFileSync(path, JSON.stringify(file, null, 2));
}

/** Changes one base64 character, keeping the text valid base64 of the same length. */
function flipBase64(text: string): string {
  return `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;
}

describe('a damaged paydesk.db', () => {
  it('cut short is refused with DATA_DAMAGED (CLI exit 4) and left byte-identical', async () => {
    await expectRefusedUntouched((dataDir) => {
      const path = join(dataDir, 'paydesk.db');
      truncateSync(path, Math.floor(readFileSync(path).length / 2));
    }, 'DATA_DAMAGED');
  });

  it('with its first page overwritten is refused with DATA_DAMAGED (CLI exit 4) and left byte-identical', async () => {
    await expectRefusedUntouched((dataDir) => {
      const path = join(dataDir, 'paydesk.db');
      const bytes = readFileSync(path);
      randomBytes(4096).copy(bytes, 0);
      writeFileSync(path, bytes);
    }, 'DATA_DAMAGED');
  });
});

describe('a tampered keyslots.json', () => {
  it('that is not JSON is refused with DATA_DAMAGED (CLI exit 4) and left as it was', async () => {
    await expectRefusedUntouched((dataDir) => writeFileSync(join(dataDir, 'keyslots.json'), '{"format": "paydesk-keyslots", '), 'DATA_DAMAGED');
  });

  it('with a changed MAC is refused with DATA_DAMAGED (CLI exit 4) and left as it was', async () => {
    await expectRefusedUntouched((dataDir) => editKeyslots(dataDir, (file) => (file.mac = `${file.mac[0] === '0' ? '1' : '0'}${file.mac.slice(1)}`)), 'DATA_DAMAGED');
  });

  it("with the ciphertext of the user's own slot changed is refused with DATA_DAMAGED (CLI exit 4) and left as it was", async () => {
    await expectRefusedUntouched((dataDir) => editKeyslots(dataDir, (file) => {
      const slot = file.slots.find((s) => s.username === 'admin')!;
      slot.privateKey.ciphertext = flipBase64(slot.privateKey.ciphertext);
    }), 'DATA_DAMAGED');
  });

  it("with the sealed master key of the user's slot changed is refused with DATA_DAMAGED (CLI exit 4) and left as it was", async () => {
    await expectRefusedUntouched((dataDir) => editKeyslots(dataDir, (file) => {
      const slot = file.slots.find((s) => s.username === 'admin')!;
      slot.masterKey.ciphertext = flipBase64(slot.masterKey.ciphertext);
    }), 'DATA_DAMAGED');
  });
});

describe('a database from a newer Paydesk', () => {
  it('with a higher schema version is refused with SCHEMA_TOO_NEW (CLI exit 4) and left as it was', async () => {
    await expectRefusedUntouched((dataDir, hexKey) => {
      const raw = rawOpen(join(dataDir, 'paydesk.db'), hexKey);
      raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      raw.close();
    }, 'SCHEMA_TOO_NEW');
  });

  it('with a migration this build does not know is refused with SCHEMA_TOO_NEW (CLI exit 4) and left as it was', async () => {
    await expectRefusedUntouched((dataDir, hexKey) => {
      const raw = rawOpen(join(dataDir, 'paydesk.db'), hexKey);
      raw.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999_from_the_future', new Date().toISOString());
      raw.close();
    }, 'SCHEMA_TOO_NEW');
  });
});

describe('a changed audit row', () => {
  it('makes verify exit 1 and name that row', async () => {
    const { dataDir, hexKey } = await closedDataFolder();
    const raw = rawOpen(join(dataDir, 'paydesk.db'), hexKey);
    expect(raw.prepare('SELECT action FROM audit_log WHERE id = 2').pluck().get()).toBe('staff.add');
    raw.prepare(`UPDATE audit_log SET after_json = replace(after_json, 'teller', 'admin') WHERE id = 2`).run();
    raw.close();

    const json = await cliVerify(dataDir);
    expect(json.code).toBe(1);
    expect(jsonOf(json)).toMatchObject({ ok: false, checks: expect.arrayContaining([expect.objectContaining({ name: 'audit.chain', ok: false, detail: expect.any(String), firstViolation: 'audit_log#2' })]) });
    const text = await runCli(['verify', '--data', dataDir, '--user', 'admin'], { PAYDESK_PASSPHRASE: ADMIN.passphrase });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/FAIL audit\.chain: audit row 2 .*\(first: audit_log#2\)/);
    expect(text.stdout).toMatch(/VIOLATIONS FOUND/);
  });
});

describe('a page damaged further in', () => {
  /** A folder with enough transfers that most pages are journal pages sign-in never reads. */
  async function folderWithJournal(): Promise<{ dataDir: string }> {
    const { router, dataDir } = await setUpRouter();
    const store = router.state.requireStore();
    const cash = systemAccount(store, 'branch_cash', 'CNY');
    const merchant = systemAccount(store, 'merchant_settlement', 'CNY');
    postBulk(store, Array.from({ length: 20_000 }, (_, i) => ({ idempotencyKey: `bulk-${i}`, debitAccountId: cash.id, creditAccountId: merchant.id, amount: 100 + i, kind: 'adjustment', actor: ADMIN.username, memo: 'x'.repeat(60) })), { chunkSize: 5_000 });
    router.close();
    return { dataDir };
  }

  it('does not slow unlocking: sign-in works, the check after it names the damage to admins in app.status and the audit log, and verify exits 4', async () => {
    const { dataDir } = await folderWithJournal();
    const file = join(dataDir, 'paydesk.db');
    const bytes = readFileSync(file);
    const pages = bytes.length / 4096;
    const page = Math.floor(pages / 2);
    randomBytes(4096).copy(bytes, page * 4096);
    writeFileSync(file, bytes);

    const router = createRouter({ dataDir, background: true });
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await expect.poll(async () => (await ok(router, 'app.status', {})).damagedPages, { timeout: 20_000 }).not.toBeNull();
    const rows = (await ok(router, 'audit.list', { action: 'store.pagesDamaged' })).rows;
    expect(rows).toMatchObject([{ actor: 'system', action: 'store.pagesDamaged' }]);
    router.close();

    const verify = await cliVerify(dataDir);
    // Verify reads every page: the damage it cannot read past is DATA_DAMAGED (exit 4), as it was at open before.
    expect(verify.code).toBe(4);
    expect(jsonOf(verify)).toMatchObject({ error: { code: 'DATA_DAMAGED', message: expect.stringContaining('damaged pages') } });
  }, 60_000);

  it('leaves app.status without damage on a sound folder once the check has run', async () => {
    const { dataDir } = await folderWithJournal();
    const router = createRouter({ dataDir, background: true });
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await ok(router, 'app.status', {})).damagedPages).toBeNull();
    expect((await ok(router, 'audit.list', { action: 'store.pagesDamaged' })).rows).toEqual([]);
    router.close();
  }, 60_000);
});
