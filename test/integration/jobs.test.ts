import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { JobRunner } from '../../src-main/jobs/job-runner';
import { durableJob, interruptedJobs, launchDurableJob, recordDurableJob, resumeInterruptedJobs } from '../../src-main/jobs/durable-jobs';
import { runDueTasks, type DueTask } from '../../src-main/jobs/due-tasks';
import { openStore } from '../../src-main/store/store';
import { balanceOf, placeHold } from '../../src-main/ledger';
import { ok, setUpRouter } from '../support/temp-data';
import { runJob } from '../support/jobs';
import { countingJob, createCountingTable } from '../fixtures/counting-job';
import { addMember, counterRouter, nextKey, signInAs, snapshot } from './members-fixtures';

// The shared job machinery: progress as done of total, cancellation between items, durable
// jobs that pause with the store and resume from their checkpoint, and due tasks.

async function storeWithCountingTable() {
  const { router, dataDir } = await setUpRouter();
  const store = router.state.requireStore();
  createCountingTable(store.sqlite);
  return { router, dataDir, store };
}

function itemCounts(sqlite: { prepare(sql: string): { all(): unknown[] } }) {
  return sqlite.prepare('SELECT item, count(*) AS n FROM job_test_items GROUP BY item ORDER BY item').all() as { item: number; n: number }[];
}

