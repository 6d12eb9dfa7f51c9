import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type Store } from '../src-main/store/store';
import { createAccount, systemAccount, type TransferRequest } from '../src-main/ledger';
import { initializeDataFolder } from '../src-main/staff/setup';
import type { Signer } from '../src-main/trust/signer';
import { certifiedCertificate } from '../src-main/trust/staff-certificates';
import { CHECKPOINT_INTERVAL_MS, takeCheckpoint, type CheckpointReason, type CheckpointRow } from '../src-main/trust/checkpoints';
// The same mulberry32 generator the demo data uses, so every run posts the same transfers.
import { seededRandom } from '../src-main/demo/sample-people';

// What every benchmark shares: a real encrypted Store (SQLCipher, WAL, synchronous=FULL) in a
// temporary folder, a seeded random source, and the one-line JSON figure format of DESIGN.md §9.
// The ledger figures hold with signatures on (issue 7): their rows are written in signed sessions
// of a set-up folder, with the checkpoints and certificate checks the app adds (see Desk).

export interface Figure {
  bench: string;
  value: number;
  unit: string;
  /** The issue's goal, in the same unit; `higher` says which way is better. */
  goal?: number;
  higher?: boolean;
}

export interface Bench {
  name: string;
  run(emit: (figure: Figure) => void): Promise<void>;
}

