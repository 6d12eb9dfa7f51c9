import type { CheckResult } from '../../src-shared/contract/verify';
import { FirstFault } from '../audit/audit-replay';
import type { Store } from '../store/store';

// cards.spendMonths: the month totals the spending limits read (card_spend_months and
// member_spend_months, kept by triggers) against a rebuild from card_authorizations. A total
// that went to nothing (every authorization of its month voided) may stay as a zero row.

interface Total {
  amount: number;
  count: number;
}

interface TotalsTable {
  table: string;
  /** The stored totals, each with its `ref` (how verify names it). */
  stored: string;
  /** The same totals rebuilt from the authorizations. */
  rebuilt: string;
}

const TABLES: TotalsTable[] = [
  {
    table: 'card_spend_months',
    stored: `SELECT card_id || ':' || month AS ref, amount, count FROM card_spend_months`,
    rebuilt: `SELECT card_id || ':' || substr(at, 1, 7) AS ref, sum(counted_amount) AS amount, count(*) AS count
      FROM card_authorizations WHERE counted_amount > 0 GROUP BY card_id, substr(at, 1, 7)`,
  },
  {
    table: 'member_spend_months',
    stored: `SELECT member_id || ':' || currency || ':' || month AS ref, amount, count FROM member_spend_months`,
    rebuilt: `SELECT member_id || ':' || currency || ':' || substr(at, 1, 7) AS ref, sum(counted_amount) AS amount, count(*) AS count
      FROM card_authorizations WHERE counted_amount > 0 GROUP BY member_id, currency, substr(at, 1, 7)`,
  },
];

function totals(store: Store, sql: string): Map<string, Total> {
  return new Map((store.sqlite.prepare(sql).all() as (Total & { ref: string })[]).map(({ ref, amount, count }) => [ref, { amount, count }]));
}

export function checkSpendMonths(store: Store): CheckResult {
  const fault = new FirstFault();
  let months = 0;
  for (const { table, stored, rebuilt } of TABLES) {
    const kept = totals(store, stored);
    const expected = totals(store, rebuilt);
    months += kept.size;
    for (const [ref, total] of [...kept].sort(([a], [b]) => a.localeCompare(b))) {
      const want = expected.get(ref) ?? { amount: 0, count: 0 };
      if (total.amount !== want.amount || total.count !== want.count) fault.note(table, ref, `${table} ${ref} holds ${total.amount} in ${total.count}; its authorizations count ${want.amount} in ${want.count}`);
    }
    const [missing] = [...expected.keys()].filter((ref) => !kept.has(ref)).sort();
    if (missing !== undefined) fault.note(table, missing, `${table} has no total for ${missing}, whose authorizations count`);
  }
  return fault.result('cards.spendMonths', `${months} month totals, each what its authorizations count`, { months });
}
