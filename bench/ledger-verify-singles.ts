import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src-main/store/store';
import { postTransfer } from '../src-main/ledger';
import { verifyStore } from '../src-main/registry';
import { addStaff } from '../src-main/staff/staff-service';
import { unlockWithPassphrase } from '../src-main/staff/unlock';
import { Desk, checkpointTally, elapsedMs, openWallets, round, setUpFolder, transferStream, type Bench, type Book } from './support';

// ledger.verify.100k_singles (issue 7): the full `verify` the CLI and the router run, over the
// data a busy branch would have: a set-up folder whose admin added ten tellers (each with a
// certificate and a signing key sealed in their keyslot), each teller signed in at a workstation
// of their own (a connection of its own on the same folder), and 100k transfers each posted as
// its own durable commit by the tellers taking turns, one a second on a fake clock; not through
// postBulk, so every row is a commit of its own. Each teller's session is signed as the app signs
// it (see Desk): opened, an interval checkpoint every 5 minutes of their commits, closed. The
// posting is setup (about a minute at synchronous=FULL) and goes to stderr. Like ledger.1m, the
// store is closed and opened afresh before each timed run, and the best of two counts, so that a
// neighbour's burst of work on a shared machine does not decide the figure. Beside it,
// floor.read.100k: reading every transfer row with a plain SELECT on a fresh open, which is what
// any verify of the journal pays at least.
const TRANSFERS = 100_000;
const TELLERS = 10;
const ROUNDS = 2;
const OPENS = new Date('2026-01-01T07:00:00.000Z').getTime();
const FIRST_COMMIT = new Date('2026-01-01T08:00:00.000Z').getTime();

const TELLER_LOGINS = Array.from({ length: TELLERS }, (_, i) => ({ username: `teller-${i + 1}`, passphrase: `bench teller ${i + 1} passphrase 2026` }));

const at = (ms: number) => new Date(ms);

/** The admin sets up the folder, adds the tellers and opens the wallets, then signs out. */
async function setUpBranch(dir: string): Promise<{ masterKey: Buffer; book: Book }> {
  const { desk, masterKey } = await setUpFolder(dir, at(OPENS));
  for (const [i, teller] of TELLER_LOGINS.entries()) {
    await addStaff(desk.store, desk.signer, { ...teller, displayName: `Teller ${i + 1}`, role: 'teller' }, at(OPENS + (i + 1) * 60_000));
  }
  const book = openWallets(desk.store, 1_000);
  desk.signOut(at(OPENS + 30 * 60_000));
  return { masterKey, book };
}

/** Each teller signs in at a workstation of their own; their commits take turns; all sign out at the end. */
async function postSingles(dir: string, book: Book): Promise<void> {
  const desks: Desk[] = [];
  try {
    for (const teller of TELLER_LOGINS) {
      const signIn = at(FIRST_COMMIT - 60_000);
      const { store, signer } = await unlockWithPassphrase(dir, teller.username, teller.passphrase, {}, signIn);
      desks.push(new Desk(store, signer, signIn));
    }
    // The actor each request names is the teller whose turn it is.
    transferStream(book, TRANSFERS, 31, 'single', '').forEach((req, i) => {
      const desk = desks[i % TELLERS]!;
      const now = at(FIRST_COMMIT + i * 1_000);
      desk.call(now, () => postTransfer(desk.store, { ...req, actor: desk.actor, at: now }));
    });
  } finally {
    const end = at(FIRST_COMMIT + TRANSFERS * 1_000);
    for (const desk of desks) desk.signOut(end);
  }
}

async function onFreshOpen<T>(dir: string, masterKey: Buffer, work: (store: Store) => T): Promise<T> {
  const store = await openStore(dir, Buffer.from(masterKey));
  try {
    return work(store);
  } finally {
    store.close();
  }
}

function timedOnFreshOpen(dir: string, masterKey: Buffer, work: (store: Store) => void): Promise<number> {
  return onFreshOpen(dir, masterKey, (store) => {
    const start = process.hrtime.bigint();
    work(store);
    return elapsedMs(start);
  });
}

function verifyAll(store: Store): void {
  const failed = verifyStore(store).checks.filter((c) => !c.ok);
  if (failed.length > 0) throw new Error(`verify failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`);
}

/** Arrays, not objects, and one row at a time: the cheapest read the driver offers, as the replay in ledger/verify reads. */
function readAllTransfers(store: Store): void {
  let rows = 0;
  for (const _row of store.sqlite.prepare('SELECT * FROM transfers').raw().iterate()) rows += 1;
  if (rows !== TRANSFERS) throw new Error(`expected ${TRANSFERS} transfer rows, read ${rows}`);
}

const bench: Bench = {
  name: 'ledger.verify.100k_singles',
  async run(emit) {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
    try {
      const setupStart = process.hrtime.bigint();
      const { masterKey, book } = await setUpBranch(dir);
      await postSingles(dir, book);
      const tally = await onFreshOpen(dir, masterKey, checkpointTally);
      process.stderr.write(`bench: posted ${TRANSFERS} single commits by ${TELLERS} signed-in tellers in ${round(elapsedMs(setupStart) / 1000)} s; ${tally}\n`);
      let verifyMs = Number.POSITIVE_INFINITY;
      let floorMs = Number.POSITIVE_INFINITY;
      for (let i = 0; i < ROUNDS; i += 1) {
        floorMs = Math.min(floorMs, await timedOnFreshOpen(dir, masterKey, readAllTransfers));
        verifyMs = Math.min(verifyMs, await timedOnFreshOpen(dir, masterKey, verifyAll));
      }
      emit({ bench: 'ledger.verify.100k_singles', value: round(verifyMs, 0), unit: 'ms', goal: 1_000 });
      emit({ bench: 'floor.read.100k', value: round(floorMs, 0), unit: 'ms' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
