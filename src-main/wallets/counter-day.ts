import type { CounterDay } from '../../src-shared/contract/wallets';
import type { Store } from '../store/store';

// Home's figures for the person at the counter (issue 8, until the dashboard): their own
// operations in a time window (the renderer sends the bounds of the reader's local day), and
// the cash that crossed their counter, per currency. A reversal of a deposit handed cash back
// out, a reversal of a withdrawal took it back in; payments and transfers move no cash.

interface ReceiptRow {
  operation: string;
  currency: string;
  amount: number;
  reversed: string | null;
}

export function counterDay(store: Store, teller: string, from: string, to: string): CounterDay {
  const rows = store.sqlite
    .prepare(
      `SELECT r.operation, r.currency, r.amount, o.operation AS reversed
       FROM wallet_receipts r LEFT JOIN wallet_receipts o ON o.id = r.reverses_receipt_id
       WHERE r.teller = ? AND r.created_at >= ? AND r.created_at <= ? ORDER BY r.id`,
    )
    .all(teller, from, to) as ReceiptRow[];
  const byCurrency = new Map<string, CounterDay['currencies'][number]>();
  for (const row of rows) {
    const day = byCurrency.get(row.currency) ?? { currency: row.currency, operations: 0, cashIn: 0, cashOut: 0 };
    day.operations += 1;
    if (row.operation === 'deposit' || (row.operation === 'reversal' && row.reversed === 'withdrawal')) day.cashIn += row.amount;
    if (row.operation === 'withdrawal' || (row.operation === 'reversal' && row.reversed === 'deposit')) day.cashOut += row.amount;
    byCurrency.set(row.currency, day);
  }
  return { operations: rows.length, currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
