import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type Store } from '../src-main/store/store';
import { createAccount, systemAccount, type TransferRequest } from '../src-main/ledger';
// The same mulberry32 generator the demo data uses, so every run posts the same transfers.
import { seededRandom } from '../src-main/demo/sample-people';

// What every benchmark shares: a real encrypted Store (SQLCipher, WAL, synchronous=FULL) in a
// temporary folder, a seeded random source, and the one-line JSON figure format of DESIGN.md §9.

export interface Figure {
  bench: string;
  value: number;
  unit: string;
  /** The goal, in the same unit; `higher` says which way is better. */
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
export function transferStream(book: Book, count: number, seed: number, keyPrefix: string): TransferRequest[] {
  const random = seededRandom(seed);
  const balances = new Map<number, number>();
  const at = new Date('2026-01-01T00:00:00.000Z');
  const pick = () => book.wallets[Math.floor(random() * book.wallets.length)]!;
  const reqs: TransferRequest[] = [];
  const push = (debit: number, credit: number, amount: number, kind: string) => {
    reqs.push({ idempotencyKey: `${keyPrefix}-${reqs.length}`, debitAccountId: debit, creditAccountId: credit, amount, kind, actor: 'bench', at });
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
