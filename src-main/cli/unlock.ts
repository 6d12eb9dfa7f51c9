import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppError } from '../../src-shared/errors';
import { createRouter, type Router } from '../api/router';
import { readKeyslotFile } from '../store/keyslots';
import { dataPaths } from '../store/paths';
import { stringOption, expectOk, type CliContext, type OptionSpec } from './command';

export const UNLOCK_OPTIONS: OptionSpec = {
  data: { type: 'string' },
  user: { type: 'string' },
  'recovery-key': { type: 'string' },
};

export function dataDirOption(ctx: CliContext): string {
  return stringOption(ctx, 'data', true)!;
}

/** PAYDESK_PASSPHRASE, or a prompt when stdin is a terminal (input is not echoed). */
export async function readPassphrase(ctx: CliContext, prompt = 'Passphrase: '): Promise<string> {
  const fromEnv = ctx.env.PAYDESK_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('INVALID_INPUT', 'Set PAYDESK_PASSPHRASE or run in a terminal.', { field: 'PAYDESK_PASSPHRASE' });
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  muted._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

/** Whose slot to use: --user, PAYDESK_USER, the only slot, or `admin`. */
function defaultUser(ctx: CliContext, dataDir: string): string {
  const named = stringOption(ctx, 'user') ?? ctx.env.PAYDESK_USER;
  if (named) return named;
  const path = dataPaths(dataDir).keyslots;
  if (existsSync(path)) {
    const slots = readKeyslotFile(path).slots;
    if (slots.length === 1) return slots[0]!.username;
  }
  return 'admin';
}

/** A router signed in as the CLI's caller; role checks apply as in the app. */
export async function unlockedRouter(ctx: CliContext): Promise<Router> {
  const dataDir = dataDirOption(ctx);
  if (!existsSync(dataPaths(dataDir).keyslots)) throw new AppError('NOT_INITIALIZED', `${dataDir} is not a Paydesk data folder.`);
  // A command does its own work only; timed work runs when asked, with `paydesk jobs run`.
  const router = createRouter({ dataDir, background: false });
  const recoveryKey = stringOption(ctx, 'recovery-key');
  if (recoveryKey) {
    expectOk(await router.invoke('session.unlockWithRecoveryKey', { recoveryKey }));
  } else {
    const username = defaultUser(ctx, dataDir);
    expectOk(await router.invoke('session.unlock', { username, passphrase: await readPassphrase(ctx) }));
  }
  return router;
}

/** Runs one command's work signed in, and closes the router however the work ends. */
export async function withUnlockedRouter<T>(ctx: CliContext, work: (router: Router) => Promise<T>): Promise<T> {
  const router = await unlockedRouter(ctx);
  try {
    return await work(router);
  } finally {
    router.close();
  }
}
