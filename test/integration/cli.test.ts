import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseKeyHex } from '../support/database-key';
import { ADMIN, TELLER, ok, tempDataDir, testRouter } from '../support/temp-data';
import { jsonOf, runCli, type CliRun } from '../support/cli';
import { folderBytes, rawOpen } from '../support/files';

// The CLI contract of DESIGN.md §8, run as a child process the way an admin or a script runs it.

const asAdmin = { PAYDESK_PASSPHRASE: ADMIN.passphrase };
const withRecoveryKey = (key: string) => ({ PAYDESK_RECOVERY_KEY: key });
const AUDITOR = { username: 'audrey', passphrase: 'auditor passphrase 2026' };

async function initFolder(): Promise<{ dataDir: string; recoveryKey: string }> {
  const dataDir = tempDataDir();
  const run = await runCli(['init', '--data', dataDir, '--admin', 'admin', '--json'], asAdmin);
  expect(run.code).toBe(0);
  return { dataDir, recoveryKey: jsonOf<{ recoveryKey: string }>(run).recoveryKey };
}

function staffList(dataDir: string): Promise<CliRun> {
  return runCli(['staff', 'list', '--data', dataDir, '--json'], asAdmin);
}

describe('paydesk init and verify', () => {
  it('prints the recovery key, the trust fingerprint and the folder as JSON, encrypts the database, and verify exits 0 quoting the fingerprint', async () => {
    const dataDir = tempDataDir();
    const run = await runCli(['init', '--data', dataDir, '--admin', 'admin', '--json'], asAdmin);
    expect(run.code).toBe(0);
    const printed = jsonOf<Record<string, string>>(run);
    expect(Object.keys(printed).sort()).toEqual(['dataDir', 'recoveryKey', 'trustFingerprint']);
    expect(printed).toEqual({
      dataDir,
      recoveryKey: expect.stringMatching(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/),
      trustFingerprint: expect.stringMatching(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/),
    });

    const header = readFileSync(join(dataDir, 'paydesk.db')).subarray(0, 16);
    expect(header.equals(Buffer.from('SQLite format 3\0', 'latin1'))).toBe(false);
    const raw = rawOpen(join(dataDir, 'paydesk.db'), databaseKeyHex(dataDir, printed.recoveryKey!), { readonly: true });
    expect(raw.prepare('SELECT username, role FROM staff').all()).toEqual([{ username: 'admin', role: 'admin' }]);
    raw.close();

    const [byRecoveryKey, byPassphrase] = await Promise.all([
      runCli(['verify', '--data', dataDir], withRecoveryKey(printed.recoveryKey!)),
      runCli(['verify', '--data', dataDir, '--user', 'admin'], asAdmin),
    ]);
    expect(byRecoveryKey).toMatchObject({ code: 0, stdout: expect.stringContaining('verify: clean') });
    expect(byPassphrase.code).toBe(0);
    expect(byPassphrase.stdout).toContain(`trust fingerprint: ${printed.trustFingerprint}`);
  });

  it('refuses a second init with exit 5 and keeps the first admin', async () => {
    const { dataDir } = await initFolder();
    const again = await runCli(['init', '--data', dataDir, '--admin', 'mallory'], asAdmin);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('ALREADY_INITIALIZED');
    expect(jsonOf<{ username: string }[]>(await staffList(dataDir)).map((s) => s.username)).toEqual(['admin']);
  });
});

