import type { TransfersTable } from '../ledger/tables';
import type { Store } from '../store/store';
import { PAYOUT_KINDS } from './payout-ledger';
import { firstDifferingColumn } from '../integrity/verifier';

// What verify reads of the journal for payouts: every transfer into or out of 2400 Payouts in
// execution and 2410 Bank payouts clearing (payout-ledger.ts). Each is some batch's or item's
// (a hold, its post, an item's payment, a release, a settlement or a return); the checks claim
// the ones their rows name, and whatever no row claims is a payment nobody can account for.

export type PayoutTransfer = Pick<
  TransfersTable,
  'id' | 'idempotency_key' | 'debit_account_id' | 'credit_account_id' | 'amount' | 'currency' | 'kind' | 'state' | 'pending_id' | 'cause_ref' | 'created_at'
>;

/** The system accounts a batch moves money between, by currency. */
export interface PayoutAccounts {
  funding: number;
  inExecution: number;
  clearing: number;
  bankSettlement: number;
}

const ROLES = { payout_funding: 'funding', payouts_in_execution: 'inExecution', bank_payouts_clearing: 'clearing', bank_settlement: 'bankSettlement' } as const;

// The two accounts' own indexes (transfers_debit, transfers_credit) find their transfers without
// reading the rest of the journal.
const COLUMNS = 'SELECT id, idempotency_key, debit_account_id, credit_account_id, amount, currency, kind, state, pending_id, cause_ref, created_at FROM transfers';
const PAYOUT_TRANSFERS = `${COLUMNS}
  WHERE debit_account_id IN (SELECT id FROM accounts WHERE system_role IN ('payouts_in_execution', 'bank_payouts_clearing'))
     OR credit_account_id IN (SELECT id FROM accounts WHERE system_role IN ('payouts_in_execution', 'bank_payouts_clearing'))`;

/** What a transfer must be, as the row that claims it says; compared field by field. */
export interface ExpectedTransfer {
  key: string;
  kind: (typeof PAYOUT_KINDS)[keyof typeof PAYOUT_KINDS];
  state: 'posted' | 'pending' | 'post_pending';
  debit: number | undefined;
  credit: number | undefined;
  amount: number | null;
  currency: string;
  pendingId?: number | null;
  causeRef?: string;
}

export class PayoutJournal {
  private readonly byId = new Map<number, PayoutTransfer>();
  private readonly claimed = new Set<number>();
  private readonly accounts = new Map<string, Partial<PayoutAccounts>>();

  private readonly byKey: (key: string) => PayoutTransfer | undefined;

  constructor(store: Store) {
    const keyed = store.sqlite.prepare(`${COLUMNS} WHERE idempotency_key = ?`);
    this.byKey = (key) => keyed.get(key) as PayoutTransfer | undefined;
    for (const transfer of store.sqlite.prepare(PAYOUT_TRANSFERS).iterate() as IterableIterator<PayoutTransfer>) {
      this.byId.set(transfer.id, transfer);
    }
    const roles = store.sqlite.prepare(`SELECT id, system_role, currency FROM accounts WHERE system_role IN (${Object.keys(ROLES).map(() => '?').join(', ')})`);
    for (const row of roles.iterate(...Object.keys(ROLES)) as IterableIterator<{ id: number; system_role: keyof typeof ROLES; currency: string }>) {
      const accounts = this.accounts.get(row.currency) ?? {};
      accounts[ROLES[row.system_role]] = row.id;
      this.accounts.set(row.currency, accounts);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  accountsOf(currency: string): Partial<PayoutAccounts> {
    return this.accounts.get(currency) ?? {};
  }

  find(id: number | null): PayoutTransfer | undefined {
    return id === null ? undefined : this.byId.get(id);
  }

  /** The transfer under a batch's key (its hold's post, its release), by the journal's key index. */
  findKey(key: string): PayoutTransfer | undefined {
    const found = this.byKey(key);
    return found && this.byId.get(found.id);
  }

  /**
   * Claims `transfer` for a row and answers the first field in which it is not `expected`
   * ('missing' when there is no such payout transfer), or null when it is exactly that.
   */
  claim(transfer: PayoutTransfer | undefined, expected: ExpectedTransfer): string | null {
    if (!transfer) return 'missing';
    this.claimed.add(transfer.id);
    return differs(transfer, expected);
  }

  /** The transfers no row claimed, oldest first. */
  unclaimed(): PayoutTransfer[] {
    return [...this.byId.values()].filter((transfer) => !this.claimed.has(transfer.id)).sort((a, b) => a.id - b.id);
  }
}

function differs(transfer: PayoutTransfer, expected: ExpectedTransfer): string | null {
  const fields: [string, unknown, unknown][] = [
    ['idempotency_key', transfer.idempotency_key, expected.key],
    ['kind', transfer.kind, expected.kind],
    ['state', transfer.state, expected.state],
    ['debit_account_id', transfer.debit_account_id, expected.debit],
    ['credit_account_id', transfer.credit_account_id, expected.credit],
    ['amount', transfer.amount, expected.amount],
    ['currency', transfer.currency, expected.currency],
  ];
  if (expected.pendingId !== undefined) fields.push(['pending_id', transfer.pending_id, expected.pendingId]);
  if (expected.causeRef !== undefined) fields.push(['cause_ref', transfer.cause_ref, expected.causeRef]);
  return firstDifferingColumn(fields);
}

/** The row a payout transfer's key names: its item, else its batch; null for a key of no payout. */
export function ownerOfKey(key: string): { table: 'payout_items' | 'payout_batches'; id: number } | null {
  const item = /^payout:(\d+):item:(\d+)(:settle|:return)?$/.exec(key);
  if (item) return { table: 'payout_items', id: Number(item[2]) };
  const batch = /^payout:(\d+):(hold|start|release)$/.exec(key);
  if (batch) return { table: 'payout_batches', id: Number(batch[1]) };
  return null;
}
