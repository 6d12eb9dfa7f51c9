import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { createRouter, type Router } from '../src-main/api/router';
import { elapsedMs, FOUNDER, round, type Bench } from './support';
import { afterUnlockMs, BUILT_RENDERER, ensureBuiltRenderer, median, must, RUNS, withReviewBrowser } from './ui-support';

// ui.first_screen and ui.members_after_unlock.100k (issue 8): the built renderer in Chromium,
// served with the real router the way review mode serves it (src-main/preview), on a data folder
// holding 100,000 demo members. Each figure is the median of five runs; every page load fetches
// the whole bundle again (the server answers `no-store`), so no run is warmer than a user's first.
const MEMBERS = 100_000;

/** A folder set up by the bench admin and filled with the demo's 100k members, left locked. */
async function folderOf100kMembers(router: Router): Promise<void> {
  await must(router.invoke('setup.init', { username: FOUNDER.username, displayName: FOUNDER.displayName, passphrase: FOUNDER.passphrase }), 'setup.init');
  const loadStart = process.hrtime.bigint();
  await must(router.invoke('demo.load', { members: MEMBERS, transfers: MEMBERS, seed: 1 }), 'demo.load');
  process.stderr.write(`bench: demo of ${MEMBERS} members loaded in ${round(elapsedMs(loadStart) / 1000, 1)} s\n`);
  await must(router.invoke('session.lock', {}), 'session.lock');
}

/** Navigation to a passphrase field that takes input: the app's first screen, ready for a person. */
async function firstScreenMs(context: BrowserContext, origin: string): Promise<number> {
  const page = await context.newPage();
  const start = process.hrtime.bigint();
  await page.goto(`${origin}/`);
  await page.locator('input[name="passphrase"]:enabled').waitFor();
  const ms = elapsedMs(start);
  await page.close();
  return ms;
}

const bench: Bench = {
  name: 'ui.screens',
  async run(emit) {
    ensureBuiltRenderer();
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
    const router = createRouter({ dataDir: dir, background: false });
    try {
      await folderOf100kMembers(router);
      const { firstScreen, membersAfterUnlock } = await withReviewBrowser(router, BUILT_RENDERER, async (context, origin) => {
        const runs = { firstScreen: [] as number[], membersAfterUnlock: [] as number[] };
        for (let run = 0; run < RUNS; run += 1) {
          runs.firstScreen.push(await firstScreenMs(context, origin));
          // From pressing Unlock on the members list's address to its first row.
          runs.membersAfterUnlock.push(await afterUnlockMs(context, origin, router, '/members', (page) => page.locator('.MuiDataGrid-row[data-rowindex="0"]').waitFor({ timeout: 60_000 })));
        }
        return runs;
      });
      process.stderr.write(`bench: ui.first_screen runs ${firstScreen.map((ms) => round(ms, 0)).join(', ')} ms\n`);
      process.stderr.write(`bench: ui.members_after_unlock.100k runs ${membersAfterUnlock.map((ms) => round(ms, 0)).join(', ')} ms\n`);
      emit({ bench: 'ui.first_screen', value: round(median(firstScreen), 0), unit: 'ms', goal: 800 });
      emit({ bench: 'ui.members_after_unlock.100k', value: round(median(membersAfterUnlock), 0), unit: 'ms', goal: 500 });
    } finally {
      router.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
