import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import type { ChannelName, ChannelOutput, ChannelInput } from '../../src-shared/contract';

export const ADMIN = { username: 'admin', displayName: 'Ada Admin', passphrase: 'correct horse battery 42' };
export const TELLER = { username: 'tina', displayName: '张三丰', role: 'teller' as const, passphrase: 'teller passphrase 2026' };

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh temporary data folder, removed after the test. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function testRouter(dataDir = tempDataDir()): Router {
  const router = createRouter({ dataDir });
  cleanups.push(() => router.close());
  return router;
}

/** Calls a channel and fails the test unless it answers ok. */
export async function ok<C extends ChannelName>(router: Router, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const answer = await router.invoke(channel, input);
  if (!answer.ok) throw new Error(`${channel} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

/** A router on a new data folder, set up with the first admin and signed in as them. */
export async function setUpRouter(): Promise<{ router: Router; dataDir: string; recoveryKey: string }> {
  const dataDir = tempDataDir();
  const router = testRouter(dataDir);
  const { recoveryKey } = await ok(router, 'setup.init', ADMIN);
  return { router, dataDir, recoveryKey };
}

/** Locks the router's session and unlocks it as `person`. */
export async function signInAs(router: Router, person: { username: string; passphrase: string }): Promise<void> {
  await ok(router, 'session.lock', {});
  await ok(router, 'session.unlock', { username: person.username, passphrase: person.passphrase });
}
