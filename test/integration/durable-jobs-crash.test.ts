import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, openStore } from '../../src-main/store/store';
import { durableJob, interruptedJobs } from '../../src-main/jobs/durable-jobs';
import { tempDataDir } from '../support/temp-data';
import { runChildKilledAfterReady } from '../support/child-process';

// A checkpointed job is SIGKILLed at random moments, first while it runs and then again and again
// while it resumes, until one run gets to the end. Each step's items and its checkpoint commit
// together, so whatever the moments, every item is written exactly once and the job ends once.

const TOTAL = 20_000;
const CHILD = `node_modules/.cache/paydesk-tests/durable-job-child-${process.pid}.cjs`;

beforeAll(async () => {
  await build({ entryPoints: ['test/fixtures/durable-job-child.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: CHILD, external: ['better-sqlite3-multiple-ciphers'], logLevel: 'error' });
});
afterAll(() => rmSync(CHILD, { force: true }));

/** Runs the child; kills it `delayMs` after it is ready unless it finishes first. Answers whether it finished. */
async function runChild(dataDir: string, masterKey: Buffer, mode: 'start' | 'resume', delayMs: number): Promise<{ finished: boolean; output: string }> {
  const run = await runChildKilledAfterReady(CHILD, [dataDir, mode, String(TOTAL)], { PAYDESK_TEST_MASTER_KEY: masterKey.toString('hex') }, delayMs);
  if (run.signal !== 'SIGKILL' && run.code !== 0) throw new Error(`child failed: ${run.stderr}`);
  return { finished: run.stdout.includes('finished\n'), output: run.stdout };
}

describe('a durable job killed at random moments', () => {
  it('resumes from its checkpoint and writes every item exactly once, finishing once', async () => {
    const dataDir = tempDataDir();
    const masterKey = randomBytes(32);
    (await createStore(dataDir, masterKey)).close();

    // A seeded spread of kill moments (ms after ready), some before the first step, most during.
    let seed = 7;
    const nextDelay = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % 40;
    };
    let kills = 0;
    let run = await runChild(dataDir, masterKey, 'start', nextDelay());
    const jobId = /job (\S+)/.exec(run.output)?.[1];
    expect(jobId, 'the start child records the job before it can be killed').toBeDefined();
    while (!run.finished) {
      kills += 1;
      expect(kills, 'the job gets to the end within 1,000 resumptions').toBeLessThan(1_000);
      run = await runChild(dataDir, masterKey, 'resume', nextDelay());
    }
    // The last run either finished the job or found it finished by a run killed after its last commit.
    expect(run.output).not.toMatch(/ended \S+ (failed|cancelled)/);

    const store = await openStore(dataDir, masterKey);
    try {
      const counts = store.sqlite.prepare('SELECT item, count(*) AS n FROM job_test_items GROUP BY item ORDER BY item').all() as { item: number; n: number }[];
      expect(counts).toHaveLength(TOTAL);
      expect(counts.every((row, index) => row.item === index && row.n === 1)).toBe(true);
      expect(durableJob(store, jobId!)).toMatchObject({ state: 'done', done: TOTAL, total: TOTAL, result: { items: TOTAL } });
      expect(interruptedJobs(store)).toEqual([]);
    } finally {
      store.close();
    }
    // The kills must have landed mid-job, or this test proves nothing.
    expect(kills).toBeGreaterThan(3);
  }, 300_000);
});
