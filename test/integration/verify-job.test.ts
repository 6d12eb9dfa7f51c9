import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { postBulk, systemAccount } from '../../src-main/ledger';
import { VERIFIERS } from '../../src-main/registry';
import type { Job } from '../../src-shared/contract/jobs';
import { CERTIFICATE_FORMAT, verifyJobResultSchema } from '../../src-shared/contract/verify';
import { rawOpen } from '../support/files';
import { ADMIN, ok, setUpRouter } from '../support/temp-data';
import { counterRouter } from './members-fixtures';
import { busyBranch } from './verify-fixtures';

// Issue 8, "Verify on screen": the Integrity screen runs verify as a job (system.startVerify) and
// follows it with jobs.get. It is the same verify the CLI runs through system.verify, one domain
// at a time on a snapshot of its own, so the window answers other calls meanwhile.

/** Follows a job the way the screen does, keeping every progress it saw. */
async function follow(router: Router, jobId: string): Promise<{ job: Job; seen: [number, number | null][] }> {
  const seen: [number, number | null][] = [];
  for (;;) {
    const job = await ok(router, 'jobs.get', { id: jobId });
    seen.push([job.done, job.total]);
    if (job.state !== 'running') return { job, seen };
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const AUDITOR = { username: 'audrey', displayName: 'Audrey Auditor', role: 'auditor' as const, passphrase: 'auditor passphrase 2026' };

const rowCounts = (router: Router) => {
  const { sqlite } = router.state.requireStore();
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { checkpoints: count('checkpoints'), audit: count('audit_log'), transfers: count('transfers') };
};

describe('verify as a job', () => {
  it('reports progress domain by domain and ends with the report system.verify makes of the same data', async () => {
    const { router } = await busyBranch();
    const { certificate: syncCertificate, ...syncReport } = await ok(router, 'system.verify', {});
    const { jobId } = await ok(router, 'system.startVerify', {});
    const { job, seen } = await follow(router, jobId);

    expect(job).toMatchObject({ kind: 'system.verify', state: 'done', done: VERIFIERS.length, total: VERIFIERS.length, cancellable: true, error: null });
    expect(seen.some(([done, total]) => total === VERIFIERS.length && done > 0 && done < total)).toBe(true);
    const { certificate, ...report } = verifyJobResultSchema.parse(job.result);
    expect(report.ok).toBe(true);
    expect(report).toEqual(syncReport);
    expect(certificate).toMatchObject({ format: CERTIFICATE_FORMAT, takenBy: 'admin', ok: true, chains: syncCertificate.chains, trustFingerprint: syncReport.trustFingerprint });
    expect(certificate?.signature?.publicKey).toBe(syncCertificate.signature?.publicKey);
  });

  it('reads the data as it was when it started, while the window goes on writing', async () => {
    const { router } = await busyBranch();
    const { certificate: _, ...before } = await ok(router, 'system.verify', {});
    const { jobId } = await ok(router, 'system.startVerify', {});
    await ok(router, 'members.create', { name: '周八', phone: '13900009999' });
    const { job } = await follow(router, jobId);
    const { certificate, ...report } = verifyJobResultSchema.parse(job.result);
    expect(report).toEqual(before);
    expect(certificate?.chains.audit).toEqual(before.chains.audit);
    expect((await ok(router, 'system.verify', {})).chains.audit!.length).toBeGreaterThan(before.chains.audit!.length);
  });

  it('lets an auditor run it, and signs the certificate as them', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'staff.add', AUDITOR);
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: AUDITOR.username, passphrase: AUDITOR.passphrase });
    const { job } = await follow(router, (await ok(router, 'system.startVerify', {})).jobId);
    expect(job.state).toBe('done');
    expect(verifyJobResultSchema.parse(job.result).certificate).toMatchObject({ ok: true, takenBy: AUDITOR.username });
  });

  it('refuses a teller with FORBIDDEN naming audit.read, and writes no checkpoint or audit row', async () => {
    const { router } = await counterRouter('teller');
    const before = rowCounts(router);
    const answer = await router.invoke('system.startVerify', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'audit.read' } } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rowCounts(router)).toEqual(before);
  });

  it('stops with JOB_CANCELLED when cancelled before it ends', async () => {
    const { router } = await busyBranch();
    const { jobId } = await ok(router, 'system.startVerify', {});
    await ok(router, 'jobs.cancel', { id: jobId });
    const { job } = await follow(router, jobId);
    expect(job).toMatchObject({ state: 'cancelled', result: null, error: { code: 'JOB_CANCELLED' } });
    expect(job.done).toBeLessThan(VERIFIERS.length);
  });

  it('names the transfer a key holder edited behind the app, and still certifies what it read', async () => {
    const { router, dataDir } = await busyBranch();
    const raw = rawOpen(join(dataDir, 'paydesk.db'), router.state.requireStore().masterKey.toString('hex'));
    raw.exec('DROP TRIGGER transfers_no_update');
    raw.prepare('UPDATE transfers SET amount = amount + 100 WHERE id = 3').run();
    raw.close();

    const { job } = await follow(router, (await ok(router, 'system.startVerify', {})).jobId);
    const result = verifyJobResultSchema.parse(job.result);
    expect(job.state).toBe('done');
    expect(result.ok).toBe(false);
    expect(result.checks.find((check) => check.name === 'ledger.chain')).toMatchObject({ ok: false, firstViolation: 'transfers#3' });
    expect(result.certificate).toMatchObject({ ok: false, format: CERTIFICATE_FORMAT });
    expect(router.state.session?.username).toBe('admin');
  });

  it('ends on a page it cannot read with the checks made so far failing and no certificate, where system.verify refuses with DATA_DAMAGED', async () => {
    const { router, dataDir } = await setUpRouter();
    const store = router.state.requireStore();
    const [cash, merchant] = [systemAccount(store, 'branch_cash', 'CNY'), systemAccount(store, 'merchant_settlement', 'CNY')];
    postBulk(store, Array.from({ length: 20_000 }, (_, i) => ({ idempotencyKey: `bulk-${i}`, debitAccountId: cash.id, creditAccountId: merchant.id, amount: 100 + i, kind: 'adjustment', actor: ADMIN.username, memo: 'x'.repeat(60) })), { chunkSize: 5_000 });
    await ok(router, 'session.lock', {});
    const file = join(dataDir, 'paydesk.db');
    const bytes = readFileSync(file);
    randomBytes(4096).copy(bytes, Math.floor(bytes.length / 4096 / 2) * 4096);
    writeFileSync(file, bytes);
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });

    expect(await router.invoke('system.verify', {})).toMatchObject({ ok: false, error: { code: 'DATA_DAMAGED' } });
    const { job } = await follow(router, (await ok(router, 'system.startVerify', {})).jobId);
    expect(job.state).toBe('done');
    const result = verifyJobResultSchema.parse(job.result);
    expect(result).toMatchObject({ ok: false, certificate: null });
    expect(result.checks.filter((check) => !check.ok).map((check) => check.name)).toContain('database.integrity');
  }, 60_000);
});
