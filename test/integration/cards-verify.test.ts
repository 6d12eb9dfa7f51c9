import { describe, expect, it } from 'vitest';
import { pick, POSITIONS, tamperBench, type Named, type TableCase } from '../support/tamper';
import { cardBranch } from './cards-branch';

// Issue 10: `verify` covers every card table. A clean branch passes every card check; then a
// tamper battery, as in tamper-battery.test.ts: for each card table, one value changed, a row
// inserted and a row deleted at the first, middle and last row, as someone holding the key
// would (foreign keys deferred), each in a transaction rolled back. Verify must fail and name
// the row (`table#id`). Then the cases particular to cards: numbers, events, holds.

const CARD_CHECKS = ['cards.programs', 'cards.audited', 'cards.memberLimits', 'cards.bankCards', 'cards.events', 'cards.fingerprints', 'cards.authorizations', 'cards.spendMonths'];

const { all, one, run, nextId, verifyAfter, violationOf, expectNamed } = tamperBench('paydesk-cards-tamper-', cardBranch);

/** Copies a row under a new id with some columns changed (`changes`: column → SQL expression). */
function copyRow(table: string, id: unknown, changes: Record<string, string>): number {
  const next = nextId(table);
  const columns = all<{ name: string }>(`PRAGMA table_info(${table})`).map((c) => c.name).filter((name) => name !== 'id');
  run(`INSERT INTO ${table} (id, ${columns.join(', ')}) SELECT ?, ${columns.map((c) => changes[c] ?? c).join(', ')} FROM ${table} WHERE id = ?`, next, id);
  return next;
}

const TABLES: Record<string, TableCase> = {
  card_programs: {
    rows: 'SELECT id AS ref FROM card_programs ORDER BY id',
    update: (row) => run('UPDATE card_programs SET validity_months = validity_months + 1 WHERE id = ?', row.ref),
    insert: (row) => `card_programs#${copyRow('card_programs', row.ref, { name: `name || ' 2'` })}`,
    delete: (row) => run('DELETE FROM card_programs WHERE id = ?', row.ref),
  },
  cards: {
    rows: 'SELECT id AS ref FROM cards ORDER BY id',
    update: (row) => run(`UPDATE cards SET holder_name = 'MALLORY' WHERE id = ?`, row.ref),
    insert: (row) => `cards#${copyRow('cards', row.ref, { issue_key: `issue_key || '-2'`, pan_fingerprint: `substr(pan_fingerprint, 2) || '0'`, replaces_id: 'NULL', replaced_by_id: 'NULL' })}`,
    delete: (row) => run('DELETE FROM cards WHERE id = ?', row.ref),
  },
  card_events: {
    rows: 'SELECT id AS ref, card_id FROM card_events ORDER BY id',
    update: (row) => run(`UPDATE card_events SET actor = 'mallory' WHERE id = ?`, row.ref),
    insert: (row) => `card_events#${copyRow('card_events', row.ref, {})}`,
    delete: (row) => run('DELETE FROM card_events WHERE id = ?', row.ref),
    // A removed event breaks its card's history at the event after it, or leaves the card short of one.
    names: (row) => [`card_events#${String(row.ref)}`, new RegExp(`^card_events#`), `cards#${String(row.card_id)}`],
  },
  member_card_limits: {
    rows: `SELECT member_id || ':' || currency AS ref, member_id, currency FROM member_card_limits ORDER BY member_id, currency`,
    update: (row) => run(`UPDATE member_card_limits SET updated_by = 'mallory' WHERE member_id = ? AND currency = ?`, row.member_id, row.currency),
    insert(row) {
      run(`INSERT INTO member_card_limits (member_id, currency, limits, updated_by, updated_at) SELECT member_id, 'USD', limits, updated_by, updated_at FROM member_card_limits WHERE member_id = ? AND currency = ?`, row.member_id, row.currency);
      return `member_card_limits#${String(row.member_id)}:USD`;
    },
    delete: (row) => run('DELETE FROM member_card_limits WHERE member_id = ? AND currency = ?', row.member_id, row.currency),
  },
  card_authorizations: {
    rows: 'SELECT id AS ref, status FROM card_authorizations ORDER BY id',
    update: (row) => run('UPDATE card_authorizations SET counted_amount = counted_amount + 1 WHERE id = ?', row.ref),
    // An approval made up: holding on a transfer that is no card hold.
    insert: (row) => `card_authorizations#${copyRow('card_authorizations', row.ref, {
      idempotency_key: `idempotency_key || '-2'`, status: `'held'`, decline_code: 'NULL', decline_interval: 'NULL', hold_id: '999999', captured_amount: '0', resolved_by: 'NULL', counted_amount: 'amount',
    })}`,
    delete: (row) => run('DELETE FROM card_authorizations WHERE id = ?', row.ref),
  },
  card_spend_months: {
    rows: `SELECT card_id || ':' || month AS ref, card_id, month FROM card_spend_months ORDER BY card_id, month`,
    update: (row) => run('UPDATE card_spend_months SET amount = amount + 1 WHERE card_id = ? AND month = ?', row.card_id, row.month),
    insert(row) {
      run(`INSERT INTO card_spend_months (card_id, month, amount, count) SELECT card_id, '2001-01', amount, count FROM card_spend_months WHERE card_id = ? AND month = ?`, row.card_id, row.month);
      return `card_spend_months#${String(row.card_id)}:2001-01`;
    },
    delete: (row) => run('DELETE FROM card_spend_months WHERE card_id = ? AND month = ?', row.card_id, row.month),
  },
  member_spend_months: {
    rows: `SELECT member_id || ':' || currency || ':' || month AS ref, member_id, currency, month FROM member_spend_months ORDER BY member_id, currency, month`,
    update: (row) => run('UPDATE member_spend_months SET count = count + 1 WHERE member_id = ? AND currency = ? AND month = ?', row.member_id, row.currency, row.month),
    insert(row) {
      run(`INSERT INTO member_spend_months (member_id, currency, month, amount, count) SELECT member_id, currency, '2001-01', amount, count FROM member_spend_months WHERE member_id = ? AND currency = ? AND month = ?`, row.member_id, row.currency, row.month);
      return `member_spend_months#${String(row.member_id)}:${String(row.currency)}:2001-01`;
    },
    delete: (row) => run('DELETE FROM member_spend_months WHERE member_id = ? AND currency = ? AND month = ?', row.member_id, row.currency, row.month),
  },
  bank_cards: {
    rows: 'SELECT id AS ref FROM bank_cards ORDER BY id',
    update: (row) => run(`UPDATE bank_cards SET holder_name = 'MALLORY' WHERE id = ?`, row.ref),
    insert: (row) => `bank_cards#${copyRow('bank_cards', row.ref, { is_default: '0', unlinked_by: 'linked_by', unlinked_at: 'linked_at' })}`,
    delete: (row) => run('DELETE FROM bank_cards WHERE id = ?', row.ref),
  },
};