export function printFigure(figure: Figure): void {
  const { higher, goal, ...rest } = figure;
  const line = goal === undefined ? rest : { ...rest, goal, met: higher ? figure.value >= goal : figure.value <= goal };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export async function withTempStore<T>(work: (store: Store) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
  const store = await createStore(dir, randomBytes(32));
  try {
    return await work(store);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The founding admin of every set-up bench folder. */
export const FOUNDER = { username: 'admin', displayName: 'Bench admin', passphrase: 'bench admin passphrase 2026' } as const;

/**
 * A signed-in person's session with the signing work AppState and the router add to it: an
 * 'open' checkpoint at sign-in; around each call the role from their certificate before it and
 * an 'interval' checkpoint after it once the last is CHECKPOINT_INTERVAL_MS old
 * (AppState.checkpointIfDue); a 'job' checkpoint when a bulk job ends; 'close' at sign-out.
 * Times come from the caller, so a bench can run a fake clock.
 */
export class Desk {
  private lastCheckpoint: CheckpointRow;
  private lastCheckpointAt: number;

  constructor(readonly store: Store, readonly signer: Signer, now: Date) {
    this.lastCheckpoint = takeCheckpoint(store, signer, 'open', null, now)!;
    this.lastCheckpointAt = now.getTime();
  }

  get actor(): string {
    return this.signer.username;
  }

  /** One router call at `now`. */
  call<T>(now: Date, work: () => T): T {
    certifiedCertificate(this.store, this.signer);
    const value = work();
    if (now.getTime() - this.lastCheckpointAt >= CHECKPOINT_INTERVAL_MS) this.checkpoint('interval', now);
    return value;
  }

  /** A bulk job started by a call and signed as it ends. */
  job<T>(now: Date, work: () => T): T {
    certifiedCertificate(this.store, this.signer);
    const value = work();
    this.checkpoint('job', now);
    return value;
  }

  signOut(now: Date): void {
    this.checkpoint('close', now);
    this.store.close();
  }

  private checkpoint(reason: CheckpointReason, now: Date): void {
    this.lastCheckpoint = takeCheckpoint(this.store, this.signer, reason, this.lastCheckpoint, now) ?? this.lastCheckpoint;
    this.lastCheckpointAt = now.getTime();
  }
}

/**
 * A data folder set up as on first run (initializeDataFolder: root certificate, keyslots), with
 * its founding admin signed in at a Desk. Returns a copy of the master key, so a bench can open
 * the store afresh as an auditor's verify would, without a sign-in's writes.
 */
export async function setUpFolder(dir: string, now: Date): Promise<{ desk: Desk; masterKey: Buffer }> {
  const { store, signer } = await initializeDataFolder(dir, FOUNDER, {}, now);
  return { desk: new Desk(store, signer, now), masterKey: Buffer.from(store.masterKey) };
}

/** `work` at the founding admin's desk in a set-up temporary folder, signed out and removed after. */
export async function withSignedInAdmin<T>(work: (desk: Desk) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
  try {
    const { desk } = await setUpFolder(dir, new Date());
    try {
      return await work(desk);
    } finally {
      desk.signOut(new Date());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many checkpoints a folder holds, by reason, in words for the progress log. */
export function checkpointTally(store: Store): string {
  const rows = store.sqlite.prepare('SELECT reason, count(*) AS n FROM checkpoints GROUP BY reason ORDER BY min(id)').all() as { reason: string; n: number }[];
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  return `${total} checkpoints (${rows.map((row) => `${row.reason} ${row.n}`).join(', ')})`;
}

/** One raw 200-byte row per durable commit in the same store, `commits` times: what the disk's fsync allows at best, the floor single-commit figures are compared with. */
export function rawCommitsPerSecond(store: Store, commits: number): number {
  store.sqlite.exec('CREATE TABLE floor_rows (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = store.sqlite.prepare('INSERT INTO floor_rows (body) VALUES (?)');
  const body = 'x'.repeat(200);
  const start = process.hrtime.bigint();
  for (let i = 0; i < commits; i += 1) store.sqlite.transaction(() => insert.run(body))();
  return commits / (elapsedMs(start) / 1000);
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export interface Book {
  cash: number;
  merchant: number;
  fees: number;
  wallets: number[];
}

/** A ledger with `members` no-overdraft CNY wallets beside the system accounts. */
export function openWallets(store: Store, members: number): Book {
  const wallets = store.sqlite
    .transaction(() =>
      Array.from({ length: members }, (_, i) =>
        createAccount(store, { code: `2100-${String(i + 1).padStart(8, '0')}-CNY`, name: `Wallet ${i + 1}`, kind: 'liability', currency: 'CNY', ownerType: 'member', ownerId: i + 1, noOverdraft: true }).id,
      ),
    )
    .immediate();
  return {
    cash: systemAccount(store, 'branch_cash', 'CNY').id,
    merchant: systemAccount(store, 'merchant_settlement', 'CNY').id,
    fees: systemAccount(store, 'fee_income', 'CNY').id,
    wallets,
  };
}

/**
 * A realistic stream: every wallet is funded first, then deposits, payments, fees and transfers
 * between members whose amounts always fit the payer's running balance.
 */
export function transferStream(book: Book, count: number, seed: number, keyPrefix: string, actor: string): TransferRequest[] {
  const random = seededRandom(seed);
  const balances = new Map<number, number>();
  const at = new Date('2026-01-01T00:00:00.000Z');
  const pick = () => book.wallets[Math.floor(random() * book.wallets.length)]!;
  const reqs: TransferRequest[] = [];
  const push = (debit: number, credit: number, amount: number, kind: string) => {
    reqs.push({ idempotencyKey: `${keyPrefix}-${reqs.length}`, debitAccountId: debit, creditAccountId: credit, amount, kind, actor, at });
    if (balances.has(debit)) balances.set(debit, balances.get(debit)! - amount);
    if (balances.has(credit)) balances.set(credit, balances.get(credit)! + amount);
  };
  for (const wallet of book.wallets) {
    balances.set(wallet, 0);
    if (reqs.length < count) push(book.cash, wallet, 100_000, 'deposit');
  }
  while (reqs.length < count) {
    const wallet = pick();
    const roll = random();
    const amount = 1 + Math.floor(random() * 5_000);
    if (roll < 0.3 || balances.get(wallet)! < amount * 2) push(book.cash, wallet, amount * 3, 'deposit');
    else if (roll < 0.6) push(wallet, book.merchant, amount, 'payment');
    else if (roll < 0.7) push(wallet, book.fees, Math.max(1, Math.floor(amount / 100)), 'fee');
    else if (roll < 0.85) push(wallet, book.cash, amount, 'withdrawal');
    else {
      const payee = pick();
      push(wallet, payee === wallet ? book.merchant : payee, amount, 'member_transfer');
    }
  }
  return reqs;
}