describe('paydesk staff', () => {
  it('adds, lists and disables staff', async () => {
    const { dataDir } = await initFolder();
    const added = await runCli(['staff', 'add', '--data', dataDir, '--username', TELLER.username, '--role', 'teller', '--name', TELLER.displayName, '--json'], {
      ...asAdmin,
      PAYDESK_NEW_PASSPHRASE: TELLER.passphrase,
    });
    expect(added.code).toBe(0);
    expect(jsonOf(added)).toMatchObject({ username: 'tina', role: 'teller', status: 'active', displayName: '张三丰' });

    const disabled = await runCli(['staff', 'disable', '--data', dataDir, '--username', TELLER.username], asAdmin);
    expect(disabled).toMatchObject({ code: 0, stdout: 'Disabled tina.\n' });
    const list = jsonOf<{ username: string; status: string }[]>(await staffList(dataDir));
    expect(list.map((s) => [s.username, s.status])).toEqual([['admin', 'active'], ['tina', 'disabled']]);
  });

  it('refuses staff add by an auditor with exit 5 and writes nothing', async () => {
    const { dataDir } = await initFolder();
    const auditor = await runCli(['staff', 'add', '--data', dataDir, '--username', AUDITOR.username, '--role', 'auditor'], {
      ...asAdmin,
      PAYDESK_NEW_PASSPHRASE: AUDITOR.passphrase,
    });
    expect(auditor.code).toBe(0);
    const keyslots = readFileSync(join(dataDir, 'keyslots.json'));

    const refused = await runCli(['staff', 'add', '--data', dataDir, '--user', AUDITOR.username, '--username', 'eve', '--role', 'admin'], {
      PAYDESK_PASSPHRASE: AUDITOR.passphrase,
      PAYDESK_NEW_PASSPHRASE: 'eve passphrase 2026 long',
    });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('FORBIDDEN');
    expect(readFileSync(join(dataDir, 'keyslots.json')).equals(keyslots)).toBe(true);
    expect(jsonOf<{ username: string }[]>(await staffList(dataDir)).map((s) => s.username)).toEqual(['admin', 'audrey']);
  });
});

describe('several processes at once', () => {
  it('signs six CLI processes in together, each recording its sign-in (none answers "database is locked")', async () => {
    const { dataDir, recoveryKey } = await initFolder();
    const byKey = { PAYDESK_RECOVERY_KEY: recoveryKey };
    const runs = await Promise.all([
      ...[1, 2, 3, 4].map(() => runCli(['db-key', '--data', dataDir], byKey)),
      runCli(['verify', '--data', dataDir], asAdmin),
      runCli(['staff', 'list', '--data', dataDir], asAdmin),
    ]);
    expect(runs.map((run) => [run.code, run.stderr])).toEqual(runs.map(() => [0, '']));
  });
});

describe('paydesk jobs run', () => {
  it('runs every due task once as the signed-in admin and prints what each did', async () => {
    const { dataDir } = await initFolder();
    const run = await runCli(['jobs', 'run', '--data', dataDir, '--json'], asAdmin);
    expect(run.code).toBe(0);
    expect(jsonOf(run)).toEqual([
      { task: 'cards.expireAuthorizations', counts: { expired: 0 }, error: null },
      { task: 'ledger.expireHolds', counts: { voided: 0 }, error: null },
      { task: 'points.expireLots', counts: { members: 0, lots: 0, points: 0 }, error: null },
      { task: 'points.downgradeTiers', counts: { downgraded: 0 }, error: null },
      { task: 'cards.expireCards', counts: { expired: 0 }, error: null },
    ]);
    const text = await runCli(['jobs', 'run', '--data', dataDir], asAdmin);
    expect(text.stdout.trim().split('\n')).toEqual([
      'ok   cards.expireAuthorizations: 0 card authorizations expired, their holds released',
      'ok   ledger.expireHolds: 0 expired holds voided',
      'ok   points.expireLots: 0 lots of 0 members expired, 0 points',
      'ok   points.downgradeTiers: 0 members moved down a tier',
      'ok   cards.expireCards: 0 cards past their expiry month cancelled',
    ]);
  });

  it('refuses an auditor with exit 5 (FORBIDDEN) and writes nothing', async () => {
    const { dataDir } = await initFolder();
    await runCli(['staff', 'add', '--data', dataDir, '--username', AUDITOR.username, '--role', 'auditor'], { ...asAdmin, PAYDESK_NEW_PASSPHRASE: AUDITOR.passphrase });
    const journalHead = async () => jsonOf<{ heads: Record<string, string> }>(await runCli(['verify', '--data', dataDir, '--json'], asAdmin)).heads.journal;
    const before = await journalHead();
    const refused = await runCli(['jobs', 'run', '--data', dataDir, '--user', AUDITOR.username], { PAYDESK_PASSPHRASE: AUDITOR.passphrase });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('FORBIDDEN');
    expect(await journalHead()).toBe(before);
  });
});