describe('verify on a branch with cards in play', () => {
  it('passes every check, card checks included, each counting rows of its table', () => {
    const report = verifyAfter(() => undefined);
    expect(report.failed).toEqual([]);
    expect(report.checks.filter((name) => name.startsWith('cards.')).sort()).toEqual([...CARD_CHECKS].sort());
    for (const table of Object.keys(TABLES)) expect({ table, rows: one<number>(`SELECT count(*) FROM ${table}`) }).toEqual({ table, rows: expect.toSatisfy((n: number) => n >= 3) });
    expect(one<number>(`SELECT count(DISTINCT status) FROM card_authorizations`)).toBe(5);
    expect(all(`SELECT DISTINCT channel, to_state, reason FROM card_events WHERE channel = 'system'`)).toEqual([{ channel: 'system', to_state: 'cancelled', reason: 'expired' }]);
  });
});

describe('tamper battery: every card table', () => {
  for (const [table, spec] of Object.entries(TABLES)) {
    describe(table, () => {
      for (const at of POSITIONS) {
        const rowAt = () => pick(all(spec.rows), at);
        const named = (row: Record<string, unknown>) => spec.names?.(row) ?? [`${table}#${String(row.ref)}`];
        it(`a value changed in the ${at} row is named`, () => {
          const row = rowAt();
          expectNamed(() => spec.update(row), ...named(row));
        });
        it(`a row inserted like the ${at} row is named`, () => {
          const row = rowAt();
          let name: Named = '';
          const found = verifyAfter(() => {
            name = spec.insert(row);
          });
          const matches = found.named.some((n) => (typeof name === 'string' ? n === name : name.test(n)));
          expect({ ok: found.ok, named: found.named, expected: String(name), matches }).toMatchObject({ ok: false, matches: true });
        });
        it(`the ${at} row deleted is named`, () => {
          const row = rowAt();
          expectNamed(() => spec.delete(row), ...named(row));
        });
      }
    });
  }
});

