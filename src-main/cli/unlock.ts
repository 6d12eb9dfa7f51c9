import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppError } from '../../src-shared/errors';
import { createRouter, type Router } from '../api/router';
import { readKeyslotFile, staffSlots } from '../store/keyslots';
import { dataPaths } from '../store/paths';
import { isInitialized } from '../staff/unlock';
import { stringOption, expectOk, type CliContext, type OptionSpec } from './command';

// Secrets never go on the command line, where `ps` and /proc/<pid>/cmdline show them to every
// user of the machine: a passphrase comes from PAYDESK_PASSPHRASE or a prompt, the recovery key
// from PAYDESK_RECOVERY_KEY, --recovery-key-stdin or a prompt (--recovery).

export const RECOVERY_KEY_OPTIONS: OptionSpec = {
  /** Accepted by the parser only to be refused with a message saying how instead. */
  'recovery-key': { type: 'string' },
  'recovery-key-stdin': { type: 'boolean' },
  recovery: { type: 'boolean' },
};

export const UNLOCK_OPTIONS: OptionSpec = {
  data: { type: 'string' },
  user: { type: 'string' },
  ...RECOVERY_KEY_OPTIONS,
};

export function dataDirOption(ctx: CliContext): string {
  return stringOption(ctx, 'data', true)!;
}

/** Reads one line from the terminal without echoing it. */
async function promptHidden(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  muted._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

/** PAYDESK_PASSPHRASE, or a prompt when stdin is a terminal (input is not echoed). */
export async function readPassphrase(ctx: CliContext, prompt = 'Passphrase: '): Promise<string> {
  const fromEnv = ctx.env.PAYDESK_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('INVALID_INPUT', 'Set PAYDESK_PASSPHRASE or run in a terminal.', { field: 'PAYDESK_PASSPHRASE' });
  return promptHidden(prompt);
}

/** Everything on standard input, trimmed: secrets that must never be in argv (a recovery key, a card number). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

const HOW_TO_GIVE_THE_RECOVERY_KEY = 'Give it in PAYDESK_RECOVERY_KEY, on standard input with --recovery-key-stdin, or at the prompt of --recovery.';

/**
 * The recovery key when the caller asked to use it (PAYDESK_RECOVERY_KEY, --recovery-key-stdin,
 * or --recovery for a prompt), else null. `--recovery-key KEY` is refused before anything runs.
 * `required` prompts (or asks how) when none of them was given.
 */
export async function readRecoveryKey(ctx: CliContext, { required = false } = {}): Promise<string | null> {
  if (ctx.values['recovery-key'] !== undefined) {
    throw new AppError('INVALID_INPUT', `--recovery-key would show the key to every user of this machine (ps, /proc). ${HOW_TO_GIVE_THE_RECOVERY_KEY}`, { field: 'recovery-key' });
  }
  if (ctx.values['recovery-key-stdin'] === true) return readStdin();
  const fromEnv = ctx.env.PAYDESK_RECOVERY_KEY;
  if (fromEnv) return fromEnv;
  if (ctx.values.recovery !== true && !required) return null;
  if (!process.stdin.isTTY) throw new AppError('INVALID_INPUT', `No recovery key given. ${HOW_TO_GIVE_THE_RECOVERY_KEY}`, { field: 'PAYDESK_RECOVERY_KEY' });
  return promptHidden('Recovery key: ');
}

/** Whose slot to use: --user, PAYDESK_USER, the only staff slot, or `admin`. */
function defaultUser(ctx: CliContext, dataDir: string): string {
  const named = stringOption(ctx, 'user') ?? ctx.env.PAYDESK_USER;
  if (named) return named;
  const path = dataPaths(dataDir).keyslots;
  if (existsSync(path)) {
    const slots = staffSlots(readKeyslotFile(path));
    if (slots.length === 1) return slots[0]!.username;
  }
  return 'admin';
}

/**
 * A router signed in as the CLI's caller; role checks apply as in the app. The recovery key signs
 * in as the recovery admin, exactly as the app's unlock screen does (it rebuilds a lost
 * keyslots.json the same way).
 */
export async function unlockedRouter(ctx: CliContext, givenRecoveryKey?: string): Promise<Router> {
  const dataDir = dataDirOption(ctx);
  const recoveryKey = givenRecoveryKey ?? (await readRecoveryKey(ctx));
  if (recoveryKey !== null && stringOption(ctx, 'user')) {
    throw new AppError('INVALID_INPUT', '--user and the recovery key both choose who signs in; give one of them.', { field: 'user' });
  }
  if (!isInitialized(dataDir)) throw new AppError('NOT_INITIALIZED', `${dataDir} is not a Paydesk data folder.`);
  // A command does its own work only; timed work runs when asked, with `paydesk jobs run`.
  const router = createRouter({ dataDir, background: false });
  try {
    if (recoveryKey !== null) {
      expectOk(await router.invoke('session.unlockWithRecoveryKey', { recoveryKey }));
    } else {
      const username = defaultUser(ctx, dataDir);
      expectOk(await router.invoke('session.unlock', { username, passphrase: await readPassphrase(ctx) }));
    }
  } catch (error) {
    router.close();
    throw error;
  }
  return router;
}

/** Runs one command's work signed in, and closes the router however the work ends. */
export async function withUnlockedRouter<T>(ctx: CliContext, work: (router: Router) => Promise<T>, recoveryKey?: string): Promise<T> {
  const router = await unlockedRouter(ctx, recoveryKey);
  try {
    return await work(router);
  } finally {
    router.close();
  }
}