describe('usage errors', () => {
  it('exit 2: an unknown command, a missing --data, an unknown option, a bad role, a missing --from', async () => {
    const { dataDir } = await initFolder();
    const runs = await Promise.all([
      runCli(['frobnicate']),
      runCli(['verify'], asAdmin),
      runCli(['verify', '--data', dataDir, '--bogus'], asAdmin),
      runCli(['staff', 'add', '--data', dataDir, '--username', 'x1', '--role', 'root'], asAdmin),
      runCli(['restore', '--data', dataDir], asAdmin),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2]);
    expect(runs[0]!.stderr).toContain('usage: paydesk <command>');
    expect(runs[2]!.stderr).toContain('--bogus');
    expect(runs[3]!.stderr).toContain('--role must be one of');
    expect(jsonOf<{ username: string }[]>(await staffList(dataDir)).map((s) => s.username)).toEqual(['admin']);
  });
});

describe('authentication', () => {
  it('exit 3: a wrong passphrase, a wrong recovery key (from the environment or stdin); exit 2: a malformed recovery key, said to be one', async () => {
    const { dataDir } = await initFolder();
    const runs = await Promise.all([
      runCli(['verify', '--data', dataDir, '--user', 'admin'], { PAYDESK_PASSPHRASE: 'not the passphrase 1' }),
      runCli(['verify', '--data', dataDir], withRecoveryKey('ab'.repeat(32))),
      runCli(['verify', '--data', dataDir, '--recovery-key-stdin'], {}, `${'ab'.repeat(32)}\n`),
      runCli(['verify', '--data', dataDir], withRecoveryKey('not-a-key')),
    ]);
    expect(runs.map((run) => run.code)).toEqual([3, 3, 3, 2]);
    expect(runs.map((run) => /AUTH_FAILED/.test(run.stderr))).toEqual([true, true, true, false]);
    expect(runs[3]!.stderr).toContain('INVALID_INPUT: That is not a recovery key');
  });

  it('takes the recovery key from PAYDESK_RECOVERY_KEY or standard input, never from the command line (exit 2, saying how)', async () => {
    const { dataDir, recoveryKey } = await initFolder();
    const empty = tempDataDir();
    const before = folderBytes(dataDir);
    const refused = await Promise.all([
      runCli(['verify', '--data', dataDir, '--recovery-key', recoveryKey]),
      runCli(['restore', '--data', empty, '--from', join(dataDir, 'none.pdbk'), '--recovery-key', recoveryKey]),
      runCli(['verify', '--data', dataDir, '--recovery']),
    ]);
    expect(refused.map((run) => run.code)).toEqual([2, 2, 2]);
    for (const run of refused.slice(0, 2)) {
      expect(run.stderr).toMatch(/INVALID_INPUT: --recovery-key would show the key.*PAYDESK_RECOVERY_KEY.*--recovery-key-stdin.*--recovery/);
      expect(run.stderr).not.toContain(recoveryKey);
    }
    expect(refused[2]!.stderr).toContain('No recovery key given');
    expect(folderBytes(dataDir)).toEqual(before);
    expect(folderBytes(empty)).toEqual({});

    const [fromEnv, fromStdin] = await Promise.all([
      runCli(['verify', '--data', dataDir], withRecoveryKey(recoveryKey)),
      runCli(['verify', '--data', dataDir, '--recovery-key-stdin'], {}, `${recoveryKey}\n`),
    ]);
    expect([fromEnv.code, fromStdin.code]).toEqual([0, 0]);
  });
});