describe('jobs', () => {
  it('reports a backup as done of total steps and ends with done = total', async () => {
    const { router } = await setUpRouter();
    const answer = await runJob(router, 'backup.create', {});
    expect(answer).toMatchObject({ ok: true, value: { kind: 'backup.create', state: 'done', done: 4, total: 4, cancellable: false, durable: false, error: null } });
  });

  it('refuses to cancel a job that cannot be stopped with JOB_NOT_CANCELLABLE, and the job still finishes', async () => {
    const { router } = await setUpRouter();
    const { jobId } = await ok(router, 'backup.create', {});
    expect(await router.invoke('jobs.cancel', { id: jobId })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_CANCELLABLE', details: { field: 'id' } } });
    expect(await router.state.jobs.wait(jobId)).toMatchObject({ state: 'done' });
    expect(await ok(router, 'backup.list', {})).toHaveLength(1);
  });

  it('answers JOB_NOT_FOUND for a job of another session', async () => {
    const { router } = await setUpRouter();
    const { jobId } = await ok(router, 'backup.create', {});
    await router.state.jobs.wait(jobId);
    await signInAs(router, 'admin');
    expect(await router.invoke('jobs.get', { id: jobId })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });

  it('stops a durable job at the next item when cancelled, keeping exactly the items it finished', async () => {
    const { store } = await storeWithCountingTable();
    const runner = new JobRunner(() => ['admin@now', 'person:admin']);
    const id = recordDurableJob(store, countingJob, { total: 50_000, chunk: 10 }, 'admin', new Date());
    launchDurableJob(runner, store, countingJob, id, 'admin', () => new Date());
    runner.cancel(id);
    const job = await runner.wait(id);
    expect(job).toMatchObject({ state: 'cancelled', durable: true, error: { code: 'JOB_CANCELLED' } });
    const row = durableJob(store, id)!;
    expect(row.state).toBe('cancelled');
    expect(itemCounts(store.sqlite)).toHaveLength(row.done);
    expect(row.done).toBeLessThan(50_000);
    // A cancelled job is never resumed.
    expect(interruptedJobs(store)).toEqual([]);
  });

  it('pauses a durable job when its store closes, and resumes it from the checkpoint at the next open', async () => {
    const { store, dataDir } = await storeWithCountingTable();
    const masterKey = Buffer.from(store.masterKey);
    const runner = new JobRunner();
    const id = recordDurableJob(store, countingJob, { total: 20_000, chunk: 10 }, 'admin', new Date());
    launchDurableJob(runner, store, countingJob, id, 'admin', () => new Date());
    await new Promise((resolve) => setTimeout(resolve, 20));
    store.close();
    expect(await runner.wait(id)).toMatchObject({ state: 'failed', error: { code: 'LOCKED' } });

    const reopened = await openStore(dataDir, masterKey);
    try {
      expect(interruptedJobs(reopened).map((job) => job.id)).toEqual([id]);
      const paused = durableJob(reopened, id)!;
      expect(paused.done).toBeLessThan(20_000);
      expect(itemCounts(reopened.sqlite)).toHaveLength(paused.done);
      expect(resumeInterruptedJobs(runner, reopened, [countingJob as never], () => new Date())).toEqual([id]);
      expect(await runner.wait(id)).toMatchObject({ state: 'done', done: 20_000, total: 20_000, result: { items: 20_000 } });
      const counts = itemCounts(reopened.sqlite);
      expect(counts).toHaveLength(20_000);
      expect(counts.every((row, index) => row.item === index && row.n === 1)).toBe(true);
    } finally {
      reopened.close();
    }
  });

  it('marks a durable job failed with the step’s code, keeping the steps before it', async () => {
    const { store } = await storeWithCountingTable();
    const failing = {
      ...countingJob,
      step: (s: typeof store, params: { total: number; chunk: number }, checkpoint: { next: number }, now: Date) => {
        if (checkpoint.next >= 30) throw new AppError('AMOUNT_INVALID', 'item 30 is refused');
        return countingJob.step(s, params, checkpoint, now);
      },
    };
    const runner = new JobRunner();
    const id = recordDurableJob(store, failing, { total: 100, chunk: 10 }, 'admin', new Date());
    launchDurableJob(runner, store, failing, id, 'admin', () => new Date());
    expect(await runner.wait(id)).toMatchObject({ state: 'failed', error: { code: 'AMOUNT_INVALID' } });
    expect(durableJob(store, id)).toMatchObject({ state: 'failed', done: 30, error: { code: 'AMOUNT_INVALID' } });
    expect(itemCounts(store.sqlite)).toHaveLength(30);
  });
});

describe('due tasks', () => {
  /** Card authorizations expire first (issue 10), before the holds any other operation placed. */
  const NO_AUTHORIZATION_DUE = { task: 'cards.expireAuthorizations', counts: { expired: 0 }, error: null };
  /** The points tasks (issue 9) with no lot due and no tier to lower, and no card past its expiry month (issue 10). */
  const NOTHING_ELSE_DUE = [
    { task: 'points.expireLots', counts: { members: 0, lots: 0, points: 0 }, error: null },
    { task: 'points.downgradeTiers', counts: { downgraded: 0 }, error: null },
    { task: 'cards.expireCards', counts: { expired: 0 }, error: null },
  ];

  it('runs every due task for finance through jobs.runDue and says what each did', async () => {
    const { router } = await counterRouter('finance', ['teller']);
    await signInAs(router, 'teller');
    const member = await addMember(router);
    await ok(router, 'wallets.deposit', { memberId: member.id, amount: 1_000, currency: 'CNY', idempotencyKey: nextKey() });
    await signInAs(router, 'finance');
    const store = router.state.requireStore();
    const wallet = store.sqlite.prepare('SELECT account_id FROM member_wallets WHERE member_id = ?').pluck().get(member.id) as number;
    const cash = store.sqlite.prepare(`SELECT id FROM accounts WHERE code = '1000-CNY'`).pluck().get() as number;
    placeHold(store, { idempotencyKey: 'hold-1', debitAccountId: wallet, creditAccountId: cash, amount: 400, kind: 'withdrawal', actor: 'fiona', expiresAt: new Date(Date.now() + 50) });
    expect(balanceOf(store, wallet).available).toBe(600);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await ok(router, 'jobs.runDue', {})).toEqual([NO_AUTHORIZATION_DUE, { task: 'ledger.expireHolds', counts: { voided: 1 }, error: null }, ...NOTHING_ELSE_DUE]);
    expect(balanceOf(store, wallet)).toMatchObject({ posted: 1_000, available: 1_000 });
    expect((await ok(router, 'audit.list', { action: 'ledger.expireHolds' })).rows).toMatchObject([{ actor: 'fiona', after: { voided: 1 } }]);
    expect(await ok(router, 'jobs.runDue', {})).toEqual([NO_AUTHORIZATION_DUE, { task: 'ledger.expireHolds', counts: { voided: 0 }, error: null }, ...NOTHING_ELSE_DUE]);
  });

  it('refuses jobs.runDue to a teller with FORBIDDEN and changes nothing', async () => {
    const { router } = await counterRouter('teller');
    const before = snapshot(router);
    expect(await router.invoke('jobs.runDue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'jobs.run' } } });
    expect(snapshot(router)).toEqual(before);
  });

  it('reports a failing task with its code and still runs the others', async () => {
    const { store } = await storeWithCountingTable();
    const calls: string[] = [];
    const tasks: DueTask[] = [
      { name: 'test.refuses', run: () => { throw new AppError('DATA_DAMAGED', 'a row is broken'); } },
      { name: 'test.counts', run: (_s, actor) => { calls.push(actor); return { counted: 3 }; } },
    ];
    expect(runDueTasks(store, tasks, 'system', new Date())).toEqual([
      { task: 'test.refuses', counts: {}, error: { code: 'DATA_DAMAGED', message: 'a row is broken' } },
      { task: 'test.counts', counts: { counted: 3 }, error: null },
    ]);
    expect(calls).toEqual(['system']);
  });
});