describe('the card checks, one rule at a time', () => {
  it('cards.audited and cards.programs name a card whose last four changed and a program whose length changed', () => {
    const card = one<number>('SELECT min(id) FROM cards');
    expect(violationOf('cards.audited', () => run(`UPDATE cards SET last4 = '0000' WHERE id = ?`, card))).toBe(`cards#${card}`);
    const program = one<number>('SELECT max(id) FROM card_programs');
    expect(violationOf('cards.programs', () => run('UPDATE card_programs SET pan_length = 19 WHERE id = ?', program))).toBe(`card_programs#${program}`);
  });

  it('cards.fingerprints names a card whose sealed number is no box, and a bank card linked twice to its member', () => {
    const card = one<number>('SELECT max(id) FROM cards');
    expect(violationOf('cards.fingerprints', () => run(`UPDATE cards SET pan_sealed = '{"nonce":"AAAA"}' WHERE id = ?`, card))).toBe(`cards#${card}`);
    // Two cards one member has linked now.
    const [first, second] = all<{ id: number; pan_fingerprint: string }>(`SELECT id, pan_fingerprint FROM bank_cards WHERE unlinked_at IS NULL
      AND member_id = (SELECT member_id FROM bank_cards WHERE unlinked_at IS NULL GROUP BY member_id HAVING count(*) > 1) ORDER BY id`);
    const linkedTwice = () => {
      run('DROP INDEX bank_cards_linked_once');
      run('UPDATE bank_cards SET pan_fingerprint = ? WHERE id = ?', first!.pan_fingerprint, second!.id);
    };
    expect(violationOf('cards.fingerprints', linkedTwice)).toBe(`bank_cards#${second!.id}`);
  });

  it('cards.events names an event moved to another card, and a card whose state is not its last event', () => {
    const event = one<number>('SELECT max(id) FROM card_events');
    expectNamed(() => run('UPDATE card_events SET card_id = (SELECT min(id) FROM cards) WHERE id = ?', event), `card_events#${event}`);
    const frozen = one<number>(`SELECT id FROM cards WHERE state = 'frozen'`);
    const found = verifyAfter(() => run(`UPDATE cards SET state = 'active' WHERE id = ?`, frozen));
    expect(found.named).toEqual(expect.arrayContaining([`cards#${frozen}`]));
  });

  it('cards.authorizations names a held authorization marked voided, a capture raised, and a hold whose authorization is gone', () => {
    const held = one<number>(`SELECT id FROM card_authorizations WHERE status = 'held'`);
    expectNamed(() => run(`UPDATE card_authorizations SET status = 'voided', counted_amount = 0 WHERE id = ?`, held), `card_authorizations#${held}`);
    const captured = one<number>(`SELECT id FROM card_authorizations WHERE status = 'captured' AND captured_amount < amount`);
    expectNamed(() => run('UPDATE card_authorizations SET captured_amount = amount, counted_amount = amount WHERE id = ?', captured), `card_authorizations#${captured}`);
    const expired = one<number>(`SELECT id FROM card_authorizations WHERE status = 'expired'`);
    expectNamed(() => run(`UPDATE card_authorizations SET status = 'voided' WHERE id = ?`, expired), `card_authorizations#${expired}`);
  });

  it('cards.spendMonths names a month total changed, added or removed, for a card and for a member', () => {
    const card = one<string>(`SELECT card_id || ':' || month FROM card_spend_months ORDER BY card_id, month LIMIT 1`);
    expect(violationOf('cards.spendMonths', () => run(`UPDATE card_spend_months SET amount = amount - 1 WHERE card_id || ':' || month = ?`, card))).toBe(`card_spend_months#${card}`);
    expect(violationOf('cards.spendMonths', () => run(`DELETE FROM card_spend_months WHERE card_id || ':' || month = ?`, card))).toBe(`card_spend_months#${card}`);
    expect(violationOf('cards.spendMonths', () => run(`INSERT INTO card_spend_months (card_id, month, amount, count) VALUES (999, '2001-01', 5, 1)`))).toBe('card_spend_months#999:2001-01');
    const member = one<string>(`SELECT member_id || ':' || currency || ':' || month FROM member_spend_months ORDER BY member_id, month LIMIT 1`);
    expect(violationOf('cards.spendMonths', () => run(`UPDATE member_spend_months SET count = count + 1 WHERE member_id || ':' || currency || ':' || month = ?`, member))).toBe(`member_spend_months#${member}`);
  });

  it('cards.authorizations names a declined attempt made up, removed or changed, against its card.decline audit row', () => {
    const declined = one<number>(`SELECT id FROM card_authorizations WHERE status = 'declined' ORDER BY id LIMIT 1`);
    expectNamed(() => copyRow('card_authorizations', declined, { idempotency_key: `idempotency_key || '-2'` }), /^card_authorizations#/);
    expectNamed(() => run('DELETE FROM card_authorizations WHERE id = ?', declined), `card_authorizations#${declined}`);
    expectNamed(() => run(`UPDATE card_authorizations SET merchant = 'Elsewhere' WHERE id = ?`, declined), `card_authorizations#${declined}`);
  });
});
