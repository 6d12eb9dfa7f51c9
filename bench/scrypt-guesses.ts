import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { deriveKeyFromPassphrase, DEFAULT_SCRYPT } from '../src-main/store/crypto';
import { elapsedMs, round, type Bench } from './support';

// crypto.scrypt.guesses: how many passphrase guesses per second someone holding a copy of the
// data folder can try against one keyslot on this machine, with every core busy. Lockout cannot
// help against a stolen folder (lockout.json is just a file), so this cost is the protection the
// README quotes. Node's scrypt runs in the libuv pool, so one derivation in flight per core keeps
// every core busy; a dedicated cracker on a GPU would do better.
const SECONDS = 10;

async function guessLoop(salt: Buffer, until: number): Promise<number> {
  let guesses = 0;
  while (Date.now() < until) {
    await deriveKeyFromPassphrase(`guess ${guesses}`, salt, DEFAULT_SCRYPT);
    guesses += 1;
  }
  return guesses;
}

const bench: Bench = {
  name: 'crypto.scrypt.guesses',
  async run(emit) {
    const cores = availableParallelism();
    const salt = randomBytes(16);
    const start = process.hrtime.bigint();
    const until = Date.now() + SECONDS * 1000;
    const perCore = await Promise.all(Array.from({ length: cores }, () => guessLoop(salt, until)));
    const guesses = perCore.reduce((a, b) => a + b, 0);
    const perSecond = guesses / (elapsedMs(start) / 1000);
    process.stderr.write(`bench: ${guesses} scrypt derivations (N=2^15, r=8, p=1) on ${cores} cores in ${SECONDS} s\n`);
    emit({ bench: 'crypto.scrypt.guesses', value: round(perSecond), unit: 'guesses/s' });
  },
};

export default bench;