describe('paydesk backup, restore and rekey', () => {
  it('backs up to a file and restores from it, keeping the data before the restore', async () => {
    const { dataDir } = await initFolder();
    const out = join(tempDataDir(), 'branch.pdbk');
    const backup = await runCli(['backup', '--data', dataDir, '--out', out, '--json'], asAdmin);
    expect(backup.code).toBe(0);
    expect(jsonOf(backup)).toMatchObject({ name: 'branch.pdbk', path: out, size: readFileSync(out).length });
    await runCli(['staff', 'add', '--data', dataDir, '--username', 'tina', '--role', 'teller'], { ...asAdmin, PAYDESK_NEW_PASSPHRASE: TELLER.passphrase });

    const restore = await runCli(['restore', '--data', dataDir, '--from', out, '--json'], asAdmin);
    expect(restore.code).toBe(0);
    expect(jsonOf(restore)).toMatchObject({ restoredFrom: out, reencrypted: false, safetyBackup: { name: expect.stringMatching(/before-restore\.pdbk$/) } });
    expect(jsonOf<{ username: string }[]>(await staffList(dataDir)).map((s) => s.username)).toEqual(['admin']);
  });

  it('rekeys under a new database key while the recovery key stays the same', async () => {
    const { dataDir, recoveryKey } = await initFolder();
    const before = databaseKeyHex(dataDir, recoveryKey);
    const text = await runCli(['rekey', '--data', dataDir], asAdmin);
    expect(text).toMatchObject({ code: 0, stdout: expect.stringContaining('the recovery key are unchanged') });
    expect(text.stdout).not.toMatch(/([0-9A-F]{4}-){15}[0-9A-F]{4}/);
    const json = await runCli(['rekey', '--data', dataDir, '--json'], withRecoveryKey(recoveryKey));
    expect(json.code).toBe(0);
    expect(jsonOf(json)).toEqual({ recoveryKey: null });
    expect(databaseKeyHex(dataDir, recoveryKey)).not.toBe(before);
    expect((await runCli(['verify', '--data', dataDir], withRecoveryKey(recoveryKey))).code).toBe(0);
  });

  it('restores a backup into an empty folder with that backup\'s own recovery key or passphrase', async () => {
    const { dataDir, recoveryKey } = await initFolder();
    const out = join(tempDataDir(), 'offsite.pdbk');
    expect((await runCli(['backup', '--data', dataDir, '--out', out], asAdmin)).code).toBe(0);
    const [wrongKey, byKey, byPassphrase] = [tempDataDir(), tempDataDir(), tempDataDir()];

    const runs = await Promise.all([
      runCli(['restore', '--data', wrongKey, '--from', out], withRecoveryKey('ab'.repeat(32))),
      runCli(['restore', '--data', byKey, '--from', out], withRecoveryKey(recoveryKey)),
      runCli(['restore', '--data', byPassphrase, '--from', out, '--user', 'admin'], asAdmin),
    ]);
    expect(runs.map((run) => run.code)).toEqual([3, 0, 0]);
    expect(existsSync(join(byKey, 'recovery-slot.json'))).toBe(true);
    const verified = await Promise.all([
      runCli(['verify', '--data', byKey], withRecoveryKey(recoveryKey)),
      runCli(['verify', '--data', byPassphrase, '--user', 'admin'], asAdmin),
    ]);
    expect(verified.map((run) => run.code)).toEqual([0, 0]);
  });

  it('refuses rekey with exit 5 (DATA_IN_USE) while another process has the data open, and the key stays', async () => {
    const { dataDir, recoveryKey } = await initFolder();
    const app = testRouter(dataDir);
    await ok(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });

    const refused = await runCli(['rekey', '--data', dataDir], asAdmin);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(`DATA_IN_USE: Cannot rekey: process ${process.pid} has this data folder open.`);
    app.close();
    expect((await runCli(['verify', '--data', dataDir], withRecoveryKey(recoveryKey))).code).toBe(0);
  });
});

describe('paydesk verify --anchor', () => {
  interface Anchored {
    ok: boolean;
    anchor: { ok: boolean; findings: { chain: string; ok: boolean; detail: string }[] };
  }
  const verifyAnchor = (dataDir: string, anchor: string, json = false) =>
    runCli(['verify', '--data', dataDir, '--anchor', anchor, ...(json ? ['--json'] : [])], asAdmin);

  it('exits 0 while the ledger is unchanged or grew, and 1 naming both chains once the newest transfers and audit rows are gone', async () => {
    const { dataDir } = await initFolder();
    const scratch = tempDataDir();
    // The folder before the demo: rolling back to it cuts the newest rows off every chain the demo
    // grew (the journal, the audit log, and the certificates: it adds a finance colleague who
    // approves its payout batch) while every chain, total and sequence stays consistent, so
    // verify alone sees nothing.
    const earlier = join(scratch, 'earlier');
    cpSync(dataDir, earlier, { recursive: true });
    expect((await runCli(['demo', '--data', dataDir, '--members', '2', '--transfers', '3'], asAdmin)).code).toBe(0);

    const taken = await runCli(['verify', '--data', dataDir, '--json'], asAdmin);
    expect(taken.code).toBe(0);
    const report = jsonOf<{ trustFingerprint: string; certificate: { takenBy: string; chains: Record<string, { length: number }>; signature: unknown; trustFingerprint: string } }>(taken);
    expect(report.certificate).toMatchObject({ takenBy: 'admin', signature: { publicKey: expect.any(String), value: expect.any(String) }, trustFingerprint: report.trustFingerprint });
    // The whole printed report and the certificate alone both serve as anchors.
    const reportFile = join(scratch, 'verify.json');
    const certificateFile = join(scratch, 'certificate.json');
    writeFileSync(reportFile, taken.stdout);
    writeFileSync(certificateFile, JSON.stringify(report.certificate));
    const backupFile = join(scratch, 'anchor.pdbk');
    expect((await runCli(['backup', '--data', dataDir, '--out', backupFile], asAdmin)).code).toBe(0);

    const [unchanged, grown] = [await verifyAnchor(dataDir, certificateFile), await verifyAnchor(dataDir, reportFile, true)];
    expect(unchanged).toMatchObject({ code: 0, stdout: expect.stringContaining('verify: clean, extends the anchor') });
    expect(unchanged.stdout).toContain(`ok   anchor.journal: ${report.certificate.chains.journal!.length} rows, extends the anchor unchanged`);
    // Each sign-in since added an audit row.
    expect(jsonOf<Anchored>(grown).anchor.findings[1]).toMatchObject({ chain: 'audit', ok: true, detail: expect.stringMatching(/extends the anchor by \d+$/) });

    rmSync(dataDir, { recursive: true, force: true });
    cpSync(earlier, dataDir, { recursive: true });
    expect(await runCli(['verify', '--data', dataDir], asAdmin)).toMatchObject({ code: 0, stdout: expect.stringContaining('verify: clean') });
    const [cut, cutByBackup] = [await verifyAnchor(dataDir, certificateFile), await verifyAnchor(dataDir, backupFile, true)];
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/FAIL anchor\.journal: the journal chain was cut: 0 rows, the anchor has \d+/);
    expect(cut.stdout).toMatch(/FAIL anchor\.audit: the audit chain was cut: \d+ rows, the anchor has \d+/);
    expect(cut.stdout).toContain('verify: VIOLATIONS FOUND');
    expect(cutByBackup.code).toBe(1);
    expect(jsonOf<Anchored>(cutByBackup)).toMatchObject({ ok: true, anchor: { ok: false, findings: [{ chain: 'journal', ok: false }, { chain: 'audit', ok: false }, { chain: 'certificates', ok: false }, { chain: 'checkpoints', ok: false }, { chain: 'trust', ok: true }, { chain: 'signature', ok: true }] } });
  }, 60_000);

  it('exit 2 (INVALID_INPUT): an anchor that is missing, not JSON, or not a certificate', async () => {
    const { dataDir } = await initFolder();
    const scratch = tempDataDir();
    const notJson = join(scratch, 'notes.txt');
    writeFileSync(notJson, 'the last certificate, I think');
    const badHead = join(scratch, 'bad-head.json');
    const { certificate } = jsonOf<{ certificate: { chains: { journal: { head: string } } } }>(await runCli(['verify', '--data', dataDir, '--json'], asAdmin));
    certificate.chains.journal.head = 'not a hash';
    writeFileSync(badHead, JSON.stringify(certificate));
    const runs = await Promise.all([join(scratch, 'missing.json'), notJson, badHead].map((file) => verifyAnchor(dataDir, file)));
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2]);
    expect(runs.map((run) => run.stderr.includes('INVALID_INPUT'))).toEqual([true, true, true]);
    expect(runs[0]!.stderr).toContain('does not exist');
    expect(runs[1]!.stderr).toContain('neither a backup nor a verification certificate');
    expect(runs[2]!.stderr).toContain('head');
  }, 60_000);
});
